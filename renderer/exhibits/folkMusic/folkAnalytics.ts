import { recordVisitorEvent } from '../../analytics/recordVisitorEvent'

/** A visitor started a recording or the ensemble piece (by its id) on the folk-music stage. */
export function recordTrackPlay(exhibitId: string, trackId: string): void {
  recordVisitorEvent({ type: 'track-play', exhibitId, trackId })
}
