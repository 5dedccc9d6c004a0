import { afterEach, describe, expect, it, vi, type Mock } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ContentExhibit } from '../../../../src/contract/areas/content'
import { bitmapFromRows } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { SessionPrint } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { PrintingPhase } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { WoodblockSceneOptions } from '../../../../renderer/exhibits/woodblockPrinting/scene/woodblockScene'
import type { ExhibitScene, ExhibitSceneFactory } from '../../../../renderer/scenes/exhibitScene'
import { sceneHostKey, type SceneHostPort } from '../../../../renderer/scenes/useSceneHost'
import { exhibitPortsKey, type ExhibitPorts } from '../../../../renderer/exhibits/exhibitPorts'
import { shallowRef } from 'vue'

/** A stand-in for the Three.js scene: the component only reads these. */
interface FakeScene {
  phase: PrintingPhase
  canMoveOn: boolean
  textureBytes: number
  moveOn: ReturnType<typeof vi.fn>
  setReducedMotion: Mock<(isReducedMotion: boolean) => void>
  blockScreenRect: () => undefined
}

const fakes = vi.hoisted(() => ({
  opened: [] as { options: WoodblockSceneOptions; isReducedMotion: boolean; scene: FakeScene }[],
  cleared: 0,
  attached: 0,
  rebuildListeners: new Set<(scene: ExhibitScene) => void>(),
}))

vi.mock('../../../../renderer/exhibits/woodblockPrinting/scene/woodblockScene', () => ({
  woodblockSceneFactory: (options: WoodblockSceneOptions) => ({ options }),
}))

/** A stand-in for the scene host, given to the component the way the app could give one. */
const fakeHost: SceneHostPort = {
  renderer: { info: { render: { calls: 0, triangles: 0 } } },
  attach: () => void fakes.attached++,
  clear: () => void fakes.cleared++,
  onFrame: () => ({ dispose: () => undefined }),
  onSceneRebuilt: (listener) => {
    fakes.rebuildListeners.add(listener)
    return { dispose: () => fakes.rebuildListeners.delete(listener) }
  },
  show: async <S extends ExhibitScene>(
    factory: ExhibitSceneFactory<S>,
    isReducedMotion: boolean,
  ) => {
    const scene: FakeScene = {
      phase: 'write-sample',
      canMoveOn: false,
      textureBytes: 1,
      moveOn: vi.fn(() => true),
      setReducedMotion: vi.fn<(isReducedMotion: boolean) => void>(),
      blockScreenRect: () => undefined,
    }
    const { options } = factory as unknown as { options: WoodblockSceneOptions }
    fakes.opened.push({ options, isReducedMotion, scene })
    return scene as unknown as S
  },
}

const { default: WoodblockExhibit } =
  await import('../../../../renderer/exhibits/woodblockPrinting/WoodblockExhibit.vue')

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en })
const entry: ContentExhibit = {
  packId: 'songyun.core',
  exhibit: {
    kind: 'woodblock-printing',
    id: 'woodblock-printing',
    title: text('雕版印刷', 'Woodblock printing'),
    teaser: text('印', 'Print'),
    stations: [{ id: 'ink', title: text('刷墨', 'Ink'), hint: text('刷', 'Brush') }],
    cards: [],
    glossary: [],
    blocks: [
      { id: 'song', title: text('宋', 'Song'), carving: 'characters', text: '宋' },
      { id: 'plum', title: text('梅花', 'Plum blossom'), carving: 'motif', text: '梅' },
    ],
    seal: { text: '宋韵', title: text('朱印', 'Seal') },
  },
}

const print: SessionPrint = {
  nicks: [],
  sheet: bitmapFromRows(['#.', '..']),
  quality: {
    inkCoverage: 0.2,
    rubCoverage: 1,
    clarity: 0.2,
    unevenness: 0.9,
    smudge: 0,
    overInked: 0,
    verdict: 'faint',
  },
  steps: { writing: 'visitor', carving: 'nicked', nickedCells: 4, inking: 'thin', rubbing: 'firm' },
  // The worst step: thin inking outranks the nick.
  headline: 'faint',
}

/** The exhibit frame's ports, with a printer chosen so the print card offers a keepsake. */
const fakePorts: ExhibitPorts = {
  record: () => {},
  volumeCap: shallowRef(undefined),
  mediaUrl: (packId, relativePath) => `/pack/${packId}/${relativePath}`,
  keepsake: {
    isOffered: shallowRef(true),
    paper: shallowRef('a6' as const),
    takeHome: async () => 'printed',
  },
}

function mountExhibit(language = 'zh-CN') {
  return mount(WoodblockExhibit, {
    props: { entry, language, isReducedMotion: false, isCaptionsOn: true },
    global: {
      provide: { [sceneHostKey as symbol]: fakeHost, [exhibitPortsKey as symbol]: fakePorts },
    },
  })
}

afterEach(() => {
  fakes.opened.length = 0
  fakes.cleared = 0
  fakes.attached = 0
})

/** A scene like the fake host's, as the host would rebuild it after a lost WebGL context. */
function rebuiltScene(): FakeScene {
  return {
    phase: 'write-sample',
    canMoveOn: true,
    textureBytes: 1,
    moveOn: vi.fn(() => true),
    setReducedMotion: vi.fn<(isReducedMotion: boolean) => void>(),
    blockScreenRect: () => undefined,
  }
}

