import type { Track } from '../../../src/pack/manifestSchema'

/** The caption cue shown at `positionSeconds` of a track, if any (cues may leave gaps). */
export function activeCaptionCue(
  track: Track | undefined,
  positionSeconds: number,
): Track['captions'][number] | undefined {
  return track?.captions.find(
    (cue) => positionSeconds >= cue.startSeconds && positionSeconds < cue.endSeconds,
  )
}

/** `m:ss` for a duration in seconds. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
