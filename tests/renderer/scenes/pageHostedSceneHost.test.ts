import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { readDiagnostics } from '../../../renderer/diagnostics/diagnostics'
import type { HostedSceneName } from '../../../renderer/scenes/hostedScene'
import type { DrawingCounts } from '../../../renderer/scenes/sceneDrawing'
import type * as workerSceneHostModule from '../../../renderer/scenes/workerSceneHost'
import type {
  PageToSceneWorker,
  SceneWorkerToPage,
} from '../../../renderer/scenes/sceneWorkerProtocol'

/** Stand-in scene workers, one per start: record what the page posts, answer what a test sends. */
const workers = vi.hoisted(() => {
  class FakeWorker {
    readonly posted: PageToSceneWorker[] = []
    #listeners: ((event: MessageEvent<SceneWorkerToPage>) => void)[] = []
    postMessage(message: PageToSceneWorker): void {
      this.posted.push(message)
    }
    addEventListener(_type: 'message', listener: (event: MessageEvent<SceneWorkerToPage>) => void) {
      this.#listeners.push(listener)
    }
    terminate(): void {}
    send(message: SceneWorkerToPage): void {
      for (const listener of this.#listeners) listener({ data: message } as MessageEvent)
    }
  }
  const started: FakeWorker[] = []
  return { FakeWorker, started }
})

vi.mock('../../../renderer/scenes/rendererCapability', () => ({
  canDrawInWorker: () => true,
  isSoftwareRenderer: () => true,
}))
vi.mock('../../../renderer/scenes/workerSceneHost', async (importOriginal) => ({
  ...(await importOriginal<typeof workerSceneHostModule>()),
  startSceneWorker: () => {
    const worker = new workers.FakeWorker()
    workers.started.push(worker)
    return worker
  },
}))

const { useHostedScene } = await import('../../../renderer/scenes/useHostedScene')

const counts = (geometries: number): DrawingCounts => ({
  geometries,
  textures: geometries,
  programs: 2,
  calls: 3,
  triangles: 300,
  drawingScale: 1,
  isStillFrameShown: true,
})

/** An exhibit showing the scene `name` the one way every exhibit does (`useHostedScene`). */
const exhibitShowing = (name: HostedSceneName) =>
  defineComponent({
    setup() {
      const container = ref<HTMLElement>()
      const hosted = useHostedScene({
        container,
        isReducedMotion: () => false,
        name,
        listener: {},
      })
      return { container, hosted }
    },
    render() {
      return h('div', { ref: 'container' })
    },
  })

/** The worker answers the page's last `show` as shown, after a frame holding `geometries`. */
async function answerShow(geometries: number): Promise<void> {
  const worker = workers.started[0]!
  const show = worker.posted.filter((m) => m.type === 'show').at(-1)!
  worker.send({
    type: 'snapshot',
    snapshot: { counts: counts(geometries), state: {} },
    isFrame: true,
  })
  worker.send({ type: 'reply', requestId: show.requestId, isShown: true, value: {} })
  await flushPromises()
}

beforeEach(() => {
  Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', {
    configurable: true,
    value: () => ({}),
  })
})
afterEach(() => {
  delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen
})

describe('pageHostedSceneHost', () => {
  it('hosts the tea table and the woodblock workshop alike, so diagnostics().webgl reports the exhibit on screen', async () => {
    const tea = mount(exhibitShowing('tea-whisking'), { attachTo: document.body })
    void (tea.vm as unknown as { hosted: { show(): Promise<unknown> } }).hosted.show()
    await flushPromises()
    await answerShow(15)
    expect(readDiagnostics().webgl?.geometries).toBe(15)
    tea.unmount()

    const woodblock = mount(exhibitShowing('woodblock-printing'), { attachTo: document.body })
    const showing = (
      woodblock.vm as unknown as { hosted: { show(options: unknown): Promise<unknown> } }
    ).hosted.show({ block: { carving: 'characters', text: '宋' } })
    await flushPromises()
    // One worker for the page: the workshop is shown in the host that drew the tea table.
    expect(workers.started).toHaveLength(1)
    const shows = workers.started[0]!.posted.filter((m) => m.type === 'show')
    expect(shows.map((show) => show.name)).toEqual(['tea-whisking', 'woodblock-printing'])
    expect(shows[1]!.options).toEqual({ block: { carving: 'characters', text: '宋' } })
    await answerShow(40)
    await expect(showing).resolves.toEqual({})
    // The counts are the workshop's, the scene on screen, in the one host's canvas on screen.
    expect(readDiagnostics().webgl?.geometries).toBe(40)
    expect(woodblock.element.querySelector('canvas.scene-host-canvas')).not.toBeNull()
    woodblock.unmount()
  })
})
