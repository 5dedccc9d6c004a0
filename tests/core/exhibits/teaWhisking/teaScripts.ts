import { FoamModel, type WhiskInput } from '../../../../src/exhibits/teaWhisking/foamModel'
import { pourPrescriptions } from '../../../../src/exhibits/teaWhisking/pourPrescription'

/** Whisks for `seconds` in 0.05 s steps at an intensity given as whisk-tip speed. */
export function whiskFor(
  model: FoamModel,
  seconds: number,
  speedRadiiPerSecond: number,
  reversalsPerSecond = 2,
): void {
  const step = 0.05
  for (let t = 0; t < seconds - 1e-9; t += step) {
    const input: WhiskInput = {
      durationSeconds: step,
      speedRadiiPerSecond,
      distanceRadii: speedRadiiPerSecond * step,
      pressure: 0.5,
      reversalsPerSecond,
    }
    model.whisk(input)
    model.advance(step)
  }
}

/** Pours `volume` over `seconds`, the stream walking round the bowl at `radius`. */
export function pourRing(
  model: FoamModel,
  pourNumber: number,
  volume: number,
  radius: number,
  whileWhiskingSpeed?: number,
): void {
  model.startPour(pourNumber)
  const steps = 20
  for (let i = 0; i < steps; i++) {
    model.pourWater(volume / steps, radius, (i / steps) * 2 * Math.PI)
    if (whileWhiskingSpeed !== undefined) {
      model.whisk({
        durationSeconds: 0.1,
        speedRadiiPerSecond: whileWhiskingSpeed,
        distanceRadii: whileWhiskingSpeed * 0.1,
        pressure: 0.5,
        reversalsPerSecond: 3,
      })
    }
    model.advance(0.1)
  }
  model.endPour()
}

export interface RunOptions {
  readonly isBowlWarmed?: boolean
  /** Multiplies every pour's whisk speed (1 = as prescribed). */
  readonly whiskScale?: number
  /** Multiplies every pour's volume (1 = as prescribed). */
  readonly pourScale?: number
  /** Seconds of whisking after each pour. */
  readonly whiskSeconds?: number
  /** Seconds the bowl stands between warming and the powder. */
  readonly waitAfterWarmingSeconds?: number
}

/** The bowl made the way 大观茶论 prescribes, with knobs to spoil it. */
export function prescribedBowl(options: RunOptions = {}): FoamModel {
  const model = new FoamModel()
  if (options.isBowlWarmed ?? true) model.warmBowl()
  model.advance(options.waitAfterWarmingSeconds ?? 0)
  model.addPowder()
  model.addPasteWater()
  whiskFor(model, 3, 4, 1)
  for (const prescription of pourPrescriptions) {
    const radius = prescription.placement === 'rim-ring' ? 0.95 : 0.5
    pourRing(
      model,
      prescription.pourNumber,
      prescription.volumeFraction * (options.pourScale ?? 1),
      radius,
    )
    whiskFor(
      model,
      options.whiskSeconds ?? 5,
      7 * prescription.whiskIntensity * (options.whiskScale ?? 1),
    )
  }
  return model
}

/** 静面点: a heavy hand (too much water each time) and a light whisk. */
export function stillSurfaceBowl(): FoamModel {
  return prescribedBowl({ pourScale: 2.2, whiskScale: 0.25 })
}

/** 一发点: all the water at once while whisking hard, then more hard whisking. */
export function allAtOnceBowl(): FoamModel {
  const model = new FoamModel()
  model.warmBowl()
  model.addPowder()
  model.addPasteWater()
  whiskFor(model, 3, 4, 1)
  pourRing(model, 1, 0.4, 0.5, 8)
  whiskFor(model, 20, 8)
  return model
}
