import { describe, expect, it, vi } from 'vitest'
import { PerspectiveCamera, Scene } from 'three'
import type { ExhibitScene, ExhibitSceneFactory } from '../../../renderer/scenes/exhibitScene'
import type { HostedSceneKind, SceneEventSink } from '../../../renderer/scenes/hostedScene'
import { HostedSceneSlot, type SceneShowTarget } from '../../../renderer/scenes/hostedSceneSlot'

/** A scene that says which options it was built from, and can be told to send an event. */
interface RecordingScene extends ExhibitScene {
  readonly options: unknown
  readonly reducedMotion: boolean[]
  say(name: string): void
}

function recordingKind() {
  const fonts = [] as unknown[]
  const kind: HostedSceneKind<RecordingScene> = {
    factory: (emit: SceneEventSink, options, environment) => async () => {
      fonts.push(environment.fonts)
      const reducedMotion: boolean[] = []
      return {
        scene: new Scene(),
        camera: new PerspectiveCamera(),
        options,
        reducedMotion,
        say: (name: string) => emit(name, [options]),
        connect() {},
        update() {},
        resize() {},
        setReducedMotion: (isReducedMotion: boolean) => void reducedMotion.push(isReducedMotion),
        dispose() {},
      }
    },
    stateOf: (scene) => ({ builtFor: scene.options }),
    calls: {
      echo: (_scene, args) => ({ value: args }),
    },
  }
  return { kind: kind as unknown as HostedSceneKind, fonts }
}

/** A drawing stand-in: shows what a factory builds, resolving when the test lets it. */
function fakeTarget() {
  const rebuildListeners = new Set<(scene: ExhibitScene) => void>()
  const factories: ExhibitSceneFactory[] = []
  const target: SceneShowTarget & { current: ExhibitScene | undefined } = {
    current: undefined,
    async show(factory) {
      factories.push(factory)
      const scene = await factory({
        renderer: undefined as never,
        signal: new AbortController().signal,
        isReducedMotion: false,
        sizeCssPx: { width: 0, height: 0 },
      })
      target.current = scene
      return scene
    },
    clear: vi.fn(() => (target.current = undefined)),
    onSceneRebuilt(listener) {
      rebuildListeners.add(listener)
      return { dispose: () => rebuildListeners.delete(listener) }
    },
  }
  /** Builds the last scene afresh from its factory, as after a restored WebGL context. */
  const rebuild = async () => {
    const scene = await factories.at(-1)!({
      renderer: undefined as never,
      signal: new AbortController().signal,
      isReducedMotion: false,
      sizeCssPx: { width: 0, height: 0 },
    })
    target.current = scene
    for (const listener of rebuildListeners) listener(scene)
    return scene as RecordingScene
  }
  return { target, rebuild }
}

describe('HostedSceneSlot', () => {
  it('builds the scene from the request and the environment, and answers its state and calls', async () => {
    const { kind, fonts } = recordingKind()
    const { target } = fakeTarget()
    const fontSet = {} as FontFaceSet
    const slot = new HostedSceneSlot(target, { fonts: fontSet }, async () => kind)
    const shown = await slot.show(
      { name: 'woodblock-printing', options: { block: 'song' }, isReducedMotion: false },
      () => {},
    )
    expect(shown).toEqual({ state: { builtFor: { block: 'song' } } })
    expect(fonts).toEqual([fontSet])
    expect(slot.state()).toEqual({ builtFor: { block: 'song' } })
    expect(slot.call('echo', [1, 2]).value).toEqual([1, 2])
    expect(() => slot.call('fly', [])).toThrow('the scene has no call "fly"')
    slot.clear()
    expect(slot.state()).toBeUndefined()
    expect(() => slot.call('echo', [])).toThrow('no scene is shown')
  })

  it('an overtaken show resolves to nothing, and its scene is no longer heard', async () => {
    const { kind } = recordingKind()
    const { target } = fakeTarget()
    let releaseKind: () => void = () => {}
    const slot = new HostedSceneSlot(target, { fonts: undefined }, (name) =>
      name === 'tea-whisking'
        ? new Promise((resolve) => (releaseKind = () => resolve(kind)))
        : Promise.resolve(kind),
    )
    const heard: unknown[] = []
    const emit: SceneEventSink = (name, args) => heard.push([name, ...args])
    const first = slot.show({ name: 'tea-whisking', options: 'tea', isReducedMotion: false }, emit)
    const second = await slot.show(
      { name: 'woodblock-printing', options: 'song', isReducedMotion: false },
      emit,
    )
    releaseKind()
    await expect(first).resolves.toBeUndefined()
    expect(second?.state).toEqual({ builtFor: 'song' })
    const song = target.current as RecordingScene
    song.say('changed')
    expect(heard).toEqual([['changed', 'song']])

    // After a show of another block, the replaced block's scene is not heard.
    await slot.show({ name: 'woodblock-printing', options: 'plum', isReducedMotion: false }, emit)
    song.say('printed')
    ;(target.current as RecordingScene).say('printed')
    expect(heard).toEqual([
      ['changed', 'song'],
      ['printed', 'plum'],
    ])
  })

  it('a scene rebuilt after a lost context gets the preference again, and its state is reported', async () => {
    const { kind } = recordingKind()
    const { target, rebuild } = fakeTarget()
    const slot = new HostedSceneSlot(target, { fonts: undefined }, async () => kind)
    const heard: unknown[] = []
    await slot.show({ name: 'woodblock-printing', options: 'song', isReducedMotion: false }, (n) =>
      heard.push(n),
    )
    slot.setReducedMotion(true)
    const rebuiltStates: unknown[] = []
    slot.onRebuilt((state) => rebuiltStates.push(state))
    const rebuilt = await rebuild()
    expect(rebuilt.reducedMotion).toEqual([true])
    expect(rebuiltStates).toEqual([{ builtFor: 'song' }])
    // The rebuilt scene is the shown one: its events are heard, its calls answered.
    rebuilt.say('stationActive')
    expect(heard).toEqual(['stationActive'])
    expect(slot.state()).toEqual({ builtFor: 'song' })
  })
})
