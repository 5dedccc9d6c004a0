import type { Disposable } from '../../src/lifecycle/disposable'
import type { ExhibitScene } from './exhibitScene'
import type { HostedSceneKind, HostedSceneName, SceneEventSink } from './hostedScene'
import { loadHostedSceneKind } from './hostedSceneKinds'
import { MessagePointerSource } from './messagePointerSource'
import { SceneDrawing } from './sceneDrawing'
import type { PageToSceneWorker, SceneWorkerToPage } from './sceneWorkerProtocol'

/** Posts a message to the page, transferring `transfer`. */
export type PostToPage = (message: SceneWorkerToPage, transfer?: readonly Transferable[]) => void

/** Prefix of the scene steps' measures (`recordSceneStep`), forwarded to the page's timeline. */
const sceneStepPrefix = 'songyun:'

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The scene worker's side of the worker host: owns the renderer, on the OffscreenCanvas the page
 * transferred, and the scene shown in it (through a {@link SceneDrawing}: frame loop, render on
 * demand, resize, reduced motion, context loss and restore, dispose), and answers the page's
 * messages (`sceneWorkerProtocol.ts`). After each drawn frame it posts the renderer's counts and
 * the scene's state, so the page's diagnostics stay synchronous reads.
 */
export class SceneWorkerRuntime {
  readonly #post: PostToPage
  readonly #loadKind: (name: HostedSceneName) => Promise<HostedSceneKind>
  readonly #pointer = new MessagePointerSource()
  #drawing: SceneDrawing | undefined
  #shown: { kind: HostedSceneKind; scene: ExhibitScene } | undefined
  #isReducedMotion = false
  /** Newest show request: an older one that resolves later answers `isShown: false`. */
  #latestShowId = -1
  #loseContext: WEBGL_lose_context | undefined
  /**
   * The scene's events held back until its first frame is drawn: the page would otherwise show
   * the station's cue over a canvas not yet drawn (a worker's first frame comes a moment after).
   */
  #heldEvents: SceneWorkerToPage[] | undefined
  /** Posts what waits for the shown scene's first frame (its events, then the show's reply). */
  #releaseOnFirstFrame: ((isDrawn: boolean) => void) | undefined
  /** The page has shown the canvas since it was last cleared (`presented`). */
  #isPresented = false
  readonly #subscriptions: Disposable[] = []
  #stepObserver: PerformanceObserver | undefined

  constructor(
    post: PostToPage,
    loadKind: (name: HostedSceneName) => Promise<HostedSceneKind> = loadHostedSceneKind,
  ) {
    this.#post = post
    this.#loadKind = loadKind
  }

  /** Handles one message from the page. */
  receive(message: PageToSceneWorker): void {
    switch (message.type) {
      case 'init':
        return this.#init(message)
      case 'resize':
        this.#pointer.sizeCssPx = message.sizeCssPx
        return this.#drawing?.setSize(message.sizeCssPx, message.devicePixelRatio)
      case 'pointer':
        return this.#onPointer(message.input)
      case 'show':
        return void this.#show(message.requestId, message.name, message.isReducedMotion)
      case 'prepare':
        return void this.#prepare(message.requestId, message.name, message.sizeCssPx)
      case 'call':
        return this.#call(message.requestId, message.method, message.args)
      case 'reduced-motion':
        this.#isReducedMotion = message.isReducedMotion
        return this.#shown?.scene.setReducedMotion?.(message.isReducedMotion)
      case 'presented':
        this.#isPresented = true
        return this.#drawing?.redraw()
      case 'clear':
        return this.#clear()
      case 'lose-context':
        this.#loseContext =
          this.#drawing?.renderer.getContext().getExtension('WEBGL_lose_context') ?? undefined
        return this.#loseContext?.loseContext()
      case 'restore-context':
        return this.#loseContext?.restoreContext()
      case 'dispose':
        return this.#dispose()
    }
  }

