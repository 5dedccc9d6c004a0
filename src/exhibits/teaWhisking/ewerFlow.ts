import { heavyPourRatio } from './pourPrescription'

/** Water from the ewer held over the bowl until the pour has what it wants, bowl fractions a second. */
export const ewerFullFlowPerSecond = 0.025

/**
 * Once the pour has what it wants the stream thins to this share of the full flow, as a careful
 * hand tilts the ewer back. At the full flow the gauge's "enough" band (1 to the heavy-pour ratio)
 * of the smallest pour (4 % of the bowl) lasted 0.8 s: less than a visitor needs to see the gauge
 * turn and lift a finger from glass, on a slow frame even less. At a third it lasts 2.4 s.
 */
export const ewerTrickleShare = 1 / 3

/**
 * The water that flows in `seconds` into a pour that has `pouredFraction` of the bowl already and
 * wants `wantedFraction`: the full flow up to what it wants, the trickle beyond. Pure, by the clock,
 * so a slow frame rate pours neither more nor less than a fast one.
 */
export function ewerWaterOver(
  seconds: number,
  pouredFraction: number,
  wantedFraction: number,
): number {
  const time = Math.max(0, seconds)
  const toWanted = Math.max(0, wantedFraction - pouredFraction)
  const fullSeconds = Math.min(time, toWanted / ewerFullFlowPerSecond)
  return (
    ewerFullFlowPerSecond * fullSeconds +
    ewerFullFlowPerSecond * ewerTrickleShare * (time - fullSeconds)
  )
}

/** Seconds a pour stays in the gauge's "enough" band (from what it wants to the heavy mark). */
export function enoughBandSeconds(wantedFraction: number): number {
  return ((heavyPourRatio - 1) * wantedFraction) / (ewerFullFlowPerSecond * ewerTrickleShare)
}
