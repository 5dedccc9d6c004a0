import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as threeModule from 'three'
import { PerspectiveCamera, Scene } from 'three'
import type { ExhibitScene } from '../../../renderer/scenes/exhibitScene'
import type { ScenePointerInput } from '../../../renderer/scenes/scenePointerInput'
import { readDiagnostics } from '../../../renderer/diagnostics/diagnostics'
import {
  sceneContextEventName,
  type SceneContextChange,
} from '../../../renderer/scenes/sceneContextEvent'

// happy-dom has no WebGL: the host's renderer is a recording stand-in with the calls it makes.
vi.mock('three', async (importOriginal) => {
  const three = await importOriginal<typeof threeModule>()
  class RecordingRenderer {
    static made: RecordingRenderer[] = []
    info = {
      memory: { geometries: 0, textures: 0 },
      programs: [],
      render: { calls: 0, triangles: 0 },
      autoReset: true,
      resets: 0,
      reset() {
        this.resets++
      },
    }
    renderLists = { dispose: vi.fn() }
    loop: ((timeMs: number) => void) | null = null
    pixelRatio = 1
    rendered: Scene[] = []
    compiled: Scene[] = []
    isDisposed = false
    stateResets = 0
    readonly context: object
    constructor(readonly parameters: { canvas: HTMLCanvasElement; context?: object }) {
      // A WebGL 1 stand-in (no fences): a second renderer on it shares the first one's.
      this.context = parameters.context ?? { isContextLost: () => false }
      RecordingRenderer.made.push(this)
    }
    getContext() {
      return this.context
    }
    resetState() {
      this.stateResets++
    }
    setPixelRatio(ratio: number) {
      this.pixelRatio = ratio
    }
    getPixelRatio() {
      return this.pixelRatio
    }
    setSize() {}
    async compileAsync(scene: Scene) {
      this.compiled.push(scene)
    }
    compile(scene: Scene) {
      this.compiled.push(scene)
    }
    setAnimationLoop(loop: ((timeMs: number) => void) | null) {
      this.loop = loop
    }
    render(scene: Scene) {
      this.rendered.push(scene)
    }
    clear() {}
    dispose() {
      this.isDisposed = true
    }
    forceContextLoss() {}
  }
  return { ...three, WebGLRenderer: RecordingRenderer }
})

// Whether the stand-in renderer is a software one (no multisampling), per test.
const capability = vi.hoisted(() => ({ isSoftware: false }))
vi.mock('../../../renderer/scenes/rendererCapability', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  isSoftwareRenderer: () => capability.isSoftware,
}))

// The FXAA pass needs real WebGL: a stand-in records what the host asks of it.
const antialiasing = vi.hoisted(() => ({
  made: [] as {
    rendered: { scene: unknown; widthPx: number; heightPx: number; isPlain: boolean }[]
    prepared: unknown[]
    preparedWhole: unknown[]
    isDisposed: boolean
  }[],
}))
vi.mock('../../../renderer/scenes/sceneAntialiasing', () => ({
  SceneAntialiasing: class {
    rendered: { scene: unknown; widthPx: number; heightPx: number; isPlain: boolean }[] = []
    prepared: unknown[] = []
    preparedWhole: unknown[] = []
    isDisposed = false
    constructor(readonly renderer: unknown) {
      antialiasing.made.push(this)
    }
    async compile() {}
    prepareHiddenMeshes(scene: unknown) {
      this.prepared.push(scene)
    }
    prepareEveryMesh(scene: unknown) {
      this.preparedWhole.push(scene)
    }
    render(scene: unknown, _camera: unknown, widthPx: number, heightPx: number, isPlain = false) {
      this.rendered.push({ scene, widthPx, heightPx, isPlain })
    }
    dispose() {
      this.isDisposed = true
    }
  },
}))

const { SceneHost } = await import('../../../renderer/scenes/sceneHost')
const { WebGLRenderer } = await import('three')

interface RecordingRenderer {
  loop: ((timeMs: number) => void) | null
  rendered: Scene[]
  compiled: Scene[]
  isDisposed: boolean
  stateResets: number
  getContext(): object
}
const rendererOf = (host: InstanceType<typeof SceneHost>) =>
  host.renderer as unknown as RecordingRenderer

/** A scene that records what the host did with it. */
interface RecordedScene extends ExhibitScene {
  readonly name: string
  readonly events: string[]
}

