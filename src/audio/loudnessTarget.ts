/**
 * The one loudness every recording of the kiosk is played at (docs/loudness.md): EBU R128's
 * programme target of −23 LUFS integrated (ITU-R BS.1770 gating), with true peaks kept at or under
 * −1 dBTP so that nothing clips when decoded or resampled. Tracks of one pack, and of a venue's
 * pack beside ours, then never jump in level when the visitor turns from one to the next.
 */
export const loudnessTarget = {
  integratedLufs: -23,
  truePeakCeilingDbtp: -1,
  /** How far a track may sit from the target and still count as on target (EBU R128: ±1 LU). */
  toleranceLu: 1,
} as const

/** What ffmpeg's EBU R128 meter (`ebur128=peak=true`) reports for one recording. */
export interface MeasuredLoudness {
  /** Integrated (gated) loudness in LUFS. */
  readonly integratedLufs: number
  /** The highest true (4× oversampled) peak in dBTP. */
  readonly truePeakDbtp: number
}
