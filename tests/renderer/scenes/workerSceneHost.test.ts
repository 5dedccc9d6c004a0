import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HostedSceneHandle } from '../../../renderer/scenes/hostedScene'
import { readDiagnostics, sceneContextControl } from '../../../renderer/diagnostics/diagnostics'
import type { DrawingCounts } from '../../../renderer/scenes/sceneDrawing'
import type {
  PageToSceneWorker,
  SceneWorkerToPage,
} from '../../../renderer/scenes/sceneWorkerProtocol'
import { WorkerSceneHost, type SceneWorkerPort } from '../../../renderer/scenes/workerSceneHost'

/** A stand-in scene worker: records what the page posts and answers with what a test sends. */
class FakeWorker implements SceneWorkerPort {
  readonly posted: { message: PageToSceneWorker; transfer: Transferable[] }[] = []
  isTerminated = false
  #listeners: ((event: MessageEvent<SceneWorkerToPage>) => void)[] = []

  postMessage(message: PageToSceneWorker, transfer: Transferable[]): void {
    this.posted.push({ message, transfer })
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent<SceneWorkerToPage>) => void) {
    this.#listeners.push(listener)
  }
  terminate(): void {
    this.isTerminated = true
  }
  /** The worker posts `message` to the page. */
  send(message: SceneWorkerToPage): void {
    for (const listener of this.#listeners) listener({ data: message } as MessageEvent)
  }
  sent<T extends PageToSceneWorker['type']>(type: T) {
    return this.posted
      .map((each) => each.message)
      .filter(
        (message): message is Extract<PageToSceneWorker, { type: T }> => message.type === type,
      )
  }
}

const counts = (geometries: number, calls = 3): DrawingCounts => ({
  geometries,
  textures: geometries,
  programs: 2,
  calls,
  triangles: 100 * calls,
  drawingScale: 1,
  isStillFrameShown: true,
})

/** happy-dom's canvas cannot hand its drawing over: a marker object stands for the OffscreenCanvas. */
const offscreenMarker = { isOffscreenStandIn: true }
beforeEach(() => {
  Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', {
    configurable: true,
    value: () => offscreenMarker,
  })
})

const hosts: WorkerSceneHost[] = []
function makeHost() {
  const worker = new FakeWorker()
  const host = new WorkerSceneHost(worker, true)
  hosts.push(host)
  return { worker, host }
}
afterEach(() => {
  for (const host of hosts.splice(0)) host.dispose()
  delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen
})

