import { describe, expect, it } from 'vitest'
import { StemPlayer, type StemAudioContext } from '../../../renderer/audio/stemPlayer'

/** A Web Audio stand-in that records what the player schedules. */
function fakeContext() {
  const gains: {
    value: number
    ramps: { to: number; at: number }[]
    cancelledFrom: number[]
  }[] = []
  const starts: { when: number; offset: number; buffer: unknown }[] = []
  const stops: number[] = []
  const context = {
    currentTime: 10,
    createGain() {
      const param = {
        value: 1,
        ramps: [] as { to: number; at: number }[],
        cancelledFrom: [] as number[],
        setTargetAtTime(to: number, at: number) {
          param.ramps.push({ to, at })
          param.value = to
        },
        cancelScheduledValues(from: number) {
          param.cancelledFrom.push(from)
          param.ramps = param.ramps.filter((ramp) => ramp.at < from)
        },
      }
      gains.push(param)
      return { gain: param, connect: () => undefined, disconnect: () => undefined }
    },
    createBufferSource() {
      const source = {
        buffer: null as unknown,
        onended: null as null | (() => void),
        connect: () => undefined,
        disconnect: () => undefined,
        start(when: number, offset: number) {
          starts.push({ when, offset, buffer: source.buffer })
        },
        stop() {
          stops.push(context.currentTime)
        },
      }
      return source
    },
    createAnalyser() {
      return {
        fftSize: 512,
        connect: () => undefined,
        disconnect: () => undefined,
        getFloatTimeDomainData: (into: Float32Array) => into.fill(0.1),
      }
    },
  }
  return {
    context: context as unknown as StemAudioContext & { currentTime: number },
    gains,
    starts,
    stops,
  }
}

const buffer = (name: string) =>
  ({ name, length: 48_000 * 30, duration: 30 }) as unknown as AudioBuffer
const stems = ['paiban', 'pipa', 'guzheng', 'dizi', 'xiao'].map((id) => ({
  instrumentId: id,
  url: `/stems/${id}.opus`,
}))

async function loaded() {
  const fake = fakeContext()
  const player = new StemPlayer({
    context: fake.context,
    destination: {} as AudioNode,
    loadBuffer: async (url) => buffer(url),
    startLeadSeconds: 0.05,
  })
  await player.load('west-lake', stems, 0.8)
  return { ...fake, player }
}

describe('StemPlayer: stems in sample-accurate step', () => {
  it('starts one source per stem, all at the same `when` and offset', async () => {
    const { player, starts } = await loaded()
    player.play()
    expect(starts).toHaveLength(5)
    expect(new Set(starts.map((s) => s.when))).toEqual(new Set([10.05]))
    expect(new Set(starts.map((s) => s.offset))).toEqual(new Set([0]))
    expect(new Set(starts.map((s) => s.buffer)).size).toBe(5)
    expect(player.state).toBe('playing')
  })

  it('toggling a stem moves only its own gain; no source is restarted or stopped', async () => {
    const { player, starts, stops, gains, context } = await loaded()
    player.play()
    const [bus, ...stemGains] = gains
    context.currentTime = 14
    player.setStemOn('pipa', false)
    player.setStemOn('pipa', true)
    player.setStemOn('dizi', false)
    expect(starts).toHaveLength(5)
    expect(stops).toHaveLength(0)
    expect(bus!.ramps).toEqual([])
    const rampsByStem = stemGains.map((g) => g.ramps)
    expect(rampsByStem[1]).toEqual([
      { to: 0, at: 14 },
      { to: 1, at: 14 },
    ])
    expect(rampsByStem[3]).toEqual([{ to: 0, at: 14 }])
    for (const index of [0, 2, 4]) expect(rampsByStem[index]).toEqual([])
    expect(player.isStemOn('dizi')).toBe(false)
    expect(player.isStemOn('pipa')).toBe(true)
  })

  it('applies the piece’s one loudness gain on the bus, not per stem', async () => {
    const { gains } = await loaded()
    expect(gains[0]!.value).toBe(0.8)
    expect(gains.slice(1).every((g) => g.value === 1)).toBe(true)
  })

  it('resumes every stem from the same offset after a pause, keeping a muted stem muted', async () => {
    const { player, starts, gains, context } = await loaded()
    player.play()
    player.setStemOn('xiao', false)
    context.currentTime = 20.05 // 10 s into the piece
    player.pause()
    expect(player.positionSeconds()).toBeCloseTo(10, 9)
    context.currentTime = 25
    player.play()
    const resumed = starts.slice(5)
    expect(resumed).toHaveLength(5)
    expect(new Set(resumed.map((s) => s.when))).toEqual(new Set([25.05]))
    expect(new Set(resumed.map((s) => s.offset))).toEqual(new Set([10]))
    expect(gains[5]!.value).toBe(0)
    expect(player.startedAtContextSeconds).toBeCloseTo(15.05, 9)
  })

  it('ducks the whole piece under a phrase on its bus, and comes back; stems and their on/off untouched', async () => {
    const { player, gains, starts } = await loaded()
    player.play()
    player.setStemOn('dizi', false)
    const [bus, ...stemGains] = gains
    const stemRampsBefore = stemGains.map((g) => [...g.ramps])
    player.duck(0.5, 12, 14)
    expect(bus!.ramps).toEqual([
      { to: 0.4, at: 12 }, // the piece's 0.8 loudness gain, halved
      { to: 0.8, at: 14 }, // and back to it, not to 1
    ])
    // A second phrase before the first ends: the first one's return is dropped.
    player.duck(0.5, 13, 15)
    expect(bus!.ramps).toEqual([
      { to: 0.4, at: 12 },
      { to: 0.4, at: 13 },
      { to: 0.8, at: 15 },
    ])
    expect(stemGains.map((g) => g.ramps)).toEqual(stemRampsBefore)
    expect(player.isStemOn('dizi')).toBe(false)
    expect(starts).toHaveLength(5)
  })

  it('does not duck a piece that is not playing', async () => {
    const { player, gains } = await loaded()
    player.duck(0.5, 12, 14)
    expect(gains[0]!.ramps).toEqual([])
  })

  it('drops a load that a newer one superseded', async () => {
    const fake = fakeContext()
    const releases: (() => void)[] = []
    const player = new StemPlayer({
      context: fake.context,
      destination: {} as AudioNode,
      loadBuffer: (url) =>
        url.startsWith('/slow')
          ? new Promise((resolve) => releases.push(() => resolve(buffer(url))))
          : Promise.resolve(buffer(url)),
    })
    const slow = player.load(
      'old',
      [
        { instrumentId: 'a', url: '/slow/a' },
        { instrumentId: 'b', url: '/slow/b' },
      ],
      1,
    )
    await player.load('new', stems, 1)
    for (const release of releases) release()
    await slow
    expect(player.pieceId).toBe('new')
    expect(player.instrumentIds).toEqual(stems.map((s) => s.instrumentId))
  })
})
