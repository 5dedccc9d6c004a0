import type { Disposable } from '../../src/lifecycle/disposable'
import type { HostedSceneKind, HostedSceneName, SceneEventSink } from './hostedScene'
import { loadHostedSceneKind } from './hostedSceneKinds'
import { HostedSceneSlot, type HostedSceneRequest } from './hostedSceneSlot'
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
 * the scene's state, so the page's diagnostics stay synchronous reads. Which scene is shown is
 * kept by a {@link HostedSceneSlot}, as on the page.
 */
export class SceneWorkerRuntime {
  readonly #post: PostToPage
  readonly #loadKind: (name: HostedSceneName) => Promise<HostedSceneKind>
  readonly #fonts: FontFaceSet | undefined
  readonly #pointer = new MessagePointerSource()
  #drawing: SceneDrawing | undefined
  #slot: HostedSceneSlot | undefined
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

  /**
   * @param fonts the worker's font set (`self.fonts`), which scenes load their faces into
   */
  constructor(
    post: PostToPage,
    loadKind: (name: HostedSceneName) => Promise<HostedSceneKind> = loadHostedSceneKind,
    fonts?: FontFaceSet,
  ) {
    this.#post = post
    this.#loadKind = loadKind
    this.#fonts = fonts
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
        return void this.#show(message.requestId, message)
      case 'prepare':
        return void this.#prepare(message.requestId, message.name, message.sizeCssPx)
      case 'call':
        return this.#call(message.requestId, message.method, message.args)
      case 'reduced-motion':
        return this.#slot?.setReducedMotion(message.isReducedMotion)
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
        if (change.state === 'restored' && this.#slot?.isShown) this.#heldEvents = []
        this.#post({ type: 'context', change })
      },
    })
    this.#drawing = drawing
    const slot = new HostedSceneSlot(drawing, { fonts: this.#fonts }, this.#loadKind)
    this.#slot = slot
    drawing.setSize(message.sizeCssPx, message.devicePixelRatio)
    this.#subscriptions.push(
      drawing.onFrame(() => {
        this.#postSnapshot(true)
        if (!this.#isPresented) return
        const release = this.#releaseOnFirstFrame
        this.#releaseOnFirstFrame = undefined
        release?.(true)
      }),
      slot.onRebuilt((state) => {
        this.#releaseOnFirstFrame = () => {
          this.#post({ type: 'rebuilt', state })
          this.#flushHeldEvents()
        }
      }),
      slot,
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

  async #show(requestId: number, request: HostedSceneRequest): Promise<void> {
    try {
      const slot = this.#requireSlot()
      const emit: SceneEventSink = (eventName, args) => {
        const event: SceneWorkerToPage = { type: 'event', name: eventName, args }
        if (this.#heldEvents) this.#heldEvents.push(event)
        else this.#post(event)
      }
      this.#heldEvents = []
      const shown = await slot.show(request, emit)
      if (!shown) {
        this.#post({ type: 'reply', requestId, isShown: false })
        return
      }
      this.#releaseOnFirstFrame = (isDrawn) => {
        if (!isDrawn) {
          this.#heldEvents = undefined
          this.#post({ type: 'reply', requestId, isShown: false })
          return
        }
        this.#flushHeldEvents()
        this.#post({ type: 'reply', requestId, isShown: true, value: shown.state })
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
      const factory = await this.#requireSlot().preparedFactory(name)
      await drawing.prepare(name, factory, sizeCssPx)
      this.#post({ type: 'reply', requestId })
    } catch (error) {
      this.#post({ type: 'reply', requestId, error: messageOf(error) })
    }
  }

  #call(requestId: number, method: string, args: readonly unknown[]): void {
    try {
      const answer = this.#requireSlot().call(method, args)
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
    const release = this.#releaseOnFirstFrame
    this.#releaseOnFirstFrame = undefined
    release?.(false)
    this.#heldEvents = undefined
    this.#slot?.clear()
    // The counts after the scene is gone: what the menu's baseline is compared with.
    this.#postSnapshot(false)
  }

  #dispose(): void {
    this.#clear()
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose()
    this.#slot = undefined
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
    const state = this.#slot?.state()
    this.#post({ type: 'snapshot', snapshot: { counts: drawing.counts(), state }, isFrame })
  }

  #requireSlot(): HostedSceneSlot {
    if (!this.#slot) throw new Error('the scene worker was not given its canvas (init)')
    return this.#slot
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
