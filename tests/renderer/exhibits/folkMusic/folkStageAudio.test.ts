import { describe, expect, it, vi } from 'vitest'
import type { EnsemblePiece } from '../../../../src/pack/manifestSchema'
import type * as StemPlayerModule from '../../../../renderer/audio/stemPlayer'
import { fakeClipFactory } from '../../audio/fakeAudioClip'

/** A Web Audio stand-in: every gain's scheduled levels and every source's start, in order. */
const audio = vi.hoisted(() => {
  const gains: { param: { value: number; ramps: { to: number; at: number }[] } }[] = []
  const starts: { when: number; offset: number | undefined; bufferSeconds: number }[] = []
  const node = () => ({ connect: (next: unknown) => next, disconnect: () => undefined })
  const context = {
    currentTime: 20,
    sampleRate: 48_000,
    state: 'running',
    createGain() {
      const param = {
        value: 1,
        ramps: [] as { to: number; at: number }[],
        setTargetAtTime(to: number, at: number) {
          param.ramps.push({ to, at })
        },
        cancelScheduledValues(from: number) {
          param.ramps = param.ramps.filter((ramp) => ramp.at < from)
        },
      }
      const gain = { ...node(), gain: param }
      gains.push({ param })
      return gain
    },
    createBufferSource() {
      const source = {
        ...node(),
        buffer: null as null | { duration: number },
        onended: null,
        start(when: number, offset?: number) {
          starts.push({ when, offset, bufferSeconds: source.buffer?.duration ?? 0 })
        },
        stop: () => undefined,
      }
      return source
    },
    createAnalyser() {
      return {
        ...node(),
        fftSize: 512,
        frequencyBinCount: 256,
        getFloatTimeDomainData: (into: Float32Array) => into.fill(0),
        getByteFrequencyData: (into: Uint8Array) => into.fill(0),
      }
    },
    createBuffer(_channels: number, length: number, sampleRate: number) {
      return { length, duration: length / sampleRate, copyToChannel: () => undefined }
    },
  }
  return {
    context,
    gains,
    starts,
    masterGain: { connect: () => undefined, disconnect: () => undefined },
  }
})

vi.mock('../../../../renderer/audio/howlerGraph', () => ({
  howlerGraph: () => ({ context: audio.context, masterGain: audio.masterGain }),
  keepAudioAwake: () => ({ dispose: () => undefined }),
  resumeAudio: () => undefined,
}))
vi.mock('../../../../renderer/audio/stemPlayer', async (importOriginal) => ({
  ...(await importOriginal<typeof StemPlayerModule>()),
  // Every stem a 49 s buffer, as the built-in piece's.
  fetchAudioBuffer: async () => ({ length: 48_000 * 49, duration: 49 }),
}))

const { FolkStageAudio } = await import('../../../../renderer/exhibits/folkMusic/folkStageAudio')

const text = (zh: string) => ({ 'zh-CN': zh, en: zh })
const piece = {
  id: 'west-lake',
  title: text('湖上宴乐'),
  bpm: 90,
  tonicHz: 293.66,
  mode: 'zhi',
  durationSeconds: 49,
  stems: ['paiban', 'pipa'].map((id) => ({ instrumentId: id, audio: `audio/${id}.opus` })),
  captions: [],
  credits: text('新编'),
} as unknown as EnsemblePiece

async function stageWithEnsemblePlaying() {
  audio.gains.length = 0
  audio.starts.length = 0
  audio.context.currentTime = 20
  const stage = new FolkStageAudio({
    createClip: fakeClipFactory().create,
    media: { urlOf: (path) => `/pack/${path}`, loudnessOf: () => undefined },
    onTrackStart: () => undefined,
  })
  expect(stage.connect()).toBe(true)
  await stage.loadPiece(piece)
  stage.toggleEnsemble()
  expect(stage.stems!.state).toBe('playing')
  return stage
}

describe('FolkStageAudio: a tapped instrument over the ensemble', () => {
  it('plays its phrase on the piece’s grid and ducks the ensemble’s one bus under it, stems untouched', async () => {
    const stage = await stageWithEnsemblePlaying()
    const origin = stage.stems!.startedAtContextSeconds
    const stemStarts = audio.starts.length
    // The stem player's bus is the second gain made (after the pads' bus); the stems' come later.
    const stemBus = audio.gains[1]!.param
    const stemGainsBefore = audio.gains.slice(2, 4).map((g) => [...g.param.ramps])
    audio.context.currentTime = origin + 3.1 // mid-way between two eighth notes
    const seconds = stage.playPhrase('guqin', 174.61)

    const notes = audio.starts.slice(stemStarts)
    expect(notes).toHaveLength(4)
    const step = 60 / piece.bpm / 2
    for (const note of notes) {
      const gridIndex = (note.when - origin) / step
      expect(Math.abs(gridIndex - Math.round(gridIndex))).toBeLessThan(1e-6)
      expect(note.when).toBeGreaterThanOrEqual(origin + 3.1)
    }
    // The band steps back from the first note and returns when the phrase has rung out.
    expect(stemBus.ramps).toHaveLength(2)
    expect(stemBus.ramps[0]!.at).toBeCloseTo(notes[0]!.when, 9)
    expect(stemBus.ramps[0]!.to).toBeCloseTo(stemBus.ramps[1]!.to * 10 ** (-6 / 20), 9)
    expect(stemBus.ramps[1]!.at).toBeCloseTo(origin + 3.1 + seconds, 9)
    expect(audio.gains.slice(2, 4).map((g) => g.param.ramps)).toEqual(stemGainsBefore)
    stage.dispose()
  }, 30_000)

  it('alone on the stage: the phrase sounds at once and nothing ducks', async () => {
    const stage = await stageWithEnsemblePlaying()
    stage.toggleEnsemble() // paused
    const stemBus = audio.gains[1]!.param
    const before = audio.starts.length
    audio.context.currentTime = 30
    stage.playPhrase('guqin', 174.61)
    const notes = audio.starts.slice(before)
    expect(notes).toHaveLength(4)
    expect(notes[0]!.when).toBeCloseTo(30.01, 9)
    expect(stemBus.ramps).toEqual([])
    stage.dispose()
  }, 30_000)
})