describe('WorkerSceneHost', () => {
  it('hands the canvas to the worker once, transferred, with what the worker cannot see itself', () => {
    const { worker } = makeHost()
    const [init] = worker.sent('init')
    expect(init).toMatchObject({ canvas: offscreenMarker, isSoftwareRendered: true })
    expect(init!.sizeCssPx.width).toBeGreaterThan(0)
    expect(worker.posted[0]!.transfer).toEqual([offscreenMarker])
  })

  it('shows a scene by name: its events reach the listener, and the show resolves with its state', async () => {
    const { worker, host } = makeHost()
    const heard: string[] = []
    const listener = { stationActive: (id: string) => heard.push(id) }
    const showing = host.show('tea-whisking', { bowl: 1 }, false, listener)
    const [show] = worker.sent('show')
    expect(show).toMatchObject({
      name: 'tea-whisking',
      options: { bowl: 1 },
      isReducedMotion: false,
    })
    worker.send({ type: 'event', name: 'stationActive', args: ['warm-bowl'] })
    worker.send({ type: 'reply', requestId: show!.requestId, isShown: true, value: { n: 1 } })
    const shown = await showing
    expect(heard).toEqual(['warm-bowl'])
    expect(shown?.state).toEqual({ n: 1 })

    // A call crosses as a message and resolves with the worker's answer.
    const answering = shown!.handle.call('restart')
    const [call] = worker.sent('call')
    expect(call).toMatchObject({ method: 'restart', args: [] })
    worker.send({ type: 'reply', requestId: call!.requestId, value: 'done' })
    await expect(answering).resolves.toBe('done')

    // A failed call rejects with the worker's message.
    const handle = shown!.handle as HostedSceneHandle<{ bowlPicture(sizePx: number): unknown }>
    const failing = handle.call('bowlPicture', 64)
    worker.send({ type: 'reply', requestId: worker.sent('call')[1]!.requestId, error: 'no 2D' })
    await expect(failing).rejects.toThrow('no 2D')
  })

  it('a show overtaken in the worker, or left before it answered, resolves to nothing', async () => {
    const { worker, host } = makeHost()
    const first = host.show('tea-whisking', undefined, false, {})
    worker.send({ type: 'reply', requestId: worker.sent('show')[0]!.requestId, isShown: false })
    await expect(first).resolves.toBeUndefined()
    const second = host.show('tea-whisking', undefined, false, {})
    host.clear()
    worker.send({ type: 'reply', requestId: worker.sent('show')[1]!.requestId, isShown: true })
    await expect(second).resolves.toBeUndefined()
    expect(worker.sent('clear')).toHaveLength(1)
  })

  it('keeps the last snapshot, so diagnostics().webgl is a synchronous read of the last drawn frame', () => {
    const { worker, host } = makeHost()
    expect(readDiagnostics().webgl).toBeNull()
    const frames: unknown[] = []
    host.onFrame((snapshot) => frames.push(snapshot.state))
    worker.send({
      type: 'snapshot',
      snapshot: { counts: counts(15), state: 'pour' },
      isFrame: true,
    })
    expect(readDiagnostics().webgl).toEqual({
      geometries: 15,
      textures: 15,
      programs: 2,
      calls: 3,
      drawingScale: 1,
      isStillFrameShown: true,
    })
    // A snapshot after a clear updates the counts but is not a frame.
    worker.send({
      type: 'snapshot',
      snapshot: { counts: counts(0, 0), state: undefined },
      isFrame: false,
    })
    expect(readDiagnostics().webgl?.geometries).toBe(0)
    expect(frames).toEqual(['pour'])
  })

  it('forwards the canvas pointer events to the worker as plain records, capturing the pointer', () => {
    const { worker, host } = makeHost()
    const container = document.createElement('div')
    document.body.append(container)
    host.attach(container)
    const capture = vi.fn()
    host.canvas.setPointerCapture = capture
    host.canvas.dispatchEvent(
      new PointerEvent('pointerdown', {
        pointerId: 7,
        clientX: 30,
        clientY: 40,
        pointerType: 'touch',
      }),
    )
    const [pointer] = worker.sent('pointer')
    expect(pointer!.input).toMatchObject({ kind: 'down', pointerId: 7, xCssPx: 30, yCssPx: 40 })
    expect(JSON.parse(JSON.stringify(pointer!.input))).toEqual(pointer!.input)
    expect(capture).toHaveBeenCalledWith(7)
    container.remove()
  })

  it('loses and restores the context through the worker, and says when it is lost', () => {
    const { worker } = makeHost()
    const control = sceneContextControl()!
    control.lose()
    expect(worker.sent('lose-context')).toHaveLength(1)
    expect(control.isLost()).toBe(false)
    worker.send({ type: 'context', change: { state: 'lost', lossCount: 1 } })
    expect(control.isLost()).toBe(true)
    control.restore()
    expect(worker.sent('restore-context')).toHaveLength(1)
  })

  it("puts the worker's scene steps on the page's timeline", () => {
    const { worker } = makeHost()
    const startMs = performance.now()
    worker.send({ type: 'step', name: 'songyun:test-step', startMs, endMs: startMs + 5 })
    const [measure] = performance.getEntriesByName('songyun:test-step')
    expect(measure?.duration).toBeCloseTo(5)
  })

  it('terminates the worker only once it has reported the counts after disposing its renderer', () => {
    const { worker, host } = makeHost()
    worker.send({
      type: 'snapshot',
      snapshot: { counts: counts(15), state: undefined },
      isFrame: true,
    })
    host.dispose()
    expect(worker.sent('dispose')).toHaveLength(1)
    expect(worker.isTerminated).toBe(false)
    worker.send({ type: 'disposed', counts: counts(0, 0) })
    expect(worker.isTerminated).toBe(true)
    expect(host.snapshot?.counts.geometries).toBe(0)
  })
})
