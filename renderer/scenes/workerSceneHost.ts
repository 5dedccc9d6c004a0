import { DisposableStore, toDisposable, type Disposable } from '../../src/lifecycle/disposable'
import {
  registerSceneContextControl,
  registerWebglProbe,
  type WebglCounts,
} from '../diagnostics/diagnostics'
import { DomPointerSource } from './domPointerSource'
import { guardTapsAfterFlicks } from './flickTapGuard'
import type { HostedSceneHandle, HostedSceneName, SceneEventListener } from './hostedScene'
import { deliverSceneEvent } from './hostedScene'
import type { HostedSceneHostPort, ShownHostedScene } from './hostedSceneHost'
import { announceSceneContextChange } from './sceneContextEvent'
import type { CssSize, DrawingCounts } from './sceneDrawing'
import type { PageToSceneWorker, SceneSnapshot, SceneWorkerToPage } from './sceneWorkerProtocol'

/** As much of a `Worker` as the host uses (a test passes a stand-in). */
export interface SceneWorkerPort {
  postMessage(message: PageToSceneWorker, transfer: Transferable[]): void
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<SceneWorkerToPage>) => void,
  ): void
  terminate(): void
}

/** Starts the scene worker: a module worker Vite bundles from `sceneWorker.ts`. */
export function startSceneWorker(): SceneWorkerPort {
  return new Worker(new URL('./sceneWorker.ts', import.meta.url), {
    type: 'module',
    name: 'songyun-scene',
  })
}

interface PendingRequest {
  resolve(reply: Extract<SceneWorkerToPage, { type: 'reply' }>): void
}

/**
 * The page's side of the worker scene host: keeps the canvas element (layout, `touch-action`,
 * pointer capture, the flick guard) and hands its drawing to the scene worker
 * (`transferControlToOffscreen`), which owns the renderer, the scene and the frame loop
 * (`SceneWorkerRuntime`). Pointer events go to the worker as plain records (`DomPointerSource`),
 * the canvas's size as it changes; the worker's snapshot after each drawn frame is kept here, so
 * `diagnostics().webgl` stays a synchronous read (docs/architecture.md, "How a scene is hosted").
 * One for the life of the page, like the WebGL context it stands for.
 */
export class WorkerSceneHost implements HostedSceneHostPort, Disposable {
  readonly canvas: HTMLCanvasElement
  readonly #worker: SceneWorkerPort
  readonly #store = new DisposableStore()
  readonly #pending = new Map<number, PendingRequest>()
  #nextRequestId = 1
  #listener: SceneEventListener | undefined
  #snapshot: SceneSnapshot | undefined
  #isContextLost = false
  #frameListeners = new Set<(snapshot: SceneSnapshot) => void>()
  #rebuildListeners = new Set<(state: unknown) => void>()
  #isDisposed = false

