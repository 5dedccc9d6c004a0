import { heavyPourRatio, prescriptionOf } from './pourPrescription'
import { pourCount } from './teaStations'

/** One stretch of whisking, as the scene measured it from the visitor's finger. */
export interface WhiskInput {
  readonly durationSeconds: number
  /** Mean speed of the whisk tip, in bowl radii per second. */
  readonly speedRadiiPerSecond: number
  /** How far the whisk tip travelled, in bowl radii (speed × the real time, uncapped). */
  readonly distanceRadii: number
  /** 0–1; what the glass reports, or 0.5 where it measures none. */
  readonly pressure: number
  /** Direction reversals per second: brisk back-and-forth beating (击) rather than circling (拂). */
  readonly reversalsPerSecond: number
}

/** What happened during one pour (the judge reads these). */
export interface PourRecord {
  readonly pourNumber: number
  /** Water poured, as a fraction of the bowl. */
  volumeFraction: number
  /** Volume-weighted mean distance of the stream from the centre: 0 centre … 1 rim. */
  meanRadiusFraction: number
  /** Share of the circle (twelve sectors) the stream passed over. */
  ringCoverage: number
  /** Water that went in while the whisk was working at the same time (一发点). */
  volumePouredWhileWhiskingFraction: number
  /** Whisking after (and during) this pour: seconds and intensity × seconds. */
  whiskSeconds: number
  whiskIntensitySeconds: number
  /** The bowl's heat (0 cold … 1 just warmed) when the pour began. */
  bowlHeatAtStart: number
}

/** A pour while it runs: its record plus what measuring it needs. */
interface OpenPour extends PourRecord {
  sectors: Set<number>
  radiusVolume: number
  whiskedDuringPour: boolean
  /** Where the stream last landed, to follow its path round the rim. */
  lastStream?: { radius: number; angle: number }
}

/** The foam as the scene draws it and the judge sees it. */
export interface FoamState {
  readonly bowlHeat: number
  readonly hasPowder: boolean
  /** 0–1: how smooth the paste is (调膏, "like melted glue"). */
  readonly pasteEvenness: number
  /** Liquid in the bowl as a fraction of its capacity. */
  readonly waterFraction: number
  /** 0–1: the "root" of the tea set by the first pours (茶根), the foam's body. */
  readonly root: number
  /** Foam height relative to a full, well-risen foam (about 1; may rise past it). */
  readonly foamHeight: number
  /** 0–1: share of the surface the foam covers. */
  readonly coverage: number
  /** 0–1: how fine the bubbles are. */
  readonly fineness: number
  /** Typical bubble diameter in millimetres (fine foam ≈ 0.2, coarse froth ≈ 2). */
  readonly bubbleSizeMm: number
  /** 0–1: the surface colour from tea-liquid yellow (0) to pure white (1). */
  readonly whiteness: number
  /** 0–1: how long the foam will hold the bowl before the water line shows. */
  readonly stability: number
}

/** Cai Xiang's "four-tenths": past about this fill the tea turns thin. */
const thinFromFraction = 0.48
/** Whisk-tip speed (bowl radii per second) that counts as a full, brisk whisk. */
const fullWhiskSpeed = 6
/** Below this intensity the whisk only stirs; it beats no air in (静面点's "light whisk"). */
const airThreshold = 0.3
/** Root can only be set while the liquid is still shallow (the first pours). */
const rootMaxWater = 0.16
/** Time constant of a warmed bowl cooling back down, in seconds. */
const bowlCoolingSeconds = 300
/** The paste's own splash of water. */
export const pasteWaterFraction = 0.02
/** Twelve sectors of the rim for measuring how far round the first pour went. */
const ringSectors = 12
/** The stream rings the bowl when it lands further out than this (0 centre … 1 rim). */
const ringInnerRadius = 0.5

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
/** The share of the way an exponential approach covers at `rate` over `seconds`. */
const approach = (rate: number, seconds: number) => 1 - Math.exp(-Math.max(0, rate) * seconds)

/**
 * Intensity (0–1.5) of a whisk stretch: speed matters most; pressure, where the glass gives it,
 * adds a little ("a heavy whisk").
 */
export function whiskIntensity(input: WhiskInput): number {
  const speed = Math.min(1.5, Math.max(0, input.speedRadiiPerSecond) / fullWhiskSpeed)
  return speed * (0.8 + 0.4 * clamp01(input.pressure))
}

/**
 * The bowl of whisked tea as a small physical story, after 大观茶论·点 and 茶录: a warm bowl
 * lets the tea float; a smooth paste and a heavy whisk after a light first pour set the root;
 * later pours and lighter strokes raise and refine the foam; a flood of water or a whisk that
 * runs while the water is still pouring gives foam without body, which soon shows a water line.
 * Pure and deterministic: time passes only through `advance` and the durations of whisking.
 */
export class FoamModel {
  #bowlHeat = 0
  #hasPowder = false
  #hasPasteWater = false
  #pasteEvenness = 0
  #water = 0
  #root = 0
  #rootCeiling = 1
  #foam = 0
  #fineness = 0
  #openPour: OpenPour | undefined
  readonly #pours: PourRecord[] = []

