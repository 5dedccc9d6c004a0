import { app, type BrowserWindow, type WebContents } from 'electron'
import type { Disposable } from '../../src/lifecycle/disposable'
import type { Logger } from '../services/logger'

/** When a planned renderer recycle is due. */
export interface RendererRecyclePolicy {
  /** Recycle once the renderer process's working set passes this. */
  readonly memoryWatermarkBytes: number
  /** Recycle once the page has been up this long, leak or no leak. */
  readonly maxPageUptimeMs: number
  /** How often the shell looks (cheap: one metrics call). */
  readonly checkIntervalMs: number
  /** Never recycle more often than this, in case a reload does not bring the memory down. */
  readonly minRecycleIntervalMs: number
}

export const defaultRendererRecyclePolicy: RendererRecyclePolicy = {
  memoryWatermarkBytes: 1536 * 1024 * 1024,
  maxPageUptimeMs: 24 * 60 * 60 * 1000,
  checkIntervalMs: 15_000,
  minRecycleIntervalMs: 30 * 60 * 1000,
}

/** A running recycler: `requestRecycle` asks for one at the next quiet moment. */
export interface RendererRecycler extends Disposable {
  requestRecycle(reason: string): void
  /** Runs one check now (the timer calls it; tests call it directly). */
  checkNow(): void
}

/** The working set of the renderer process behind `contents`, in bytes (undefined if unknown). */
export function readRendererMemoryBytes(contents: WebContents): number | undefined {
  const pid = contents.getOSProcessId()
  const metric = app.getAppMetrics().find((m) => m.pid === pid)
  return metric ? metric.memory.workingSetSize * 1024 : undefined
}

const toMb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/**
 * Reloads the kiosk page now and then, but only while the kiosk rests (the attract loop or the
 * closed screen, `restingScreens` in src/visit/visitMachine.ts): when its process passes a memory
 * watermark, when it has been up for a set time, or when another module asked (a lost GPU or
 * audio process). A reload frees the page's JS heap, DOM and WebGL resources; the services keep
 * the mode, so it returns to the same screen.
 *
 * `isKioskAtRest` is what the renderer last reported to the services (`mode:report-visit`, sent
 * by the visit machine whenever it changes), so this process keeps no list of screens and asks
 * the page nothing.
 */
export function recycleRendererInAttract(
  window: BrowserWindow,
  logger: Logger,
  isKioskAtRest: () => boolean,
  policy: RendererRecyclePolicy = defaultRendererRecyclePolicy,
  nowMs: () => number = Date.now,
): RendererRecycler {
  const contents = window.webContents
  let pageLoadedAtMs = nowMs()
  let lastRecycleAtMs = Number.NEGATIVE_INFINITY
  let requestedReason: string | undefined
  const onLoaded = () => (pageLoadedAtMs = nowMs())
  contents.on('did-finish-load', onLoaded)

  const dueReason = (): string | undefined => {
    if (requestedReason) return requestedReason
    if (nowMs() - lastRecycleAtMs < policy.minRecycleIntervalMs) return undefined
    const memoryBytes = readRendererMemoryBytes(contents)
    if (memoryBytes !== undefined && memoryBytes > policy.memoryWatermarkBytes) {
      return `renderer memory ${toMb(memoryBytes)} is over the ${toMb(policy.memoryWatermarkBytes)} watermark`
    }
    const uptimeMs = nowMs() - pageLoadedAtMs
    if (uptimeMs > policy.maxPageUptimeMs) {
      return `the page has been up ${Math.round(uptimeMs / 3_600_000)} h`
    }
    return undefined
  }

  const checkNow = () => {
    if (window.isDestroyed() || !isKioskAtRest()) return
    const reason = dueReason()
    if (!reason) return
    logger.info(`recycling the renderer while the kiosk rests: ${reason}`)
    requestedReason = undefined
    lastRecycleAtMs = nowMs()
    pageLoadedAtMs = lastRecycleAtMs
    contents.reload()
  }

  const timer = setInterval(checkNow, policy.checkIntervalMs)
  return {
    requestRecycle(reason) {
      requestedReason ??= reason
    },
    checkNow,
    dispose() {
      clearInterval(timer)
      contents.off('did-finish-load', onLoaded)
    },
  }
}
