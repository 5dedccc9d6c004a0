import { pasteWaterFraction, type FoamModel } from './foamModel'
import { heavyPourRatio, idealFillFraction, prescriptionOf } from './pourPrescription'

/**
 * How far the whisking brought the foam's white out (大观茶论·点: by the third pour the colour is
 * "十已得其六七", by the fifth "茶色尽矣"; 茶录 asks for "面色鲜白"). These are degrees of the
 * visitor's whisking, not the cake's colour grades (青白/灰白/黄白 of 大观茶论·色 come from how the
 * cake was steamed and pressed, which the visitor did not do, so no verdict ever names them).
 */
export const foamWhitenessLevels = ['bright-white', 'whitening', 'tea-showing'] as const
export type FoamWhiteness = (typeof foamWhitenessLevels)[number]

/** How fine the bubbles are: fine foam like milk, or coarse froth. */
export const foamFinenessLevels = ['fine', 'coarse'] as const
export type FoamFineness = (typeof foamFinenessLevels)[number]

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
  /** Far past four-tenths of the bowl (past every pour's heavy mark): thin tea. */
  'too-much-water',
] as const
export type TeaFault = (typeof teaFaults)[number]

/** How the bowl would fare in a Jian'an tea contest, where the first water line loses. */
export type ContestOutcome = 'wins' | 'even' | 'loses'

export interface TeaVerdict {
  /** 0–100: whiteness, fineness, 咬盏 and the water line, as a Jian'an contest weighs a bowl. */
  readonly score: number
  /** How far the whisking brought out the white of the foam. */
  readonly whiteness: FoamWhiteness
  /** How fine the bubbles are. */
  readonly fineness: FoamFineness
  /** 咬盏: the foam is set all round the rim and still (大观茶论·点: "周回凝而不动"). */
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

/**
 * The bowl's water past which the tea is thin (量茶受汤): the paste's water and every pour at its
 * heavy mark. So a visitor who lifts each pour while the gauge says "enough" never hears it;
 * only one who poured on past "too much" does (at 0.55 before, seven pours inside the gauge's
 * band could pass it: the band reaches 0.62).
 */
export const tooMuchWaterFraction = pasteWaterFraction + idealFillFraction * heavyPourRatio

/** Whiteness (0–1) at which the surface is bright white, and below which the tea shows. */
export const brightWhiteFrom = 0.78
export const teaShowsBelow = 0.45
/** Fineness (0–1) from which the bubbles are fine. */
export const fineFrom = 0.6
/** Share of the surface the foam must cover to be set all round the rim. */
export const rimSetCoverage = 0.95

function whitenessOf(whiteness: number): FoamWhiteness {
  if (whiteness >= brightWhiteFrom) return 'bright-white'
  if (whiteness >= teaShowsBelow) return 'whitening'
  return 'tea-showing'
}

/**
 * 咬盏 (0–1): foam that is set all round the rim and still: it covers the surface to the wall,
 * stands high enough to reach it, has a root to hold it and bubbles fine enough not to move.
 */
export function rimHold(state: FoamModel['state']): number {
  const reachesRim = Math.min(1, state.coverage / rimSetCoverage)
  return (
    reachesRim *
    Math.min(1, state.foamHeight / 0.9) *
    (0.25 + 0.75 * state.root) *
    (0.4 + 0.6 * state.fineness)
  )
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
  if (state.waterFraction > tooMuchWaterFraction) faults.push('too-much-water')
  return faults
}

/**
 * Judges the bowl as a Song tea contest would: by the foam's whiteness and fineness, whether it
 * bites the bowl (咬盏), and when the water line shows (茶录: "以水痕先者为负").
 */
export function judgeTea(model: FoamModel): TeaVerdict {
  const state = model.state
  const waterLineSeconds = waterLineSecondsFor(state.stability)
  const hold = rimHold(state)
  const score = Math.round(
    100 *
      (0.3 * state.whiteness +
        0.2 * state.fineness +
        0.25 * Math.min(1, hold) +
        0.25 * (waterLineSeconds / waterLineMaxSeconds)),
  )
  const outcome: ContestOutcome =
    waterLineSeconds >= waterLineWinsFromSeconds
      ? 'wins'
      : waterLineSeconds < waterLineLosesBelowSeconds
        ? 'loses'
        : 'even'
  return {
    score,
    whiteness: whitenessOf(state.whiteness),
    fineness: state.fineness >= fineFrom ? 'fine' : 'coarse',
    isBitingBowl: hold >= 0.55 && state.coverage >= rimSetCoverage,
    waterLineSeconds,
    outcome,
    faults: faultsOf(model),
  }
}
