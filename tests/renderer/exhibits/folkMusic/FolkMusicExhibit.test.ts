import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { KioskApi } from '../../../../src/contract/contract'
import type { ContentExhibit } from '../../../../src/contract/areas/content'
import { defaultSettings } from '../../../../src/settings/settingsSchema'
import { setKioskApiForTesting } from '../../../../renderer/bridge/kioskBridge'
import { useSettingsStore } from '../../../../renderer/stores/useSettingsStore'
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
  credits: text('本项目合成的演示音频', 'Synthesised demo audio made by the project'),
  isPlayAlongBed,
})

const entry: ContentExhibit = {
  packId: 'songyun.core',
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
    instruments: [
      {
        id: 'guqin',
        instrument: 'guqin',
        name: text('古琴', 'Guqin'),
        intro: text('七弦琴', 'Seven strings'),
        cardId: 'guqin-heritage',
        tonicHz: 174.61,
        tracks: [track('flowing', 'audio/guqin 1.ogg'), track('plum', 'audio/guqin-2.ogg')],
      },
      {
        id: 'pipa',
        instrument: 'pipa',
        name: text('琵琶', 'Pipa'),
        intro: text('四弦', 'Four strings'),
        tonicHz: 146.83,
        tracks: [track('ambush', 'audio/pipa-1.ogg')],
      },
    ],
  },
}

function fakeApi() {
  const recorded: unknown[] = []
  const api = {
    invoke: vi.fn(async (channel: string, args?: unknown) => {
      if (channel === 'settings:get') return { settings: defaultSettings(), problems: [] }
      if (channel === 'analytics:record') recorded.push(args)
      return undefined
    }),
    invokeAsStaff: vi.fn(),
    on: vi.fn(() => () => {}),
  }
  return { api: api as unknown as KioskApi, recorded }
}

