import { registerAudioProbe } from '../diagnostics/diagnostics'

/** Something that holds decoded audio and may be sounding: a Howl clip, a piece's stems. */
export interface AudioHolder {
  /** Recordings it holds decoded (or loading). */
  loadedCount(): number
  /** Recordings it is playing now (a muted stem still plays, in step with the rest). */
  playingCount(): number
}

const holders = new Set<AudioHolder>()
let isProbeInstalled = false

/**
 * The one audio probe of `diagnostics()`: the sum over every live holder, so Howl clips and the
 * stems of an ensemble piece are counted alike. A holder leaves the census when it is disposed.
 */
export function joinAudioCensus(holder: AudioHolder): () => void {
  if (!isProbeInstalled) {
    isProbeInstalled = true
    registerAudioProbe(() => {
      let loaded = 0
      let playing = 0
      for (const each of holders) {
        loaded += each.loadedCount()
        playing += each.playingCount()
      }
      return { loaded, playing }
    })
  }
  holders.add(holder)
  return () => holders.delete(holder)
}
