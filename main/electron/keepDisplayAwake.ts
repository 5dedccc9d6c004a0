import { powerSaveBlocker } from 'electron'

/** Keeps the display from sleeping while the kiosk runs; returns the blocker's id. */
export function keepDisplayAwake(): number {
  return powerSaveBlocker.start('prevent-display-sleep')
}