function recordedScene(name: string): RecordedScene {
  const events: string[] = []
  return {
    name,
    events,
    scene: new Scene(),
    camera: new PerspectiveCamera(),
    connect: () => void events.push('connect'),
    update: () => void events.push('update'),
    resize: () => void events.push('resize'),
    dispose: () => void events.push('dispose'),
  }
}

/** A factory whose every build is recorded; after `hold()` builds wait for the release it returns. */
function recordingFactory(name: string) {
  const built: RecordedScene[] = []
  let gate: Promise<void> = Promise.resolve()
  const build = async () => {
    await gate
    const scene = recordedScene(`${name}#${built.length + 1}`)
    built.push(scene)
    return scene
  }
  const hold = () => {
    let release = () => {}
    gate = new Promise<void>((resolve) => (release = resolve))
    return release
  }
  return Object.assign(build, { built, hold })
}

const hosts: InstanceType<typeof SceneHost>[] = []
function makeHost() {
  const host = new SceneHost()
  hosts.push(host)
  return host
}

afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose()
  capability.isSoftware = false
  antialiasing.made.length = 0
})

describe('SceneHost', () => {
  it('makes one renderer, attaches its canvas, connects the scene it shows and draws it each frame', async () => {
    const host = makeHost()
    expect(host.renderer).toBeInstanceOf(WebGLRenderer)
    const container = document.createElement('div')
    host.attach(container)
    expect(container.querySelector('canvas.scene-host-canvas')).toBe(host.canvas)

    const factory = recordingFactory('tea')
    const shown = await host.show(factory, false)
    expect(shown?.events).toContain('connect')
    rendererOf(host).loop?.(16)
    expect(rendererOf(host).rendered).toEqual([shown!.scene])
    expect(shown!.events).toContain('update')
  })

  it('keeps the last picture while the scene says it is at rest, and draws again once it is not', async () => {
    const host = makeHost()
    host.attach(document.createElement('div'))
    let isAtRest = false
    const scene = { ...recordedScene('still'), isAtRest: () => isAtRest }
    await host.show(async () => scene, false)
    const loop = (timeMs: number) => rendererOf(host).loop?.(timeMs)
    loop(16)
    isAtRest = true
    loop(33)
    loop(50)
    // Drawn once (the first frame of a scene is always drawn), then held while at rest.
    expect(rendererOf(host).rendered).toHaveLength(1)
    isAtRest = false
    loop(66)
    expect(rendererOf(host).rendered).toHaveLength(2)
    // A new drawing-buffer size clears the canvas: drawn even at rest.
    isAtRest = true
    host.canvas.width += 10
    loop(83)
    expect(rendererOf(host).rendered).toHaveLength(3)
    expect(scene.events.filter((event) => event === 'update')).toHaveLength(5)
  })

  it('learns the touched drawing scale from drawn frames only: a pause at rest does not forget it', async () => {
    capability.isSoftware = true
    const host = makeHost()
    host.attach(document.createElement('div'))
    let isAtRest = false
    await host.show(async () => ({ ...recordedScene('tea'), isAtRest: () => isAtRest }), false)
    const loop = (timeMs: number) => rendererOf(host).loop?.(timeMs)
    // Drawn frames 200 ms apart: a touch must be drawn smaller to keep within budget.
    loop(0)
    loop(200)
    loop(400)
    const learnt = host.interactiveResolution.touchedScale
    expect(learnt).toBeLessThan(1)
    // Seconds at rest: the frames are skipped and come at the display's pace, costing nothing.
    isAtRest = true
    for (let timeMs = 416; timeMs < 3000; timeMs += 16) loop(timeMs)
    // The next touch starts at the learnt scale, not at full size with long frames.
    expect(host.interactiveResolution.touchedScale).toBe(learnt)
  })

  it('learns what a frame costs only from intervals after a drawn frame, not after frames held at rest', async () => {
    const host = makeHost()
    host.attach(document.createElement('div'))
    let isAtRest = false
    const scene = { ...recordedScene('still'), isAtRest: () => isAtRest }
    await host.show(async () => scene, false)
    const recorded: number[] = []
    const recordFrame = host.interactiveResolution.recordFrame.bind(host.interactiveResolution)
    host.interactiveResolution.recordFrame = (intervalMs, drawnScale) => {
      recorded.push(intervalMs)
      recordFrame(intervalMs, drawnScale)
    }
    const loop = (timeMs: number) => rendererOf(host).loop?.(timeMs)
    loop(0)
    loop(100) // drawn at 0: 100 ms is what drawing took
    isAtRest = true
    loop(200) // drawn at 100: counts
    loop(217) // held at 200: the display's interval, not a drawing's
    loop(234)
    isAtRest = false
    loop(251)
    loop(351) // drawn at 251: counts
    expect(recorded).toEqual([100, 100, 100])
    // Frames held at rest did not teach it that drawing is cheap: a touch starts small.
    expect(host.interactiveResolution.touchedScale).toBeLessThan(0.7)
  })

  it('disposes a scene whose load a newer show superseded, and the scene it replaces', async () => {
    const host = makeHost()
    const first = await host.show(recordingFactory('first'), false)
    const slow = recordingFactory('slow')
    const release = slow.hold()
    const superseded = host.show(slow, false)
    const newest = await host.show(recordingFactory('newest'), false)
    release()
    expect(await superseded).toBeUndefined()
    expect(slow.built[0]?.events).toEqual(['dispose'])
    expect(first!.events.at(-1)).toBe('dispose')
    expect(newest!.events).not.toContain('dispose')
  })

  it('after a lost context is restored, builds the scene again from its factory and says so', async () => {
    const host = makeHost()
    const factory = recordingFactory('woodblock')
    const original = await host.show(factory, true)
    const rebuilt: ExhibitScene[] = []
    host.onSceneRebuilt((scene) => rebuilt.push(scene))
    const changes: SceneContextChange[] = []
    const onChange = (event: Event) =>
      changes.push((event as CustomEvent<SceneContextChange>).detail)
    window.addEventListener(sceneContextEventName, onChange)

    const lost = new Event('webglcontextlost', { cancelable: true })
    host.canvas.dispatchEvent(lost)
    // Without preventDefault the browser never gives the context back.
    expect(lost.defaultPrevented).toBe(true)
    expect(rendererOf(host).loop).toBeNull()

    host.canvas.dispatchEvent(new Event('webglcontextrestored'))
    await vi.waitFor(() => expect(rebuilt).toHaveLength(1))
    window.removeEventListener(sceneContextEventName, onChange)

    expect(original!.events.at(-1)).toBe('dispose')
    expect(factory.built).toHaveLength(2)
    expect(rebuilt[0]).toBe(factory.built[1])
    expect(factory.built[1]!.events).toContain('connect')
    expect(rendererOf(host).loop).not.toBeNull()
    expect(changes).toEqual([
      { state: 'lost', lossCount: 1 },
      { state: 'restored', lossCount: 1 },
    ])
  })

  it('rebuilds nothing after a restore once the exhibit has been left', async () => {
    const host = makeHost()
    const factory = recordingFactory('tea')
    await host.show(factory, false)
    host.clear()
    const rebuilt: ExhibitScene[] = []
    host.onSceneRebuilt((scene) => rebuilt.push(scene))
    host.canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }))
    host.canvas.dispatchEvent(new Event('webglcontextrestored'))
    await Promise.resolve()
    expect(factory.built).toHaveLength(1)
    expect(rebuilt).toEqual([])
  })

  it('a load that rejects with its signal after the visitor left resolves to nothing, not an error', async () => {
    const host = makeHost()
    let rejectLoad: (reason: unknown) => void = () => undefined
    const loading = host.show(
      ({ signal }) =>
        new Promise<never>((_resolve, reject) => {
          rejectLoad = reject
          signal.addEventListener('abort', () => reject(new DOMException('given up', 'AbortError')))
        }),
      false,
    )
    host.clear()
    await expect(loading).resolves.toBeUndefined()
    // A load that fails on its own is still a failure.
    const failing = host.show(
      () =>
        new Promise<never>((_resolve, reject) => {
          rejectLoad = reject
        }),
      false,
    )
    rejectLoad(new Error('texture missing'))
    await expect(failing).rejects.toThrow('texture missing')
  })

  it('on clear disposes the scene, stops drawing and takes the canvas out of the page', async () => {
    const host = makeHost()
    const container = document.createElement('div')
    host.attach(container)
    const shown = await host.show(recordingFactory('tea'), false)
    const frames: number[] = []
    const listening = host.onFrame((deltaSeconds) => frames.push(deltaSeconds))
    host.clear()
    expect(shown!.events.at(-1)).toBe('dispose')
    expect(rendererOf(host).loop).toBeNull()
    expect(container.children).toHaveLength(0)
    listening.dispose()
  })

  it('connects the shown scene to pointer input read from its canvas; a scene that ends its subscription hears no more', async () => {
    const host = makeHost()
    host.attach(document.createElement('div'))
    const inputs: ScenePointerInput[] = []
    const scene = recordedScene('woodblock')
    let subscription: { dispose(): void } | undefined
    scene.connect = (pointer) => {
      subscription = pointer.subscribe((input) => inputs.push(input))
    }
    scene.dispose = () => subscription?.dispose()
    await host.show(async () => scene, false)
    const press = () =>
      host.canvas.dispatchEvent(
        new PointerEvent('pointerdown', { pointerId: 3, pointerType: 'touch' }),
      )
    press()
    expect(inputs.map(({ kind, pointerId }) => [kind, pointerId])).toEqual([['down', 3]])
    host.clear()
    press()
    expect(inputs).toHaveLength(1)
  })

  it('reports its GPU objects to diagnostics() until it is disposed', () => {
    const host = new SceneHost()
    expect(readDiagnostics().webgl).toMatchObject({ geometries: 0, textures: 0, calls: 0 })
    host.dispose()
    expect(rendererOf(host).isDisposed).toBe(true)
    expect(readDiagnostics().webgl).toBeNull()
  })

  it('on software WebGL draws through one FXAA pass per scene, sized to the drawing buffer, freed with its scene', async () => {
    capability.isSoftware = true
    const host = makeHost()
    expect(host.isSoftwareRendered).toBe(true)
    host.attach(document.createElement('div'))
    const factory = recordingFactory('woodblock')
    const first = await host.show(factory, false)
    host.canvas.width = 640
    host.canvas.height = 400
    rendererOf(host).loop?.(16)
    expect(antialiasing.made).toHaveLength(1)
    // The pass draws the scene; the renderer is not asked to draw it a second time.
    expect(antialiasing.made[0]!.rendered).toEqual([
      { scene: first!.scene, widthPx: 640, heightPx: 400, isPlain: false },
    ])
    expect(rendererOf(host).rendered).toEqual([])
    // A frame is several renders: the host, not each render, resets the counts.
    expect(host.renderer.info.autoReset).toBe(false)
    expect((host.renderer.info as unknown as { resets: number }).resets).toBe(1)
    // A resized stage: the pass follows the drawing buffer.
    host.canvas.width = 320
    host.canvas.height = 200
    rendererOf(host).loop?.(33)
    expect(antialiasing.made[0]!.rendered.at(-1)).toMatchObject({ widthPx: 320, heightPx: 200 })
    // A finger drags on a scene whose frames run slow: the smaller, softer frames skip FXAA,
    // yet go through the pass's target and program (no second set of pipelines on SwiftShader).
    host.canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1 }))
    host.interactiveResolution.recordFrame(200, 1)
    rendererOf(host).loop?.(50)
    expect(antialiasing.made[0]!.rendered).toHaveLength(3)
    expect(antialiasing.made[0]!.rendered.at(-1)).toMatchObject({ isPlain: true })
    expect(rendererOf(host).rendered).toEqual([])
    // After the first frame, the hidden meshes' pipelines are made while the page is idle.
    await vi.waitFor(() => expect(antialiasing.made[0]!.prepared).toEqual([first!.scene]))

    // A new scene gets a new pass; the old one goes with its scene.
    await host.show(recordingFactory('tea'), false)
    expect(antialiasing.made).toHaveLength(2)
    expect(antialiasing.made[0]!.isDisposed).toBe(true)
    // A restored context rebuilds the scene and its pass (the old target died with the context).
    host.canvas.dispatchEvent(new Event('webglcontextlost', { cancelable: true }))
    host.canvas.dispatchEvent(new Event('webglcontextrestored'))
    await vi.waitFor(() => expect(antialiasing.made).toHaveLength(3))
    expect(antialiasing.made[1]!.isDisposed).toBe(true)
    // Leaving the exhibit frees the last one: the renderer's memory returns to its baseline.
    host.clear()
    expect(antialiasing.made.every((pass) => pass.isDisposed)).toBe(true)
  })

  it('on software WebGL skips FXAA while a finger is down, and antialiases the still picture once the touch settles', async () => {
    capability.isSoftware = true
    const host = makeHost()
    host.attach(document.createElement('div'))
    let isAtRest = false
    const scene = { ...recordedScene('tea'), isAtRest: () => isAtRest }
    await host.show(async () => scene, false)
    const loop = (timeMs: number) => rendererOf(host).loop?.(timeMs)
    const pass = () => antialiasing.made[0]!
    const antialiased = () => pass().rendered.filter((frame) => !frame.isPlain)
    // Fast frames: the touch is drawn at full size, yet without FXAA.
    loop(0)
    loop(16)
    expect(antialiased()).toHaveLength(2)
    host.canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1 }))
    loop(32)
    loop(48)
    expect(antialiased()).toHaveLength(2)
    expect(pass().rendered).toHaveLength(4)
    // What a screenshot or a test waits for before judging the picture: not yet.
    expect(readDiagnostics().webgl?.isStillFrameShown).toBe(false)
    // The finger lifts and the scene comes to rest on a plain frame.
    window.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1 }))
    isAtRest = true
    const liftedMs = performance.now()
    loop(liftedMs)
    expect(readDiagnostics().webgl?.isStillFrameShown).toBe(false)
    const settledMs = liftedMs + host.interactiveResolution.settleMs + 1
    loop(settledMs)
    // Settled: the still picture is drawn once more, antialiased, then held.
    expect(antialiased()).toHaveLength(3)
    expect(pass().rendered.at(-1)!.isPlain).toBe(false)
    expect(readDiagnostics().webgl?.isStillFrameShown).toBe(true)
    loop(settledMs + 16)
    expect(pass().rendered).toHaveLength(5)
  })

  it('prepares a scene before it is shown on a second renderer of the same context, draws all of it once unseen, and frees it all', async () => {
    capability.isSoftware = true
    const host = makeHost()
    const made = (WebGLRenderer as unknown as { made: RecordingRenderer[] }).made
    const madeBefore = made.length
    const factory = recordingFactory('tea')
    await host.prepare('tea-whisking', factory)

    // One renderer more, on the host's own WebGL context (whose caches the shown scene reuses).
    expect(made).toHaveLength(madeBefore + 1)
    const preparing = made.at(-1)!
    expect(preparing).not.toBe(rendererOf(host))
    expect(preparing.getContext()).toBe(rendererOf(host).getContext())
    // Built, compiled and drawn whole (hidden meshes too) through an antialiasing pass of its own.
    const [prepared] = factory.built
    expect(preparing.compiled).toEqual([prepared!.scene])
    expect(antialiasing.made).toHaveLength(1)
    expect(antialiasing.made[0]).toMatchObject({ renderer: preparing, isDisposed: true })
    expect(antialiasing.made[0]!.preparedWhole).toEqual([prepared!.scene])
    // Nothing kept: the scene, the pass and the second renderer are disposed; the host's renderer
    // drew nothing, counts nothing of it, and forgets the GL state it had cached.
    expect(prepared!.events).toContain('dispose')
    expect(prepared!.events).not.toContain('connect')
    expect(preparing.isDisposed).toBe(true)
    expect(rendererOf(host).rendered).toEqual([])
    expect(rendererOf(host).stateResets).toBeGreaterThan(0)
    expect(readDiagnostics().webgl).toMatchObject({ geometries: 0, textures: 0, programs: 0 })

    // Once per name and page.
    await host.prepare('tea-whisking', factory)
    expect(factory.built).toHaveLength(1)
  })

  it('prepares nothing while a scene is shown, and draws nothing of a preparation the visitor overtook', async () => {
    capability.isSoftware = true
    const host = makeHost()
    host.attach(document.createElement('div'))
    await host.show(recordingFactory('woodblock'), false)
    const tea = recordingFactory('tea')
    await host.prepare('tea-whisking', tea)
    expect(tea.built).toEqual([])
    host.clear()

    // The visitor taps a tile while the preparation is still building: it draws nothing.
    const release = tea.hold()
    const preparing = host.prepare('tea-whisking', tea)
    const shown = host.show(recordingFactory('woodblock'), false)
    release()
    await Promise.all([preparing, shown])
    expect(tea.built).toHaveLength(1)
    expect(tea.built[0]!.events).toContain('dispose')
    const preparations = antialiasing.made.filter((pass) => pass.preparedWhole.length > 0)
    expect(preparations).toEqual([])
    // Tried once a page: it does not come back to compete with the next visit.
    host.clear()
    await host.prepare('tea-whisking', tea)
    expect(tea.built).toHaveLength(1)
  })

  it('with multisampling (a GPU) draws the scene straight onto the canvas', async () => {
    const host = makeHost()
    host.attach(document.createElement('div'))
    const shown = await host.show(recordingFactory('tea'), false)
    rendererOf(host).loop?.(16)
    expect(antialiasing.made).toEqual([])
    expect(rendererOf(host).rendered).toEqual([shown!.scene])
  })
})
