import type { BrowserWindow } from 'electron'
import type { Logger } from '../services/logger'

/** How the shell reacts to a renderer that died or hangs. */
export interface RendererRelaunchPolicy {
  /** How long an unresponsive renderer gets before it is killed and reloaded. */
  readonly unresponsiveGraceMs: number
  /** Crashes closer together than this count towards a crash loop. */
  readonly crashLoopWindowMs: number
  /** From this many crashes inside the window on, reloads wait, doubling each time. */
  readonly crashLoopThreshold: number
  /** The longest a reload waits in a crash loop. */
  readonly maxReloadDelayMs: number
}

export const defaultRendererRelaunchPolicy: RendererRelaunchPolicy = {
  unresponsiveGraceMs: 10_000,
  crashLoopWindowMs: 60_000,
  crashLoopThreshold: 3,
  maxReloadDelayMs: 30_000,
}

/** How long an unresponsive renderer gets before it is reloaded. */
export const unresponsiveGraceMs = defaultRendererRelaunchPolicy.unresponsiveGraceMs

/**
 * A crashed renderer is reloaded at once; one that stays unresponsive past a grace period is
 * killed and reloaded. The renderer reads the mode (open, single exhibit, closed) from the
 * services when it loads, so it comes back in the mode it was in. A renderer that keeps crashing
 * is reloaded with a growing pause, so a bad page cannot spin the CPU (and the log) flat out.
 */
export function relaunchCrashedRenderer(
  window: BrowserWindow,
  logger: Logger,
  policy: RendererRelaunchPolicy = defaultRendererRelaunchPolicy,
  nowMs: () => number = Date.now,
): void {
  const contents = window.webContents
  let crashTimesMs: number[] = []
  let pendingReload: ReturnType<typeof setTimeout> | undefined
  // Set while the shell itself kills a hung renderer: that death is expected, the reload is issued.
  let isKillingHungRenderer = false

  const reloadAfterCrash = () => {
    const now = nowMs()
    crashTimesMs = [...crashTimesMs.filter((t) => now - t < policy.crashLoopWindowMs), now]
    const loopDepth = crashTimesMs.length - policy.crashLoopThreshold
    const delayMs = loopDepth < 0 ? 0 : Math.min(policy.maxReloadDelayMs, 1000 * 2 ** loopDepth)
    if (pendingReload !== undefined) return
    if (delayMs > 0)
      logger.warn(
        `renderer crashed ${crashTimesMs.length} times in a minute; reloading in ${delayMs} ms`,
      )
    pendingReload = setTimeout(() => {
      pendingReload = undefined
      if (!window.isDestroyed()) contents.reload()
    }, delayMs)
  }

  contents.on('render-process-gone', (_event, details) => {
    if (isKillingHungRenderer) {
      isKillingHungRenderer = false
      logger.info(`hung renderer ended (${details.reason}); its reload is under way`)
      return
    }
    if (details.reason === 'clean-exit') {
      logger.info('renderer exited cleanly')
      return
    }
    logger.error(`renderer gone (${details.reason}, exit ${details.exitCode}); reloading`)
    reloadAfterCrash()
  })

  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined
  window.on('unresponsive', () => {
    logger.warn('renderer unresponsive')
    unresponsiveTimer ??= setTimeout(() => {
      unresponsiveTimer = undefined
      if (window.isDestroyed()) return
      logger.error(`renderer unresponsive for ${policy.unresponsiveGraceMs} ms; reloading`)
      isKillingHungRenderer = true
      contents.forcefullyCrashRenderer()
      contents.reload()
    }, policy.unresponsiveGraceMs)
  })
  window.on('responsive', () => {
    if (unresponsiveTimer !== undefined) logger.info('renderer responsive again')
    clearTimeout(unresponsiveTimer)
    unresponsiveTimer = undefined
  })
  window.once('closed', () => {
    clearTimeout(unresponsiveTimer)
    clearTimeout(pendingReload)
  })
}