describe('FolkMusicExhibit', () => {
  let recorded: unknown[]

  beforeEach(() => {
    setActivePinia(createPinia())
    clips.factory = fakeClipFactory()
    const fake = fakeApi()
    recorded = fake.recorded
    setKioskApiForTesting(fake.api)
  })
  afterEach(() => setKioskApiForTesting(undefined))

  function mountStage(language = 'zh-CN') {
    return mount(FolkMusicExhibit, {
      props: { entry, language, isReducedMotion: false, isCaptionsOn: true },
    })
  }

  it("shows every instrument, preloads the first one's tracks from the pack, and starts at choose-instrument", () => {
    const wrapper = mountStage()
    expect(wrapper.findAll('[data-instrument]').map((b) => b.text())).toEqual(['古琴', '琵琶'])
    expect(clips.factory!.clips.map((c) => c.url)).toEqual([
      '/pack/songyun.core/audio/guqin%201.ogg',
      '/pack/songyun.core/audio/guqin-2.ogg',
    ])
    expect(wrapper.emitted('station-active')?.[0]).toEqual(['choose-instrument'])
    wrapper.unmount()
  })

  it('a tap on a track plays it, records track-play and shows its captions and credits', async () => {
    const wrapper = mountStage('en')
    await wrapper.find('[data-track="plum"]').trigger('click')
    const clip = clips.factory!.clipFor('/pack/songyun.core/audio/guqin-2.ogg')
    expect(clip.isPlaying()).toBe(true)
    clip.emit('play')
    await flushPromises()
    expect(wrapper.find('[data-folk-stage]').attributes('data-playback-state')).toBe('playing')
    expect(recorded).toEqual([{ type: 'track-play', exhibitId: 'folk-music', trackId: 'plum' }])
    expect(wrapper.find('[data-folk-caption]').text()).toBe('Harmonics open the piece')
    expect(wrapper.text()).toContain('Synthesised demo audio made by the project')
    wrapper.unmount()
  })

  it('before any track has loaded, the transport times the first performance as the track list does', async () => {
    const wrapper = mountStage()
    const listed = wrapper.find('[data-track="flowing"] .folk__track-meta').text()
    expect(listed).toContain('0:42')
    expect(wrapper.find('[data-transport="time"]').text()).toBe('0:00 / 0:42')
    expect(wrapper.find('[data-transport="seek"]').attributes('max')).toBe('42')
    // A pipa piece of another length: the transport follows the instrument on show.
    const longer: ContentExhibit = structuredClone(entry)
    const stage = longer.exhibit as Extract<ContentExhibit['exhibit'], { kind: 'folk-music' }>
    stage.instruments[0]!.tracks[0]!.durationSeconds = 56.33
    await wrapper.setProps({ entry: longer })
    expect(wrapper.find('[data-transport="time"]').text()).toBe('0:00 / 0:56')
    wrapper.unmount()
  })

  it('the play button plays the performance the transport times, not a play-along bed listed first', async () => {
    const bedFirst: ContentExhibit = structuredClone(entry)
    const stage = bedFirst.exhibit as Extract<ContentExhibit['exhibit'], { kind: 'folk-music' }>
    stage.instruments[0]!.tracks.unshift({
      ...track('drone', 'audio/guqin-drone.ogg', true),
      durationSeconds: 90,
    })
    const wrapper = mount(FolkMusicExhibit, {
      props: { entry: bedFirst, language: 'zh-CN', isReducedMotion: false, isCaptionsOn: true },
    })
    expect(wrapper.find('[data-transport="time"]').text()).toBe('0:00 / 0:42')
    await wrapper.find('[data-transport="toggle"]').trigger('click')
    expect(clips.factory!.clipFor('/pack/songyun.core/audio/guqin%201.ogg').isPlaying()).toBe(true)
    expect(clips.factory!.clipFor('/pack/songyun.core/audio/guqin-drone.ogg').isPlaying()).toBe(
      false,
    )
    wrapper.unmount()
  })

  it('hides captions when captions are off', async () => {
    const wrapper = mountStage('en')
    await wrapper.find('[data-track="plum"]').trigger('click')
    await wrapper.setProps({ isCaptionsOn: false })
    expect(wrapper.find('[data-folk-caption]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('choosing another instrument completes choose-instrument and swaps the preloaded recordings', async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-instrument="pipa"]').trigger('click')
    expect(wrapper.emitted('station-complete')).toEqual([['choose-instrument']])
    expect(wrapper.emitted('station-active')?.at(-1)).toEqual(['listen'])
    expect(clips.factory!.live().map((c) => c.url)).toEqual(['/pack/songyun.core/audio/pipa-1.ogg'])
    wrapper.unmount()
  })

  it("opens the instrument's knowledge card", async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-action="open-card"]').trigger('click')
    expect(wrapper.emitted('open-card')).toEqual([['guqin-heritage']])
    wrapper.unmount()
  })

  it('unmounting (leaving, idle reset) stops and unloads every recording', async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-track="flowing"]').trigger('click')
    await wrapper.find('[data-transport="next"]').trigger('click')
    expect(clips.factory!.clips.some((c) => c.isPlaying())).toBe(true)
    wrapper.unmount()
    expect(clips.factory!.live()).toEqual([])
    expect(clips.factory!.clips.some((c) => c.isPlaying())).toBe(false)
  })

  it('the play-along tab shows the five pads 宫商角徵羽 and activates its station', async () => {
    const wrapper = mountStage()
    await wrapper.find('[data-folk-mode="play-along"]').trigger('click')
    expect(wrapper.findAll('[data-pad]').map((p) => p.attributes('data-pad'))).toEqual([
      'gong',
      'shang',
      'jue',
      'zhi',
      'yu',
    ])
    expect(
      wrapper
        .findAll('.folk__pad-name')
        .map((p) => p.text())
        .join(''),
    ).toBe('宫商角徵羽')
    expect(wrapper.emitted('station-active')?.at(-1)).toEqual(['play-along'])
    wrapper.unmount()
  })
})

