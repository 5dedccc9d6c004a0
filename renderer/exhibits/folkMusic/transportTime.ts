import type { Track } from '../../../src/pack/manifestSchema'

/** What the transport's clock reads: where the recording is, and how long it lasts. */
export interface TransportTime {
  readonly positionSeconds: number
  readonly totalSeconds: number
}

/**
 * The transport's `position / total`. Until a recording has loaded (and before any has been
 * chosen) the player knows no length, so the total is the one the pack gives for the track the
 * transport would play — the same figure the track list shows, never a bare 0:00 beside it. The
 * position never reads past the total.
 */
export function transportTime(
  cuedTrack: Track | undefined,
  loadedDurationSeconds: number,
  positionSeconds: number,
): TransportTime {
  const isLoaded = Number.isFinite(loadedDurationSeconds) && loadedDurationSeconds > 0
  const totalSeconds = isLoaded ? loadedDurationSeconds : (cuedTrack?.durationSeconds ?? 0)
  return {
    positionSeconds: Math.min(Math.max(0, positionSeconds), totalSeconds),
    totalSeconds,
  }
}
