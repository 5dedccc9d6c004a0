/**
 * One benchmark case of `npm run bench`. Each case measures in one run both what it times and
 * the baseline it is compared with, and reports rows for the results table.
 */
export interface BenchCase {
  /** Short id, e.g. `serve-start`, `pack-install`, `woodblock-scene`. */
  readonly name: string
  readonly description: string
  run(context: BenchContext): Promise<readonly BenchRow[]>
}

/** One line of the results table. */
export interface BenchRow {
  readonly metric: string
  readonly value: number
  readonly unit: string
  /** The figure it is compared with, measured in the same run (or a fixed target). */
  readonly baseline?: number
  /** value / baseline, when that ratio is the point. */
  readonly ratio?: number
  /** The target from the issue, e.g. "≤ 1.5 s, ≤ 2×". */
  readonly target?: string
  /** Whether the target was met, when there is one. */
  readonly isWithinTarget?: boolean
}

export interface BenchContext {
  /** The app root (built already: `npm run bench` builds first). */
  readonly appRoot: string
  /** A scratch folder for this run, removed afterwards. */
  readonly scratchDir: string
  readonly log: (message: string) => void
}
