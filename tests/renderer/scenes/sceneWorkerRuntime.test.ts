import { describe, expect, it, vi } from 'vitest'
import type * as threeModule from 'three'
import { PerspectiveCamera, Scene } from 'three'
import type { ExhibitScene } from '../../../renderer/scenes/exhibitScene'
import type { HostedSceneKind } from '../../../renderer/scenes/hostedScene'
import type {
  ScenePointerInput,
  ScenePointerSource,
} from '../../../renderer/scenes/scenePointerInput'
import type { SceneWorkerToPage } from '../../../renderer/scenes/sceneWorkerProtocol'

// No WebGL here: the drawing's renderer is a stand-in counting what a scene would hold.
vi.mock('three', async (importOriginal) => {
  const three = await importOriginal<typeof threeModule>()
  class CountingRenderer {
    static latest: CountingRenderer | undefined
    info = {
      memory: { geometries: 0, textures: 0 },
      programs: [],
      render: { calls: 0, triangles: 0 },
      autoReset: true,
      reset() {},
    }
    renderLists = { dispose() {} }
    loop: ((timeMs: number) => void) | null = null
    pixelRatio = 1
    isDisposed = false
    constructor() {
      CountingRenderer.latest = this
    }
    getContext() {
      return { isContextLost: () => false, getExtension: () => null }
    }
    resetState() {}
    setPixelRatio(ratio: number) {
      this.pixelRatio = ratio
    }
    getPixelRatio() {
      return this.pixelRatio
    }
    setSize() {}
    async compileAsync() {}
    setAnimationLoop(loop: ((timeMs: number) => void) | null) {
      this.loop = loop
    }
    render() {
      this.info.render.calls = 4
    }
    clear() {}
    dispose() {
      this.isDisposed = true
    }
    forceContextLoss() {}
  }
  return { ...three, WebGLRenderer: CountingRenderer }
})

const { SceneWorkerRuntime } = await import('../../../renderer/scenes/sceneWorkerRuntime')
const { WebGLRenderer } = await import('three')
const renderer = () =>
  (
    WebGLRenderer as unknown as {
      latest: {
        loop: ((t: number) => void) | null
        info: { memory: { geometries: number } }
        isDisposed: boolean
      }
    }
  ).latest

/** A tea-like scene kind: says a station at connect, holds a geometry while shown. */
function recordingKind() {
  const inputs: ScenePointerInput[] = []
  const made: ExhibitScene[] = []
  let restarts = 0
  const kind: HostedSceneKind = {
    factory: (emit) => async () => {
      const scene: ExhibitScene = {
        scene: new Scene(),
        camera: new PerspectiveCamera(),
        connect(input: ScenePointerSource) {
          renderer().info.memory.geometries += 15
          input.subscribe((each) => inputs.push(each))
          emit('stationActive', ['warm-bowl'])
        },
        update() {},
        resize() {},
        dispose() {
          renderer().info.memory.geometries -= 15
        },
      }
      made.push(scene)
      return scene
    },
    stateOf: () => ({ pourPhase: 'pour' }),
    calls: {
      restart: () => ({ value: ++restarts }),
    },
  }
  return { kind, inputs, made }
}

function makeRuntime() {
  const posted: SceneWorkerToPage[] = []
  const recording = recordingKind()
  const runtime = new SceneWorkerRuntime(
    (message) => posted.push(message),
    async () => recording.kind,
  )
  runtime.receive({
    type: 'init',
    canvas: document.createElement('canvas') as unknown as OffscreenCanvas,
    isSoftwareRendered: false,
    sizeCssPx: { width: 800, height: 600 },
    devicePixelRatio: 1,
    pageTimeOriginMs: performance.timeOrigin,
  })
  runtime.receive({ type: 'presented' })
  return { runtime, posted, ...recording }
}

const ofType = <T extends SceneWorkerToPage['type']>(posted: SceneWorkerToPage[], type: T) =>
  posted.filter((m): m is Extract<SceneWorkerToPage, { type: T }> => m.type === type)

