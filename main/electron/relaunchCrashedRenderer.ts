import type { BrowserWindow } from 'electron'
import type { Logger } from '../services/logger'

/** How long an unresponsive renderer gets before it is reloaded. */
export const unresponsiveGraceMs = 10_000

/**
 * A crashed renderer is reloaded at once; one that stays unresponsive past a grace period is
 * reloaded too. The renderer reads the mode from the services on load, so it comes back in it.
 */
export function relaunchCrashedRenderer(window: BrowserWindow, logger: Logger): void {
  const contents = window.webContents
  contents.on('render-process-gone', (_event, details) => {
    logger.error(`renderer gone (${details.reason}, exit ${details.exitCode}); reloading`)
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) contents.reload()
  })
  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined
  window.on('unresponsive', () => {
    logger.warn('renderer unresponsive')
    unresponsiveTimer ??= setTimeout(() => {
      unresponsiveTimer = undefined
      if (!window.isDestroyed()) {
        logger.error(`renderer unresponsive for ${unresponsiveGraceMs} ms; reloading`)
        contents.forcefullyCrashRenderer()
        contents.reload()
      }
    }, unresponsiveGraceMs)
  })
  window.on('responsive', () => {
    clearTimeout(unresponsiveTimer)
    unresponsiveTimer = undefined
  })
}