  constructor(worker: SceneWorkerPort, isSoftwareRendered: boolean) {
    this.#worker = worker
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'scene-host-canvas'
    this.canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;'
    worker.addEventListener('message', (event) => this.#receive(event.data))
    const offscreen = this.canvas.transferControlToOffscreen()
    this.#post(
      {
        type: 'init',
        canvas: offscreen,
        isSoftwareRendered,
        sizeCssPx: this.#sizeCssPx(),
        devicePixelRatio: window.devicePixelRatio,
        pageTimeOriginMs: performance.timeOrigin,
      },
      [offscreen],
    )
    const pointer = new DomPointerSource(this.canvas)
    this.#store.add(pointer)
    this.#store.add(pointer.subscribe((input) => this.#post({ type: 'pointer', input })))
    this.#store.add(guardTapsAfterFlicks(this.canvas))
    const resizeObserver = new ResizeObserver(() => this.#resize())
    resizeObserver.observe(this.canvas)
    this.#store.add(toDisposable(() => resizeObserver.disconnect()))
    this.#registerProbes()
  }

  /** The worker's last snapshot: the renderer's counts after its last drawn frame or clear. */
  get snapshot(): SceneSnapshot | undefined {
    return this.#snapshot
  }

  attach(container: HTMLElement): void {
    container.appendChild(this.canvas)
    // The host on screen is the one diagnostics() reports (the page may have a main-thread host).
    this.#registerProbes()
    this.#resize()
    // Two animation frames: the page has then drawn a frame with the canvas in it, so a frame
    // the worker draws now is shown (`presented` in sceneWorkerProtocol.ts).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.canvas.isConnected && !this.#isDisposed) this.#post({ type: 'presented' })
      }),
    )
  }

  async show(
    name: HostedSceneName,
    options: unknown,
    isReducedMotion: boolean,
    listener: SceneEventListener,
  ): Promise<ShownHostedScene | undefined> {
    this.#listener = listener
    const reply = await this.#request({ type: 'show', name, options, isReducedMotion })
    if (!reply.isShown || this.#listener !== listener) return undefined
    return { handle: this.#handle, state: reply.value }
  }

  setReducedMotion(isReducedMotion: boolean): void {
    this.#post({ type: 'reduced-motion', isReducedMotion })
  }

  clear(): void {
    this.#listener = undefined
    this.#post({ type: 'clear' })
    this.canvas.remove()
  }

  async prepare(name: HostedSceneName): Promise<void> {
    const size = { width: window.innerWidth, height: window.innerHeight }
    await this.#request({ type: 'prepare', name, sizeCssPx: size })
  }

  onFrame(listener: (snapshot: SceneSnapshot) => void): Disposable {
    this.#frameListeners.add(listener)
    return toDisposable(() => this.#frameListeners.delete(listener))
  }

  onSceneRebuilt(listener: (state: unknown) => void): Disposable {
    this.#rebuildListeners.add(listener)
    return toDisposable(() => this.#rebuildListeners.delete(listener))
  }

  /**
   * Stops listening and asks the worker to dispose its renderer; the worker is terminated once it
   * has reported its last counts (kept as the final snapshot), never before.
   */
  dispose(): void {
    if (this.#isDisposed) return
    this.#isDisposed = true
    this.#listener = undefined
    this.#store.dispose()
    this.canvas.remove()
    this.#post({ type: 'dispose' })
  }

  readonly #handle: HostedSceneHandle = {
    call: async (method, ...args) => {
      const reply = await this.#request({ type: 'call', method, args })
      return reply.value
    },
  }

  #receive(message: SceneWorkerToPage): void {
    switch (message.type) {
      case 'snapshot':
        this.#snapshot = message.snapshot
        if (message.isFrame) for (const listener of this.#frameListeners) listener(message.snapshot)
        return
      case 'event':
        if (this.#listener) deliverSceneEvent(this.#listener, message.name, message.args)
        return
      case 'reply': {
        const pending = this.#pending.get(message.requestId)
        this.#pending.delete(message.requestId)
        pending?.resolve(message)
        return
      }
      case 'context':
        this.#isContextLost = message.change.state === 'lost'
        announceSceneContextChange(message.change)
        return
      case 'rebuilt':
        for (const listener of this.#rebuildListeners) listener(message.state)
        return
      case 'step':
        performance.measure(message.name, { start: message.startMs, end: message.endMs })
        return
      case 'error':
        console.error(`scene worker: ${message.message}`)
        return
      case 'disposed':
        this.#snapshot = { counts: message.counts, state: undefined }
        this.#worker.terminate()
        return
    }
  }

  /** Sends a request and resolves with its reply; a reply carrying an error rejects. */
  #request(
    message: DistributiveOmit<Extract<PageToSceneWorker, { requestId: number }>, 'requestId'>,
  ): Promise<Extract<SceneWorkerToPage, { type: 'reply' }>> {
    const requestId = this.#nextRequestId++
    return new Promise((resolve, reject) => {
      this.#pending.set(requestId, {
        resolve: (reply) =>
          reply.error === undefined ? resolve(reply) : reject(new Error(reply.error)),
      })
      this.#post({ ...message, requestId })
    })
  }

  #post(message: PageToSceneWorker, transfer: Transferable[] = []): void {
    this.#worker.postMessage(message, transfer)
  }

  #sizeCssPx(): CssSize {
    const width = this.canvas.clientWidth
    const height = this.canvas.clientHeight
    // Before it is laid out, the window's shape is the stage's best guess.
    return width > 0 && height > 0
      ? { width, height }
      : { width: window.innerWidth, height: window.innerHeight }
  }

  #resize(): void {
    if (this.canvas.clientWidth === 0 || this.canvas.clientHeight === 0) return
    this.#post({
      type: 'resize',
      sizeCssPx: this.#sizeCssPx(),
      devicePixelRatio: window.devicePixelRatio,
    })
  }

  #registerProbes(): void {
    registerWebglProbe(() => webglCountsOf(this.#snapshot?.counts))
    registerSceneContextControl({
      lose: () => this.#post({ type: 'lose-context' }),
      restore: () => this.#post({ type: 'restore-context' }),
      isLost: () => this.#isContextLost,
    })
  }
}

/** Omit over each member of a union (the built-in Omit merges them). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** Diagnostics' counts of a drawing's counts (the triangles stay with the exhibit's budget). */
function webglCountsOf(counts: DrawingCounts | undefined): WebglCounts | null {
  if (!counts) return null
  const { triangles: _triangles, ...webgl } = counts
  return webgl
}
