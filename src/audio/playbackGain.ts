import { loudnessTarget, type MeasuredLoudness } from './loudnessTarget'

/** What the gain is aimed at and held under. */
export interface LoudnessPolicy {
  readonly targetLufs: number
  readonly truePeakCeilingDbtp: number
  /**
   * The largest gain allowed, in dB. The players are Howler voices whose volume cannot exceed 1,
   * so the kiosk never boosts: a track quieter than the target plays as it is (and `pack validate`
   * says so). Kept as a parameter so a graph that can boost only has to change this number.
   */
  readonly maxGainDb: number
}

/** The kiosk's policy: −23 LUFS, −1 dBTP, no boost. */
export const kioskLoudnessPolicy: LoudnessPolicy = {
  targetLufs: loudnessTarget.integratedLufs,
  truePeakCeilingDbtp: loudnessTarget.truePeakCeilingDbtp,
  maxGainDb: 0,
}

/**
 * The gain in dB that brings a recording to the target, lowered where it would push the true
 * peak over the ceiling, and never above `maxGainDb`. A recording with no measurement plays at
 * 0 dB (it is assumed to have been made to the target, as `add-track` and the demo scripts do).
 */
export function playbackGainDb(
  loudness: MeasuredLoudness | undefined,
  policy: LoudnessPolicy = kioskLoudnessPolicy,
): number {
  if (!loudness || !Number.isFinite(loudness.integratedLufs)) return Math.min(0, policy.maxGainDb)
  const toTargetDb = policy.targetLufs - loudness.integratedLufs
  const peakRoomDb = Number.isFinite(loudness.truePeakDbtp)
    ? policy.truePeakCeilingDbtp - loudness.truePeakDbtp
    : Number.POSITIVE_INFINITY
  return Math.min(toTargetDb, peakRoomDb, policy.maxGainDb)
}

/** {@link playbackGainDb} as a linear factor for a gain node or a Howl's volume. */
export function playbackGain(
  loudness: MeasuredLoudness | undefined,
  policy: LoudnessPolicy = kioskLoudnessPolicy,
): number {
  return 10 ** (playbackGainDb(loudness, policy) / 20)
}

/**
 * The loudness of stems played together, from each stem's own: their powers add (as for
 * uncorrelated voices) and their true peaks add as amplitudes (the worst case, when every stem
 * peaks at once). The stems of a piece then get ONE gain from this, so their balance — the
 * mix as composed — is kept whatever the level.
 */
export function combinedStemLoudness(
  stems: readonly (MeasuredLoudness | undefined)[],
): MeasuredLoudness | undefined {
  if (stems.length === 0 || stems.some((stem) => stem === undefined)) return undefined
  const measured = stems as readonly MeasuredLoudness[]
  const power = measured.reduce((sum, stem) => sum + 10 ** (stem.integratedLufs / 10), 0)
  const peak = measured.reduce((sum, stem) => sum + 10 ** (stem.truePeakDbtp / 20), 0)
  return { integratedLufs: 10 * Math.log10(power), truePeakDbtp: 20 * Math.log10(peak) }
}
