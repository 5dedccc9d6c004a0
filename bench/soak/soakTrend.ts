/** One point of a metric over the soak: minutes since the first sample, and the value. */
export interface TrendPoint {
  readonly minute: number
  readonly value: number
}

/** A line through the points. */
export interface LinearTrend {
  readonly slopePerMinute: number
  readonly intercept: number
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Fits y = intercept + slope·minute with the Theil–Sen estimator: the slope is the median of the
 * slopes between every pair of points, so one odd sample (a collection that had not run, a
 * cache filling) barely moves it, while a steady climb does. A flat line for fewer than 2 points.
 */
export function fitLinearTrend(points: readonly TrendPoint[]): LinearTrend {
  const pairSlopes: number[] = []
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j]!.minute - points[i]!.minute
      if (dx !== 0) pairSlopes.push((points[j]!.value - points[i]!.value) / dx)
    }
  }
  const slopePerMinute = median(pairSlopes)
  return {
    slopePerMinute,
    intercept: median(points.map((p) => p.value - slopePerMinute * p.minute)),
  }
}

/** How much growth a metric may show over the soak before it counts as a leak. */
export interface GrowthTolerance {
  /** Allowed fitted growth in the metric's unit (noise, caches warming up). */
  readonly absolute: number
  /** Allowed fitted growth as a fraction of the fitted starting value. */
  readonly relative: number
}

/** What the trend says about one metric. */
export interface GrowthVerdict {
  readonly metric: string
  readonly startValue: number
  /** The fitted line's rise from the first to the last sample. */
  readonly fittedGrowth: number
  readonly allowedGrowth: number
  readonly isGrowing: boolean
}

/**
 * Judges a metric by the robust line fitted through all its samples rather than by first and
 * last sample, so one noisy reading (a GC that had not finished) neither hides nor fakes a leak.
 * Growth is allowed up to the larger of the absolute and the relative tolerance.
 */
export function judgeGrowth(
  metric: string,
  points: readonly TrendPoint[],
  tolerance: GrowthTolerance,
): GrowthVerdict {
  const trend = fitLinearTrend(points)
  const firstMinute = points[0]?.minute ?? 0
  const lastMinute = points.at(-1)?.minute ?? firstMinute
  const startValue = trend.intercept + trend.slopePerMinute * firstMinute
  const fittedGrowth = trend.slopePerMinute * (lastMinute - firstMinute)
  const allowedGrowth = Math.max(tolerance.absolute, Math.abs(startValue) * tolerance.relative)
  return {
    metric,
    startValue,
    fittedGrowth,
    allowedGrowth,
    isGrowing: points.length >= 3 && fittedGrowth > allowedGrowth,
  }
}