describe('FolkMusicExhibit play-along beds', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    clips.factory = fakeClipFactory()
    setKioskApiForTesting(fakeApi().api)
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('offers drone tracks under Play along, not among the performances, and plays them', async () => {
    const withBed: ContentExhibit = structuredClone(entry)
    const stage = withBed.exhibit as Extract<ContentExhibit['exhibit'], { kind: 'folk-music' }>
    stage.instruments[0]!.tracks.push(track('drone', 'audio/guqin-drone.ogg', true))
    const wrapper = mount(FolkMusicExhibit, {
      props: { entry: withBed, language: 'en', isReducedMotion: false, isCaptionsOn: true },
    })
    expect(wrapper.findAll('.folk__track').map((t) => t.attributes('data-track'))).toEqual([
      'flowing',
      'plum',
    ])
    await wrapper.find('[data-folk-mode="play-along"]').trigger('click')
    await wrapper.find('[data-track="drone"]').trigger('click')
    expect(clips.factory!.clipFor('/pack/songyun.core/audio/guqin-drone.ogg').isPlaying()).toBe(
      true,
    )
    wrapper.unmount()
    expect(clips.factory!.live()).toEqual([])
  })
})

describe('FolkMusicExhibit master volume', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    clips.factory = fakeClipFactory()
    setKioskApiForTesting(fakeApi().api)
    masterVolumes.length = 0
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('plays at settings.volume and follows settings:changed, capped by quiet hours in force', async () => {
    const wrapper = mount(FolkMusicExhibit, {
      props: { entry, language: 'en', isReducedMotion: false, isCaptionsOn: true },
    })
    await flushPromises() // the stage asked for the settings (settings:get)
    expect(masterVolumes.at(-1)).toBe(defaultSettings().volume)
    useSettingsStore().apply({ ...defaultSettings(), volume: 0.6 })
    await flushPromises()
    expect(masterVolumes.at(-1)).toBe(0.6)
    useSettingsStore().apply({
      ...defaultSettings(),
      volume: 0.6,
      quietHours: [{ from: '00:00', to: '24:00', maxVolume: 0.25 }],
    })
    await flushPromises()
    expect(masterVolumes.at(-1)).toBe(0.25)
    wrapper.unmount()
  })
})

describe('FolkMusicExhibit after a pack update', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    clips.factory = fakeClipFactory()
    setKioskApiForTesting(fakeApi().api)
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('falls back to the first instrument when the chosen one is gone, and swaps the recordings', async () => {
    const wrapper = mount(FolkMusicExhibit, {
      props: { entry, language: 'en', isReducedMotion: false, isCaptionsOn: true },
    })
    await wrapper.find('[data-instrument="pipa"]').trigger('click')
    await wrapper.find('[data-track="ambush"]').trigger('click')
    const updated: ContentExhibit = structuredClone(entry)
    const stage = updated.exhibit as Extract<ContentExhibit['exhibit'], { kind: 'folk-music' }>
    stage.instruments.splice(1, 1)
    stage.instruments[0]!.tracks = [track('new-piece', 'audio/guqin-new.ogg')]
    await wrapper.setProps({ entry: updated })
    expect(wrapper.find('[data-instrument="guqin"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('.folk__name').text()).toBe('Guqin')
    expect(clips.factory!.clipFor('/pack/songyun.core/audio/pipa-1.ogg').isPlaying()).toBe(true) // fading out
    expect(clips.factory!.live().map((c) => c.url)).toContain(
      '/pack/songyun.core/audio/guqin-new.ogg',
    )
    wrapper.unmount()
    expect(clips.factory!.live()).toEqual([])
  })
})

describe('FolkMusicExhibit stations', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    clips.factory = fakeClipFactory()
    setKioskApiForTesting(fakeApi().api)
  })
  afterEach(() => setKioskApiForTesting(undefined))

  it('playing the instrument on show counts as choosing it; hearing a piece to its end completes listen', async () => {
    const wrapper = mount(FolkMusicExhibit, {
      props: { entry, language: 'en', isReducedMotion: false, isCaptionsOn: true },
    })
    await wrapper.find('[data-track="flowing"]').trigger('click')
    expect(wrapper.emitted('station-complete')).toEqual([['choose-instrument']])
    const clip = clips.factory!.clipFor('/pack/songyun.core/audio/guqin%201.ogg')
    clip.emit('play')
    expect(wrapper.emitted('station-complete')).toEqual([['choose-instrument']])
    clip.emit('end')
    expect(wrapper.emitted('station-complete')).toEqual([['choose-instrument'], ['listen']])
    wrapper.unmount()
  })
})
