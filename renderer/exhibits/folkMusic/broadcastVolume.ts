import { watch, type WatchStopHandle } from 'vue'
import { setHowlerMasterVolume } from '../../audio/howlerGraph'

/**
 * The stage plays at the volume the mode service broadcasts (`mode:changed` → `volume`: the
 * staff volume capped by quiet hours, decided in one place in main). Nothing here keeps a clock or
 * a time zone: a new cap arrives as a new broadcast.
 */
export function followBroadcastVolume(volume: () => number | undefined): WatchStopHandle {
  return watch(
    volume,
    (next) => {
      if (next !== undefined) setHowlerMasterVolume(next)
    },
    { immediate: true },
  )
}
