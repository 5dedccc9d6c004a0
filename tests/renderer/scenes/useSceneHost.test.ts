import { describe, expect, it, vi, type Mock } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { PerspectiveCamera, Scene } from 'three'
import type { ExhibitScene, ExhibitSceneFactory } from '../../../renderer/scenes/exhibitScene'
import {
  sceneHostKey,
  useSceneHost,
  type HostedScene,
  type SceneHostPort,
} from '../../../renderer/scenes/useSceneHost'

interface FakeScene extends ExhibitScene {
  readonly name: string
  setReducedMotion: Mock<(isReducedMotion: boolean) => void>
}

function fakeScene(name: string): FakeScene {
  return {
    name,
    scene: new Scene(),
    camera: new PerspectiveCamera(),
    connect: () => undefined,
    update: () => undefined,
    resize: () => undefined,
    dispose: () => undefined,
    setReducedMotion: vi.fn<(isReducedMotion: boolean) => void>(),
  }
}

/** A host that records what the composable asks of it and lets the test fire frames and rebuilds. */
function fakeHost() {
  const frameListeners = new Set<(deltaSeconds: number) => void>()
  const rebuildListeners = new Set<(scene: ExhibitScene) => void>()
  const record = {
    attachedTo: [] as HTMLElement[],
    shownWithReducedMotion: [] as boolean[],
    clears: 0,
  }
  let pendingShow: ((scene: ExhibitScene) => void) | undefined
  const host: SceneHostPort = {
    renderer: { info: { render: { calls: 7, triangles: 1200 } } },
    attach: (container) => void record.attachedTo.push(container),
    clear: () => void record.clears++,
    onFrame: (listener) => {
      frameListeners.add(listener)
      return { dispose: () => frameListeners.delete(listener) }
    },
    onSceneRebuilt: (listener) => {
      rebuildListeners.add(listener)
      return { dispose: () => rebuildListeners.delete(listener) }
    },
    show: <S extends ExhibitScene>(_factory: ExhibitSceneFactory<S>, isReducedMotion: boolean) => {
      record.shownWithReducedMotion.push(isReducedMotion)
      return new Promise<S | undefined>((resolve) => {
        pendingShow = (scene) => resolve(scene as S)
      })
    },
  }
  return {
    host,
    record,
    frame: () => frameListeners.forEach((listener) => listener(0.016)),
    rebuild: (scene: ExhibitScene) => rebuildListeners.forEach((listener) => listener(scene)),
    finishShow: (scene: ExhibitScene) => pendingShow?.(scene),
    listenerCount: () => frameListeners.size + rebuildListeners.size,
  }
}

const unusedFactory: ExhibitSceneFactory<FakeScene> = async () => fakeScene('never built here')

/** Mounts a component that hosts a scene the way the exhibits do. */
function mountHosting(fake: ReturnType<typeof fakeHost>) {
  const framesSeen: string[] = []
  const rebuiltSeen: string[] = []
  let hosted: HostedScene<FakeScene> | undefined
  const Exhibit = defineComponent({
    props: { isReducedMotion: { type: Boolean, default: false } },
    setup(props) {
      const stage = ref<HTMLElement>()
      hosted = useSceneHost<FakeScene>({
        container: stage,
        isReducedMotion: () => props.isReducedMotion,
        onFrame: (scene) => framesSeen.push(scene.name),
        onRebuilt: (scene) => rebuiltSeen.push(scene.name),
      })
      return () => h('section', [h('div', { ref: stage, class: 'stage' })])
    },
  })
  const wrapper = mount(Exhibit, {
    props: { isReducedMotion: true },
    global: { provide: { [sceneHostKey as symbol]: fake.host } },
  })
  return { wrapper, hosted: hosted!, framesSeen, rebuiltSeen }
}

describe('useSceneHost', () => {
  it('attaches the canvas to the container on mount and shows the scene with the visitor’s motion setting', async () => {
    const fake = fakeHost()
    const { wrapper, hosted } = mountHosting(fake)
    expect(fake.record.attachedTo).toEqual([wrapper.get('.stage').element])
    const showing = hosted.show(unusedFactory)
    expect(hosted.current()).toBeUndefined()
    fake.finishShow(fakeScene('bowl'))
    expect((await showing)?.name).toBe('bowl')
    expect(hosted.current()?.name).toBe('bowl')
    expect(fake.record.shownWithReducedMotion).toEqual([true])
    expect(hosted.renderCost()).toEqual({ calls: 7, triangles: 1200 })
    wrapper.unmount()
  })

  it('hands each frame the scene on screen, and none while a scene loads', async () => {
    const fake = fakeHost()
    const { wrapper, hosted, framesSeen } = mountHosting(fake)
    const showing = hosted.show(unusedFactory)
    fake.frame()
    fake.finishShow(fakeScene('bowl'))
    await showing
    fake.frame()
    expect(framesSeen).toEqual(['bowl'])
    wrapper.unmount()
  })

  it('follows the scene rebuilt after a context loss: the next action reaches the new one, never the disposed one', async () => {
    const fake = fakeHost()
    const { wrapper, hosted, framesSeen, rebuiltSeen } = mountHosting(fake)
    const showing = hosted.show(unusedFactory)
    fake.finishShow(fakeScene('before loss'))
    await showing
    await wrapper.setProps({ isReducedMotion: false })

    const rebuilt = fakeScene('after restore')
    fake.rebuild(rebuilt)
    expect(hosted.current()).toBe(rebuilt)
    expect(rebuiltSeen).toEqual(['after restore'])
    // The host rebuilt it with the setting of its last show; the composable brings it up to date.
    expect(rebuilt.setReducedMotion).toHaveBeenCalledWith(false)
    fake.frame()
    expect(framesSeen).toEqual(['after restore'])
    wrapper.unmount()
  })

  it('passes a change of reduced motion to the live scene without showing it again', async () => {
    const fake = fakeHost()
    const { wrapper, hosted } = mountHosting(fake)
    const showing = hosted.show(unusedFactory)
    const scene = fakeScene('bowl')
    fake.finishShow(scene)
    await showing
    await wrapper.setProps({ isReducedMotion: false })
    expect(scene.setReducedMotion).toHaveBeenCalledWith(false)
    expect(fake.record.shownWithReducedMotion).toHaveLength(1)
    wrapper.unmount()
  })

  it('on unmount clears the host, removes its listeners and forgets the scene, even one still loading', async () => {
    const fake = fakeHost()
    const { wrapper, hosted, framesSeen } = mountHosting(fake)
    expect(fake.listenerCount()).toBe(2)
    const showing = hosted.show(unusedFactory)
    wrapper.unmount()
    expect(fake.record.clears).toBe(1)
    expect(fake.listenerCount()).toBe(0)
    fake.finishShow(fakeScene('late'))
    expect(await showing).toBeUndefined()
    expect(hosted.current()).toBeUndefined()
    fake.frame()
    expect(framesSeen).toEqual([])
    await flushPromises()
  })
})
