import type { FoamModel } from './foamModel'
import { heavyPourRatio, prescriptionOf } from './pourPrescription'

/** The colour grades of 大观茶论·色: pure white first, then bluish, greyish, yellowish white. */
export const foamColourGrades = [
  'pure-white',
  'bluish-white',
  'greyish-white',
  'yellowish-white',
] as const
export type FoamColourGrade = (typeof foamColourGrades)[number]

/** What went wrong, in the order the judge mentions them (only the first becomes a tip). */
export const teaFaults = [
  /** 一发点: poured and whisked at once; foam without body. */
  'pour-and-whisk-at-once',
  /** 静面点: heavy hand, light whisk; no foam stands up. */
  'still-surface',
  /** The bowl was not warmed, or went cold (茶录: "冷则茶不浮"). */
  'cold-bowl',
  /** The first pour struck the tea instead of ringing the bowl's edge. */
  'first-pour-on-tea',
  /** Far past four-tenths of the bowl: thin tea. */
  'too-much-water',
] as const
export type TeaFault = (typeof teaFaults)[number]

/** How the bowl would fare in a Jian'an tea contest, where the first water line loses. */
export type ContestOutcome = 'wins' | 'even' | 'loses'

export interface TeaVerdict {
  /** 0–100: colour, 咬盏 and the water line, weighted as the contest weighs them. */
  readonly score: number
  readonly colour: FoamColourGrade
  /** 咬盏: the foam clings to the bowl's wall. */
  readonly isBitingBowl: boolean
  /** Seconds until the water line would show at the rim. */
  readonly waterLineSeconds: number
  readonly outcome: ContestOutcome
  readonly faults: readonly TeaFault[]
}

/** Water line later than this wins against a practised rival; earlier than `losesBelow` loses. */
export const waterLineWinsFromSeconds = 120
export const waterLineLosesBelowSeconds = 45
/** The longest a foam is counted to hold (a contest does not wait longer). */
export const waterLineMaxSeconds = 240

/**
 * Seconds until the water line shows, from the foam's stability (0–1): a foam without body
 * breaks in seconds; a well-rooted fine foam holds for minutes.
 */
export function waterLineSecondsFor(stability: number): number {
  const s = Math.min(1, Math.max(0, stability))
  return Math.round(5 + (waterLineMaxSeconds - 5) * s * s)
}

function colourOf(whiteness: number): FoamColourGrade {
  if (whiteness >= 0.78) return 'pure-white'
  if (whiteness >= 0.58) return 'bluish-white'
  if (whiteness >= 0.38) return 'greyish-white'
  return 'yellowish-white'
}

function faultsOf(model: FoamModel): TeaFault[] {
  const pours = model.pours
  const state = model.state
  const totalWater = pours.reduce((sum, p) => sum + p.volumeFraction, 0)
  const whileWhisking = pours.reduce((sum, p) => sum + p.volumePouredWhileWhiskingFraction, 0)
  const early = pours.filter((p) => p.pourNumber <= 3)
  const earlyWhiskSeconds = early.reduce((sum, p) => sum + p.whiskSeconds, 0)
  const earlyIntensity =
    earlyWhiskSeconds > 0
      ? early.reduce((sum, p) => sum + p.whiskIntensitySeconds, 0) / earlyWhiskSeconds
      : 0
  const heavyPours = pours.filter(
    (p) => p.volumeFraction > prescriptionOf(p.pourNumber).volumeFraction * heavyPourRatio,
  )
  const first = pours.find((p) => p.pourNumber === 1)

  const faults: TeaFault[] = []
  if (totalWater > 0 && whileWhisking >= 0.3 * totalWater) faults.push('pour-and-whisk-at-once')
  else if (earlyIntensity < 0.4 || (heavyPours.length > 0 && state.foamHeight < 0.3))
    faults.push('still-surface')
  if ((first?.bowlHeatAtStart ?? state.bowlHeat) < 0.5) faults.push('cold-bowl')
  if (first && (first.meanRadiusFraction < 0.6 || first.ringCoverage < 0.4))
    faults.push('first-pour-on-tea')
  if (state.waterFraction > 0.55) faults.push('too-much-water')
  return faults
}

/** Judges the bowl as a Song tea contest would: colour, 咬盏, and when the water line shows. */
export function judgeTea(model: FoamModel): TeaVerdict {
  const state = model.state
  const waterLineSeconds = waterLineSecondsFor(state.stability)
  const bite =
    Math.min(1, state.foamHeight / 0.9) * (0.25 + 0.75 * state.root) * (0.4 + 0.6 * state.fineness)
  const score = Math.round(
    100 *
      (0.4 * state.whiteness +
        0.3 * Math.min(1, bite) +
        0.3 * (waterLineSeconds / waterLineMaxSeconds)),
  )
  const outcome: ContestOutcome =
    waterLineSeconds >= waterLineWinsFromSeconds
      ? 'wins'
      : waterLineSeconds < waterLineLosesBelowSeconds
        ? 'loses'
        : 'even'
  return {
    score,
    colour: colourOf(state.whiteness),
    isBitingBowl: bite >= 0.55,
    waterLineSeconds,
    outcome,
    faults: faultsOf(model),
  }
}
