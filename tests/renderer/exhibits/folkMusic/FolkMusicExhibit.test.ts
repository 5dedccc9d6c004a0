import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { shallowRef } from 'vue'
import type { ContentExhibit } from '../../../../src/contract/areas/content'
import type { AnalyticsEvent } from '../../../../src/contract/areas/analytics'
import { exhibitPortsKey, type ExhibitPorts } from '../../../../renderer/exhibits/exhibitPorts'
import type * as HowlerGraphModule from '../../../../renderer/audio/howlerGraph'
import { fakeClipFactory } from '../../audio/fakeAudioClip'

const clips = vi.hoisted(() => ({
  factory: undefined as ReturnType<typeof fakeClipFactory> | undefined,
}))
vi.mock('../../../../renderer/audio/howlClip', () => ({
  createHowlClip: (url: string) => clips.factory!.create(url),
}))

const masterVolumes = vi.hoisted(() => [] as number[])
vi.mock('../../../../renderer/audio/howlerGraph', async (importOriginal) => ({
  ...(await importOriginal<typeof HowlerGraphModule>()),
  setHowlerMasterVolume: (volume: number) => masterVolumes.push(volume),
}))

const { default: FolkMusicExhibit } =
  await import('../../../../renderer/exhibits/folkMusic/FolkMusicExhibit.vue')

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en })
const track = (id: string, audio: string, isPlayAlongBed = false) => ({
  id,
  title: text(`曲 ${id}`, `Piece ${id}`),
  performer: text('合成演示', 'Synthesised demo'),
  durationSeconds: 42,
  audio,
  captions: [
    { startSeconds: 0, endSeconds: 5, text: text('泛音开篇', 'Harmonics open the piece') },
  ],
  credits: text('新编示范，并非宋代曲调', 'A new demo, not a Song melody'),
  isPlayAlongBed,
})

const entry: ContentExhibit = {
  packId: 'songyun.core',
  audioLoudness: {
    // 9 dB over the target: played at −9 dB.
    'audio/pipa-1.ogg': { integratedLufs: -14, truePeakDbtp: -0.5 },
  },
  exhibit: {
    kind: 'folk-music',
    id: 'folk-music',
    title: text('民乐雅集', 'Folk-music stage'),
    teaser: text('听', 'Listen'),
    stations: [
      { id: 'choose-instrument', title: text('选', 'Choose'), hint: text('选', 'Choose') },
      { id: 'listen', title: text('听', 'Listen'), hint: text('听', 'Listen') },
      { id: 'play-along', title: text('奏', 'Play'), hint: text('奏', 'Play') },
    ],
    cards: [],
    glossary: [],
    pieces: [],
    instruments: [
      {
        id: 'guqin',
        instrument: 'guqin',
        name: text('古琴', 'Guqin'),
        intro: text('七弦琴', 'Seven strings'),
        cardId: 'guqin-heritage',
        image: 'images/guqin.svg',
        tonicHz: 174.61,
        tracks: [track('flowing', 'audio/guqin-1.ogg'), track('bed', 'audio/bed.ogg', true)],
      },
      {
        id: 'pipa',
        instrument: 'pipa',
        name: text('琵琶', 'Pipa'),
        intro: text('四弦', 'Four strings'),
        image: 'images/pipa.svg',
        tonicHz: 146.83,
        tracks: [track('ambush', 'audio/pipa-1.ogg')],
      },
    ],
  },
}

/** The exhibit frame's ports as a test gives them: events kept, the cap a plain ref. */
function fakePorts() {
  const recorded: AnalyticsEvent[] = []
  const volumeCap = shallowRef<number | undefined>(undefined)
  const ports: ExhibitPorts = {
    record: (event) => recorded.push(event),
    volumeCap,
    mediaUrl: (packId, relativePath) => `/pack/${packId}/${relativePath}`,
    // The folk stage offers no keepsake card.
    keepsake: {
      isOffered: shallowRef(false),
      paper: shallowRef('a6' as const),
      takeHome: async () => 'ask-at-desk',
    },
  }
  return { ports, recorded, volumeCap }
}