  /** Rinse the bowl with boiling water (熁盏). */
  warmBowl(): void {
    this.#bowlHeat = 1
  }

  /** Spoon the powder in (置茶). */
  addPowder(): void {
    this.#hasPowder = true
  }

  /** The little water the paste is made with (调膏); once. */
  addPasteWater(): void {
    if (!this.#hasPowder) throw new Error('add the tea powder before the paste water')
    if (this.#hasPasteWater) return
    this.#hasPasteWater = true
    this.#water += pasteWaterFraction
  }

  get pours(): readonly PourRecord[] {
    return this.#pours
  }

  get isPouring(): boolean {
    return this.#openPour !== undefined
  }

  /** Water poured so far in pour `pourNumber` (the open one or a finished one), bowl fractions. */
  pouredVolumeFraction(pourNumber: number): number {
    if (this.#openPour?.pourNumber === pourNumber) return this.#openPour.volumeFraction
    return this.#pours.find((pour) => pour.pourNumber === pourNumber)?.volumeFraction ?? 0
  }

  /**
   * Starts (or, for a top-up within the same pour, resumes) pour `pourNumber` (1–7). Pours must
   * come in order.
   */
  startPour(pourNumber: number): void {
    prescriptionOf(pourNumber)
    if (this.#openPour) throw new Error(`pour ${this.#openPour.pourNumber} is still running`)
    const last = this.#pours.at(-1)
    const expected = (last?.pourNumber ?? 0) + 1
    if (last && last.pourNumber === pourNumber) {
      // A top-up: the same record goes on growing.
      this.#pours.pop()
      this.#openPour = {
        ...last,
        sectors: new Set(),
        radiusVolume: last.meanRadiusFraction * last.volumeFraction,
        whiskedDuringPour: false,
      }
      return
    }
    if (pourNumber !== expected) {
      throw new Error(
        `pour ${pourNumber} cannot come now; the next pour is ${Math.min(expected, pourCount)}`,
      )
    }
    this.#openPour = {
      pourNumber,
      volumeFraction: 0,
      meanRadiusFraction: 0,
      ringCoverage: 0,
      volumePouredWhileWhiskingFraction: 0,
      whiskSeconds: 0,
      whiskIntensitySeconds: 0,
      bowlHeatAtStart: this.#bowlHeat,
      sectors: new Set(),
      radiusVolume: 0,
      whiskedDuringPour: false,
    }
  }

  /**
   * Water from the ewer during the open pour: `volumeFraction` of the bowl, landing at
   * `radiusFraction` (0 centre … 1 rim) and angle `angleRadians` round the bowl.
   */
  pourWater(volumeFraction: number, radiusFraction: number, angleRadians: number): void {
    const pour = this.#openPour
    if (!pour) throw new Error('no pour is running; call startPour first')
    if (!(volumeFraction >= 0))
      throw new RangeError(`volumeFraction must be ≥ 0, got ${volumeFraction}`)
    const radius = clamp01(radiusFraction)
    this.#followStream(pour, radius, angleRadians)
    if (volumeFraction === 0) return
    const prescription = prescriptionOf(pour.pourNumber)
    const before = pour.volumeFraction
    pour.volumeFraction += volumeFraction
    pour.radiusVolume += radius * volumeFraction
    pour.meanRadiusFraction = pour.radiusVolume / pour.volumeFraction
    if (pour.whiskedDuringPour) pour.volumePouredWhileWhiskingFraction += volumeFraction
    this.#water = Math.min(1, this.#water + volumeFraction)

    // A heavy hand breaks up the foam that is there.
    const allowance = prescription.volumeFraction * heavyPourRatio
    const excess = Math.max(0, pour.volumeFraction - Math.max(before, allowance))
    if (excess > 0) this.#foam *= Math.exp(-excess * 8)
    // The first pour belongs round the edge; a stream straight onto the paste knocks the root.
    if (pour.pourNumber === 1 && radius < 0.6) this.#rootCeiling = Math.min(this.#rootCeiling, 0.6)
  }

  /**
   * Marks the rim sectors the stream passed over on its way from where it last landed. A sweep
   * between two samples counts along the arc only if its straight path stays in the outer ring
   * (a zigzag across the middle does not ring the bowl).
   */
  #followStream(pour: OpenPour, radius: number, angle: number): void {
    const sectorOf = (a: number) =>
      Math.floor(
        (((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / ((2 * Math.PI) / ringSectors),
      ) % ringSectors
    const last = pour.lastStream
    pour.lastStream = { radius, angle }
    if (radius <= ringInnerRadius) return
    pour.sectors.add(sectorOf(angle))
    if (last && last.radius > ringInnerRadius) {
      const turn = Math.atan2(Math.sin(angle - last.angle), Math.cos(angle - last.angle))
      if (Math.min(radius, last.radius) * Math.cos(turn / 2) > ringInnerRadius) {
        const steps = Math.ceil(Math.abs(turn) / ((2 * Math.PI) / ringSectors / 2))
        for (let i = 1; i < steps; i++) pour.sectors.add(sectorOf(last.angle + (turn * i) / steps))
      }
    }
    pour.ringCoverage = Math.max(pour.ringCoverage, pour.sectors.size / ringSectors)
  }

  /** Ends the open pour and returns its record. */
  endPour(): PourRecord {
    const pour = this.#openPour
    if (!pour) throw new Error('no pour is running')
    this.#openPour = undefined
    const {
      sectors: _sectors,
      radiusVolume: _radiusVolume,
      whiskedDuringPour: _whisked,
      lastStream: _lastStream,
      ...record
    } = pour
    if (record.pourNumber === 1 && record.volumeFraction > 0 && record.ringCoverage < 0.4) {
      // Poured in one spot rather than ringed round the edge.
      this.#rootCeiling = Math.min(this.#rootCeiling, 0.75)
    }
    this.#pours.push(record)
    return record
  }

  /** The visitor whisks (or, before the first pour, stirs the paste). */
  whisk(input: WhiskInput): void {
    const seconds = Math.max(0, input.durationSeconds)
    if (seconds === 0 || !this.#hasPowder || this.#water <= 0) return
    const intensity = whiskIntensity(input)
    const beat = clamp01(input.reversalsPerSecond / 4)
    const heatFactor = 0.35 + 0.65 * this.#bowlHeat
    const pour = this.#openPour ?? this.#pours.at(-1)

    if (!pour) {
      // 调膏: stirring smooths the paste; about a dozen bowl radii of stirring make it even.
      this.#pasteEvenness +=
        (1 - this.#pasteEvenness) * approach(0.2, Math.max(0, input.distanceRadii))
      return
    }

    pour.whiskSeconds += seconds
    pour.whiskIntensitySeconds += intensity * seconds
    const isPouringNow = this.#openPour !== undefined
    if (this.#openPour) this.#openPour.whiskedDuringPour = true

    // The root: a heavy whisk on a shallow, smooth paste in a hot bowl, never while water pours.
    if (!isPouringNow && this.#water <= rootMaxWater && this.#root < this.#rootCeiling) {
      const rate = 0.45 * intensity * this.#pasteEvenness * heatFactor
      this.#root += (this.#rootCeiling - this.#root) * approach(rate, seconds)
    }

    // Air: only a whisk above the threshold beats foam up; a cold bowl holds less of it.
    const capacity = Math.min(1.25, this.#water / 0.4) * (0.6 + 0.4 * this.#bowlHeat)
    const riseRate = 0.9 * Math.max(0, intensity - airThreshold) * (0.6 + 0.4 * beat) * heatFactor
    if (this.#foam < capacity) {
      this.#foam += (capacity - this.#foam) * approach(riseRate, seconds)
    } else {
      // Brushing (拂) settles foam that has risen too far.
      const settleRate = 0.3 * intensity * (1 - 0.7 * beat)
      this.#foam -= (this.#foam - capacity) * approach(settleRate, seconds)
    }

    // Fineness follows the root: a set root and a warm bowl let whisking break bubbles fine;
    // whisking into running water gives only coarse froth.
    const fineTarget = isPouringNow
      ? 0.1
      : 0.15 + 0.85 * this.#root * (0.5 + 0.5 * this.#pasteEvenness) * (0.5 + 0.5 * this.#bowlHeat)
    const refineRate = (0.25 + 0.35 * (1 - beat)) * intensity
    this.#fineness += (fineTarget - this.#fineness) * approach(refineRate, seconds)
  }

  /** Time passes: the bowl cools and foam without body sinks back. */
  advance(seconds: number): void {
    if (!(seconds > 0)) return
    this.#bowlHeat *= Math.exp(-seconds / bowlCoolingSeconds)
    const settleRate = 0.03 * (1 - this.state.stability)
    this.#foam *= Math.exp(-settleRate * seconds)
  }

  get state(): FoamState {
    const thinness = clamp01((this.#water - thinFromFraction) / 0.3)
    const coverage = clamp01(this.#foam / 0.7)
    const whiteness = coverage * (0.3 + 0.7 * this.#fineness) * (1 - 0.4 * thinness)
    const stability =
      (0.5 * this.#root + 0.35 * this.#fineness + 0.15 * clamp01(this.#foam)) *
      (0.5 + 0.5 * this.#bowlHeat) *
      (1 - 0.5 * thinness)
    return {
      bowlHeat: this.#bowlHeat,
      hasPowder: this.#hasPowder,
      pasteEvenness: this.#pasteEvenness,
      waterFraction: this.#water,
      root: this.#root,
      foamHeight: this.#foam,
      coverage,
      fineness: this.#fineness,
      bubbleSizeMm: 0.2 + 1.8 * (1 - this.#fineness),
      whiteness: clamp01(whiteness),
      stability: clamp01(stability),
    }
  }
}