describe('WoodblockExhibit', () => {
  it('after a lost context, "next" drives the rebuilt scene, not the disposed one', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    const { options, scene: lost } = fakes.opened[0]!
    const rebuilt = rebuiltScene()
    for (const listener of fakes.rebuildListeners) listener(rebuilt as unknown as ExhibitScene)
    // The rebuilt scene starts at the sample and reports it through the same listener.
    options.listener.changed?.(rebuilt as never)
    await flushPromises()
    await wrapper.get('[data-action="woodblock-next"]').trigger('click')
    expect(rebuilt.moveOn).toHaveBeenCalledOnce()
    expect(lost.moveOn).not.toHaveBeenCalled()
    wrapper.unmount()
    expect(fakes.rebuildListeners.size).toBe(0)
  })

  it('opens the first block in the shared scene host and passes station progress to the frame', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    expect(fakes.attached).toBe(1)
    expect(fakes.opened).toHaveLength(1)
    const { options, scene } = fakes.opened[0]!
    expect(options.block.text).toBe('宋')

    options.listener.stationActive?.('write-sample')
    options.listener.stationComplete?.('write-sample')
    expect(wrapper.emitted('station-active')).toEqual([['write-sample']])
    expect(wrapper.emitted('station-complete')).toEqual([['write-sample']])

    // The "next" control appears only when the scene says the visitor may move on.
    expect(wrapper.find('[data-action="woodblock-next"]').exists()).toBe(false)
    scene.canMoveOn = true
    options.listener.changed?.(scene as never)
    await flushPromises()
    await wrapper.get('[data-action="woodblock-next"]').trigger('click')
    expect(scene.moveOn).toHaveBeenCalledOnce()
    wrapper.unmount()
    expect(fakes.cleared).toBe(1)
  })

  it('shows the print with a verdict in both languages, the seal, and other blocks to try', async () => {
    const wrapper = mountExhibit('en')
    await flushPromises()
    const { options, scene } = fakes.opened[0]!
    scene.phase = 'printed'
    options.listener.printed?.(print)
    options.listener.changed?.(scene as never)
    await flushPromises()

    const overlay = wrapper.get('[data-woodblock-print]')
    expect(overlay.text()).toContain('Faint: ink more, or rub harder.')
    expect(overlay.text()).toContain('墨色浅淡')
    expect(overlay.get('canvas').attributes('data-verdict')).toBe('faint')
    // What came from which step, in the order the steps were done.
    expect(overlay.findAll('[data-step]').map((step) => step.attributes('data-step'))).toEqual([
      'writing',
      'carving',
      'inking',
      'rubbing',
    ])
    expect(overlay.get('[data-step="writing"]').text()).toContain('your own hand')
    expect(overlay.get('[data-step="carving"]').text()).toContain('nicked a stroke')
    expect(overlay.get('[data-step="inking"]').text()).toContain('too little ink')
    // Each step's note in both languages, the visitor's language first, the other marked as such.
    const carving = overlay.get('[data-step="carving"]')
    expect(carving.get('.woodblock__step-main').text()).toContain('Carving: your knife nicked')
    const carvingOther = carving.get('.woodblock__step-other')
    expect(carvingOther.text()).toBe('刻版：刀口伤了笔画，印出一道白痕。')
    expect(carvingOther.attributes('lang')).toBe('zh-CN')
    // The frame's header stops asking for the lift: it names the print and its verdict.
    const [outcome] = wrapper.emitted('outcome')!.at(-1) as [Record<string, string>]
    expect(outcome).toEqual({
      'zh-CN': '你印的「宋」——墨色浅淡：多刷墨，或用力刷印。',
      en: 'Your print of “Song”: Faint: ink more, or rub harder.',
    })
    expect(wrapper.find('[data-action="woodblock-seal"]').exists()).toBe(true)
    // With a printer chosen, the print card offers the visitor a card to take home.
    expect(overlay.find('[data-action="take-home"]').exists()).toBe(true)

    // The other blocks are one labelled row of their names (three fit beside the print at 1280).
    const others = overlay.get('[role="group"][aria-label="Try another block"]')
    const choices = others.findAll('[data-action="woodblock-another"]')
    expect(choices.length).toBeGreaterThan(0)
    for (const choice of choices) expect(choice.text()).not.toContain('Try another block')

    await wrapper
      .get('[data-action="woodblock-another"][data-block-choice="plum"]')
      .trigger('click')
    await flushPromises()
    expect(fakes.opened).toHaveLength(2)
    expect(fakes.opened[1]!.options.block.carving).toBe('motif')
    expect(wrapper.find('[data-woodblock-print]').exists()).toBe(false)
    // A new block takes the outcome back: the header shows the first station's instruction again.
    expect(wrapper.emitted('outcome')!.at(-1)).toEqual([undefined])

    // A callback from the replaced scene no longer reaches the frame.
    options.listener.stationActive?.('ink')
    expect(wrapper.emitted('station-active')).toBeUndefined()
    wrapper.unmount()
  })

  it('switches the live scene to reduced motion without restarting it', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    await wrapper.setProps({ isReducedMotion: true })
    expect(fakes.opened).toHaveLength(1)
    expect(fakes.opened[0]!.scene.setReducedMotion).toHaveBeenCalledWith(true)
    wrapper.unmount()
  })
})