describe('FolkMusicExhibit: the band on its stage', () => {
  let fake: ReturnType<typeof fakePorts>

  beforeEach(() => {
    clips.factory = fakeClipFactory()
    masterVolumes.length = 0
    fake = fakePorts()
  })

  function mountStage(language = 'zh-CN') {
    return mount(FolkMusicExhibit, {
      props: { entry, language, isReducedMotion: false, isCaptionsOn: true },
      global: { provide: { [exhibitPortsKey as symbol]: fake.ports } },
    })
  }

  it('seats every instrument as its picture from the pack, and starts at choose-instrument', () => {
    const wrapper = mountStage()
    const seats = wrapper.findAll('[data-instrument]')
    expect(seats.map((seat) => seat.text())).toEqual(['古琴', '琵琶'])
    expect(seats.map((seat) => seat.find('img').attributes('src'))).toEqual([
      '/pack/songyun.core/images/guqin.svg',
      '/pack/songyun.core/images/pipa.svg',
    ])
    // Each seat has its own place on the stage.
    expect(seats[0]!.attributes('style')).not.toBe(seats[1]!.attributes('style'))
    expect(wrapper.emitted('station-active')?.[0]).toEqual(['choose-instrument'])
    wrapper.unmount()
  })

  it('a tap on an instrument shows its introduction and completes choose-instrument', async () => {
    const wrapper = mountStage('en')
    await wrapper.find('[data-instrument="pipa"]').trigger('click')
    expect(wrapper.find('[data-folk-intro]').text()).toBe('Four strings')
    expect(wrapper.find('[data-instrument="pipa"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.emitted('station-complete')).toEqual([['choose-instrument']])
    expect(wrapper.emitted('station-active')?.at(-1)).toEqual(['listen'])
    wrapper.unmount()
  })

  it('lists the performances only, plays one at its loudness gain, records it, shows captions and the honest credits', async () => {
    const wrapper = mountStage('en')
    await wrapper.find('[data-instrument="pipa"]').trigger('click')
    expect(wrapper.findAll('[data-track]').map((b) => b.attributes('data-track'))).toEqual([
      'ambush',
    ])
    await wrapper.find('[data-track="ambush"]').trigger('click')
    const clip = clips.factory!.clipFor('/pack/songyun.core/audio/pipa-1.ogg')
    expect(clip.isPlaying()).toBe(true)
    expect(clip.volume()).toBeCloseTo(10 ** (-9 / 20), 6)
    clip.emit('play')
    await flushPromises()
    expect(wrapper.find('[data-folk-stage]').attributes('data-playback-state')).toBe('playing')
    expect(fake.recorded).toEqual([
      { type: 'track-play', exhibitId: 'folk-music', trackId: 'ambush' },
    ])
    expect(wrapper.find('[data-folk-caption]').text()).toBe('Harmonics open the piece')
    expect(wrapper.find('[data-folk-credits]').text()).toContain('A new demo, not a Song melody')
    wrapper.unmount()
  })

  it("opens the instrument's knowledge card", async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-action="open-card"]').trigger('click')
    expect(wrapper.emitted('open-card')).toEqual([['guqin-heritage']])
    wrapper.unmount()
  })

  it('plays at the volume the mode service broadcasts, and only that (no clock of its own)', async () => {
    fake.volumeCap.value = 0.7
    const wrapper = mountStage()
    await flushPromises()
    expect(masterVolumes).toEqual([0.7])
    fake.volumeCap.value = 0.25 // quiet hours began: main decided it and broadcast it
    await flushPromises()
    expect(masterVolumes).toEqual([0.7, 0.25])
    wrapper.unmount()
  })

  it('unmounting (leaving, idle reset) stops and unloads every recording', async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-track="flowing"]').trigger('click')
    wrapper.unmount()
    expect(clips.factory!.live()).toEqual([])
  })
})