describe('SceneWorkerRuntime', () => {
  it("holds a shown scene's events until its first frame is drawn, then answers the show", async () => {
    const { runtime, posted } = makeRuntime()
    runtime.receive({
      type: 'show',
      requestId: 1,
      name: 'tea-whisking',
      options: undefined,
      isReducedMotion: false,
    })
    await vi.waitFor(() => expect(renderer().loop).not.toBeNull())
    // Connected (the station is known) but not drawn: the page hears nothing yet.
    expect(ofType(posted, 'event')).toEqual([])
    expect(ofType(posted, 'reply')).toEqual([])
    renderer().loop!(16)
    const afterFrame = posted.map((m) => m.type).slice(-3)
    expect(afterFrame).toEqual(['snapshot', 'event', 'reply'])
    expect(ofType(posted, 'event')[0]).toMatchObject({ name: 'stationActive', args: ['warm-bowl'] })
    expect(ofType(posted, 'reply')[0]).toMatchObject({
      requestId: 1,
      isShown: true,
      value: { pourPhase: 'pour' },
    })
    // The frame's snapshot carries the counts diagnostics report, and the scene's state.
    expect(ofType(posted, 'snapshot').at(-1)).toMatchObject({
      isFrame: true,
      snapshot: { counts: { geometries: 15, calls: 4 }, state: { pourPhase: 'pour' } },
    })
  })

  it('hands forwarded pointer records to the scene and answers calls by name', async () => {
    const { runtime, posted, inputs } = makeRuntime()
    runtime.receive({
      type: 'show',
      requestId: 1,
      name: 'tea-whisking',
      options: undefined,
      isReducedMotion: false,
    })
    await vi.waitFor(() => expect(renderer().loop).not.toBeNull())
    renderer().loop!(16)
    const input: ScenePointerInput = {
      kind: 'down',
      pointerId: 3,
      pointerType: 'touch',
      button: 0,
      xCssPx: 10,
      yCssPx: 20,
      pressure: 0.5,
      timeStampMs: 1,
      coalesced: [],
    }
    runtime.receive({ type: 'pointer', input })
    expect(inputs).toEqual([input])
    runtime.receive({ type: 'call', requestId: 2, method: 'restart', args: [] })
    runtime.receive({ type: 'call', requestId: 3, method: 'fly', args: [] })
    expect(ofType(posted, 'reply').slice(-2)).toEqual([
      { type: 'reply', requestId: 2, value: 1 },
      { type: 'reply', requestId: 3, error: 'the scene has no call "fly"' },
    ])
  })

  it('a clear before the first frame answers the show as not shown, and reports the counts back at baseline', async () => {
    const { runtime, posted } = makeRuntime()
    runtime.receive({
      type: 'show',
      requestId: 1,
      name: 'tea-whisking',
      options: undefined,
      isReducedMotion: false,
    })
    await vi.waitFor(() => expect(renderer().loop).not.toBeNull())
    runtime.receive({ type: 'clear' })
    expect(ofType(posted, 'reply')).toEqual([{ type: 'reply', requestId: 1, isShown: false }])
    expect(ofType(posted, 'event')).toEqual([])
    expect(ofType(posted, 'snapshot').at(-1)).toMatchObject({
      isFrame: false,
      snapshot: { counts: { geometries: 0 } },
    })
  })

  it('on dispose frees the renderer and then posts its last counts, the last message', async () => {
    const { runtime, posted } = makeRuntime()
    runtime.receive({
      type: 'show',
      requestId: 1,
      name: 'tea-whisking',
      options: undefined,
      isReducedMotion: false,
    })
    await vi.waitFor(() => expect(renderer().loop).not.toBeNull())
    renderer().loop!(16)
    runtime.receive({ type: 'dispose' })
    expect(renderer().isDisposed).toBe(true)
    expect(posted.at(-1)).toMatchObject({ type: 'disposed', counts: { geometries: 0 } })
  })
})