  #init(message: Extract<PageToSceneWorker, { type: 'init' }>): void {
    this.#pointer.sizeCssPx = message.sizeCssPx
    const drawing = new SceneDrawing({
      canvas: message.canvas,
      isSoftwareRendered: message.isSoftwareRendered,
      pointer: this.#pointer,
      onContextChange: (change) => {
        // The rebuilt scene's events wait for its first frame, as a shown one's do.
        if (change.state === 'restored' && this.#shown) this.#heldEvents = []
        this.#post({ type: 'context', change })
      },
    })
    this.#drawing = drawing
    drawing.setSize(message.sizeCssPx, message.devicePixelRatio)
    this.#subscriptions.push(
      drawing.onFrame(() => {
        this.#postSnapshot(true)
        if (!this.#isPresented) return
        const release = this.#releaseOnFirstFrame
        this.#releaseOnFirstFrame = undefined
        release?.(true)
      }),
      drawing.onSceneRebuilt((scene) => {
        if (!this.#shown) return
        const kind = this.#shown.kind
        this.#shown = { kind, scene }
        scene.setReducedMotion?.(this.#isReducedMotion)
        this.#releaseOnFirstFrame = () => {
          this.#post({ type: 'rebuilt', state: kind.stateOf(scene) })
          this.#flushHeldEvents()
        }
      }),
    )
    this.#forwardSceneSteps(message.pageTimeOriginMs)
    this.#postSnapshot(false)
  }

  /** Puts the worker's `songyun:` measures on the page's timeline, where the benches read them. */
  #forwardSceneSteps(pageTimeOriginMs: number): void {
    if (typeof PerformanceObserver !== 'function') return
    const offsetMs = performance.timeOrigin - pageTimeOriginMs
    this.#stepObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.name.startsWith(sceneStepPrefix)) continue
        const startMs = entry.startTime + offsetMs
        this.#post({ type: 'step', name: entry.name, startMs, endMs: startMs + entry.duration })
      }
    })
    this.#stepObserver.observe({ type: 'measure' })
  }

  #onPointer(input: Extract<PageToSceneWorker, { type: 'pointer' }>['input']): void {
    // The drawing learns of touches before the scene, as the page's host did from the DOM.
    if (input.kind === 'down') this.#drawing?.beginTouch(input.pointerId)
    this.#pointer.deliver(input)
    if (input.kind === 'up' || input.kind === 'cancel') this.#drawing?.endTouch(input.pointerId)
  }

  async #show(requestId: number, name: HostedSceneName, isReducedMotion: boolean): Promise<void> {
    this.#latestShowId = requestId
    this.#isReducedMotion = isReducedMotion
    try {
      const drawing = this.#requireDrawing()
      const kind = await this.#loadKind(name)
      if (requestId !== this.#latestShowId) {
        this.#post({ type: 'reply', requestId, isShown: false })
        return
      }
      const emit: SceneEventSink = (eventName, args) => {
        const event: SceneWorkerToPage = { type: 'event', name: eventName, args }
        if (this.#heldEvents) this.#heldEvents.push(event)
        else this.#post(event)
      }
      this.#heldEvents = []
      const scene = await drawing.show(kind.factory(emit), isReducedMotion)
      if (!scene) {
        this.#post({ type: 'reply', requestId, isShown: false })
        return
      }
      this.#shown = { kind, scene }
      this.#releaseOnFirstFrame = (isDrawn) => {
        if (!isDrawn) {
          this.#heldEvents = undefined
          this.#post({ type: 'reply', requestId, isShown: false })
          return
        }
        this.#flushHeldEvents()
        this.#post({ type: 'reply', requestId, isShown: true, value: kind.stateOf(scene) })
      }
    } catch (error) {
      this.#post({ type: 'reply', requestId, error: messageOf(error) })
    }
  }

  async #prepare(
    requestId: number,
    name: HostedSceneName,
    sizeCssPx: { width: number; height: number },
  ): Promise<void> {
    try {
      const drawing = this.#requireDrawing()
      const kind = await this.#loadKind(name)
      // Nobody sees the prepared table: its events go nowhere.
      await drawing.prepare(
        name,
        kind.factory(() => {}),
        sizeCssPx,
      )
      this.#post({ type: 'reply', requestId })
    } catch (error) {
      this.#post({ type: 'reply', requestId, error: messageOf(error) })
    }
  }

  #call(requestId: number, method: string, args: readonly unknown[]): void {
    const shown = this.#shown
    const call = shown?.kind.calls[method]
    if (!shown || !call) {
      this.#post({
        type: 'reply',
        requestId,
        error: shown ? `the scene has no call "${method}"` : 'no scene is shown',
      })
      return
    }
    try {
      const answer = call(shown.scene, args)
      this.#post({ type: 'reply', requestId, value: answer.value }, answer.transfer)
    } catch (error) {
      this.#post({ type: 'reply', requestId, error: messageOf(error) })
    }
  }

  #flushHeldEvents(): void {
    const held = this.#heldEvents ?? []
    this.#heldEvents = undefined
    for (const event of held) this.#post(event)
  }

  #clear(): void {
    this.#isPresented = false
    this.#latestShowId = -1
    this.#shown = undefined
    const release = this.#releaseOnFirstFrame
    this.#releaseOnFirstFrame = undefined
    release?.(false)
    this.#heldEvents = undefined
    this.#drawing?.clear()
    // The counts after the scene is gone: what the menu's baseline is compared with.
    this.#postSnapshot(false)
  }

  #dispose(): void {
    this.#clear()
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose()
    this.#stepObserver?.disconnect()
    const drawing = this.#drawing
    this.#drawing = undefined
    if (!drawing) {
      this.#post({ type: 'disposed', counts: emptyCounts })
      return
    }
    drawing.dispose()
    this.#post({ type: 'disposed', counts: drawing.counts() })
  }

  #postSnapshot(isFrame: boolean): void {
    const drawing = this.#drawing
    if (!drawing) return
    const shown = this.#shown
    const state =
      shown && drawing.current === shown.scene ? shown.kind.stateOf(shown.scene) : undefined
    this.#post({ type: 'snapshot', snapshot: { counts: drawing.counts(), state }, isFrame })
  }

  #requireDrawing(): SceneDrawing {
    if (!this.#drawing) throw new Error('the scene worker was not given its canvas (init)')
    return this.#drawing
  }
}

const emptyCounts = {
  geometries: 0,
  textures: 0,
  programs: 0,
  calls: 0,
  triangles: 0,
} as const
