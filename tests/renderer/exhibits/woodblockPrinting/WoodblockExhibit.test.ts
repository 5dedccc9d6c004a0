import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ContentExhibit } from '../../../../src/contract/areas/content'
import { bitmapFromRows } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { SessionPrint } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type {
  WoodblockPageListener,
  WoodblockSceneRequest,
  WoodblockStationState,
} from '../../../../renderer/exhibits/woodblockPrinting/scene/woodblockSceneHosting'
import type { HostedSceneHostPort } from '../../../../renderer/scenes/hostedSceneHost'
import { hostedSceneHostKey } from '../../../../renderer/scenes/useHostedScene'
import { exhibitPortsKey, type ExhibitPorts } from '../../../../renderer/exhibits/exhibitPorts'
import { shallowRef } from 'vue'

/** One show the component asked of the host: what for, and the calls made on it since. */
interface FakeShow {
  name: string
  request: WoodblockSceneRequest
  isReducedMotion: boolean
  listener: WoodblockPageListener
  calls: { method: string; args: unknown[] }[]
}

const fakes = {
  shows: [] as FakeShow[],
  cleared: 0,
  attached: 0,
  reducedMotion: [] as boolean[],
  rebuildListeners: new Set<(state: unknown) => void>(),
}

/** A stand-in for the page's scene host, given to the component the way a test may give one. */
const fakeHost: HostedSceneHostPort = {
  attach: () => void fakes.attached++,
  clear: () => void fakes.cleared++,
  onFrame: () => ({ dispose: () => undefined }),
  onSceneRebuilt: (listener) => {
    fakes.rebuildListeners.add(listener)
    return { dispose: () => fakes.rebuildListeners.delete(listener) }
  },
  setReducedMotion: (isReducedMotion) => void fakes.reducedMotion.push(isReducedMotion),
  prepare: async () => {},
  show: async (name, options, isReducedMotion, listener) => {
    const show: FakeShow = {
      name,
      request: options as WoodblockSceneRequest,
      isReducedMotion,
      listener: listener,
      calls: [],
    }
    fakes.shows.push(show)
    return {
      state: undefined,
      handle: {
        call: async (method, ...args) => void show.calls.push({ method, args }),
      },
    }
  },
}

/** The station state the workshop sends when something the component shows changed. */
const station = (changes: Partial<WoodblockStationState> = {}): WoodblockStationState => ({
  phase: 'write-sample',
  canMoveOn: false,
  carvingTool: 'chisel',
  isMasterCarving: false,
  isScribeWriting: false,
  isSampleDown: false,
  ...changes,
})

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
      provide: { [hostedSceneHostKey as symbol]: fakeHost, [exhibitPortsKey as symbol]: fakePorts },
    },
  })
}

afterEach(() => {
  fakes.shows.length = 0
  fakes.cleared = 0
  fakes.attached = 0
  fakes.reducedMotion.length = 0
})

describe('WoodblockExhibit', () => {
  it('after a lost context, what was shown of the old print goes and the rebuilt scene is followed', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    const { listener } = fakes.shows[0]!
    listener.printed?.(print)
    listener.changed?.(station({ phase: 'printed' }))
    await flushPromises()
    expect(wrapper.find('[data-woodblock-print]').exists()).toBe(true)
    for (const rebuilt of fakes.rebuildListeners) rebuilt({})
    // The rebuilt scene starts at the sample and says so through the same listener.
    listener.changed?.(station({ canMoveOn: true }))
    await flushPromises()
    expect(wrapper.find('[data-woodblock-print]').exists()).toBe(false)
    expect(wrapper.emitted('outcome')!.at(-1)).toEqual([undefined])
    await wrapper.get('[data-action="woodblock-next"]').trigger('click')
    expect(fakes.shows[0]!.calls).toEqual([{ method: 'moveOn', args: [] }])
    wrapper.unmount()
    expect(fakes.rebuildListeners.size).toBe(0)
  })

  it('shows the first block by name with a plain-data request, and passes station progress to the frame', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    expect(fakes.attached).toBe(1)
    expect(fakes.shows).toHaveLength(1)
    const { name, request, listener, calls } = fakes.shows[0]!
    expect(name).toBe('woodblock-printing')
    expect(request.block).toEqual({ carving: 'characters', text: '宋' })
    // The request crosses to the scene worker: it must clone (a Vue proxy would not).
    expect(structuredClone(request)).toEqual(request)

    listener.stationActive?.('write-sample')
    listener.stationComplete?.('write-sample')
    expect(wrapper.emitted('station-active')).toEqual([['write-sample']])
    expect(wrapper.emitted('station-complete')).toEqual([['write-sample']])

    // The "next" control appears only when the scene says the visitor may move on.
    expect(wrapper.find('[data-action="woodblock-next"]').exists()).toBe(false)
    listener.changed?.(station({ canMoveOn: true }))
    await flushPromises()
    await wrapper.get('[data-action="woodblock-next"]').trigger('click')
    expect(calls).toEqual([{ method: 'moveOn', args: [] }])
    wrapper.unmount()
    expect(fakes.cleared).toBe(1)
  })

  it('shows the print with a verdict in both languages, the seal, and other blocks to try', async () => {
    const wrapper = mountExhibit('en')
    await flushPromises()
    const { listener } = fakes.shows[0]!
    listener.printed?.(print)
    listener.changed?.(station({ phase: 'printed' }))
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
    expect(fakes.shows).toHaveLength(2)
    expect(fakes.shows[1]!.request.block.carving).toBe('motif')
    expect(wrapper.find('[data-woodblock-print]').exists()).toBe(false)
    // A new block takes the outcome back: the header shows the first station's instruction again.
    expect(wrapper.emitted('outcome')!.at(-1)).toEqual([undefined])

    wrapper.unmount()
  })

  it('switches the live scene to reduced motion without restarting it', async () => {
    const wrapper = mountExhibit()
    await flushPromises()
    await wrapper.setProps({ isReducedMotion: true })
    expect(fakes.shows).toHaveLength(1)
    expect(fakes.reducedMotion).toEqual([true])
    wrapper.unmount()
  })
})
