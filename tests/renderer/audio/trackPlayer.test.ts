import { describe, expect, it } from 'vitest'
import { TrackPlayer, type PlayerTrack } from '../../../renderer/audio/trackPlayer'
import { fakeClipFactory, manualScheduler } from './fakeAudioClip'

const guqin: PlayerTrack[] = [
  { id: 'flowing-water', url: '/pack/p/audio/guqin-1.ogg' },
  { id: 'plum-blossom', url: '/pack/p/audio/guqin-2.ogg' },
  { id: 'wild-geese', url: '/pack/p/audio/guqin-3.ogg' },
]
const pipa: PlayerTrack[] = [{ id: 'ambush', url: '/pack/p/audio/pipa-1.ogg' }]

function setup(crossfadeMs = 1200) {
  const factory = fakeClipFactory()
  const scheduler = manualScheduler()
  const started: string[] = []
  const player = new TrackPlayer({
    createClip: factory.create,
    crossfadeMs,
    preloadCount: 2,
    schedule: scheduler.schedule,
    onTrackStart: (id) => started.push(id),
  })
  return { factory, scheduler, started, player }
}

describe('TrackPlayer queue and preloading', () => {
  it('preloads the head of a new queue before any tap, and the track after the one playing', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    expect(factory.clips.map((c) => c.url)).toEqual([guqin[0]!.url, guqin[1]!.url])
    expect(factory.clips.every((c) => c.calls.length === 0)).toBe(true)

    player.play('plum-blossom')
    expect(factory.clips.map((c) => c.url)).toEqual([guqin[0]!.url, guqin[1]!.url, guqin[2]!.url])
    expect(factory.clipFor(guqin[1]!.url).isPlaying()).toBe(true)
  })

  it('reports loading until Howler fires play, then playing; end stops it', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    expect(player.state).toBe('loading')
    factory.clipFor(guqin[0]!.url).emit('play')
    expect(player.state).toBe('playing')
    factory.clipFor(guqin[0]!.url).emit('end')
    expect(player.state).toBe('stopped')
  })

  it('refuses a track that is not queued, naming it', () => {
    const { player } = setup()
    player.setQueue(guqin)
    expect(() => player.play('ambush')).toThrow(/"ambush"/)
  })

  it('next goes through the queue and wraps to the first', () => {
    const { player, started } = setup()
    player.setQueue(guqin)
    player.next()
    player.next()
    player.next()
    player.next()
    expect(started).toEqual(['flowing-water', 'plum-blossom', 'wild-geese', 'flowing-water'])
    expect(player.currentTrackId).toBe('flowing-water')
  })

  it('a new queue unloads the clips of tracks that left it and preloads the new head', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    player.setQueue(pipa)
    expect(factory.live().map((c) => c.url)).toEqual([pipa[0]!.url])
    expect(player.liveClipCount).toBe(1)
    expect(factory.clips.filter((c) => c.isUnloaded).every((c) => c.listenerCount() === 0)).toBe(
      true,
    )
  })
})

describe('TrackPlayer transport', () => {
  it('pause and resume keep the same voice; resume is not a new track-play', () => {
    const { factory, player, started } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    const clip = factory.clipFor(guqin[0]!.url)
    clip.emit('play')
    player.togglePause()
    expect(player.state).toBe('paused')
    expect(clip.isPlaying()).toBe(false)
    player.play('flowing-water')
    expect(clip.isPlaying()).toBe(true)
    expect(clip.calls.filter((c) => c === 'stop')).toHaveLength(1) // only the rewind at the start
    expect(started).toEqual(['flowing-water'])
  })

  it('seek is kept within the track', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    const clip = factory.clipFor(guqin[0]!.url)
    player.seek(12.5)
    expect(player.positionSeconds()).toBe(12.5)
    player.seek(-3)
    expect(player.positionSeconds()).toBe(0)
    player.seek(999)
    expect(player.positionSeconds()).toBe(clip.durationSeconds())
  })

  it('a load error names the recording and sets the error state', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    factory.clipFor(guqin[0]!.url).emit('loaderror', 'Decoding audio data failed.')
    expect(player.state).toBe('error')
    expect(player.errorMessage).toContain(guqin[0]!.url)
    expect(player.errorMessage).toContain('Decoding audio data failed.')
  })
})

describe('TrackPlayer crossfade scheduling', () => {
  it('fades the playing track out while the next fades in, then stops the old one', () => {
    const { factory, player, scheduler } = setup(1200)
    player.setQueue(guqin)
    player.play('flowing-water')
    const first = factory.clipFor(guqin[0]!.url)
    first.emit('play')
    player.next()
    const second = factory.clipFor(guqin[1]!.url)

    expect(first.fades).toEqual([{ from: 1, to: 0, durationMs: 1200 }])
    expect(second.fades).toEqual([{ from: 0, to: 1, durationMs: 1200 }])
    expect(first.isPlaying()).toBe(true) // still sounding while it fades
    expect(second.isPlaying()).toBe(true)

    scheduler.advance(1199)
    expect(first.isPlaying()).toBe(true)
    scheduler.advance(1)
    expect(first.isPlaying()).toBe(false)
    expect(first.isUnloaded).toBe(false) // still queued: kept for an instant replay
    expect(scheduler.pendingCount()).toBe(0)
  })

  it('starts at full volume with no fade when nothing was playing', () => {
    const { factory, player, scheduler } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    const first = factory.clipFor(guqin[0]!.url)
    expect(first.fades).toEqual([])
    expect(first.volume()).toBe(1)
    expect(scheduler.pendingCount()).toBe(0)
  })

  it('going back to a track that is still fading out cancels its stop and fades it in again', () => {
    const { factory, player, scheduler } = setup(1000)
    player.setQueue(guqin)
    player.play('flowing-water')
    const first = factory.clipFor(guqin[0]!.url)
    player.play('plum-blossom')
    scheduler.advance(400)
    player.play('flowing-water')
    scheduler.advance(600) // the first track's old stop time
    expect(first.isPlaying()).toBe(true)
    expect(first.fades.at(-1)).toEqual({ from: 0, to: 1, durationMs: 1000 })
    scheduler.advance(400)
    expect(factory.clipFor(guqin[1]!.url).isPlaying()).toBe(false)
  })

  it('a track fading out when its instrument is left is unloaded once the fade ends', () => {
    const { factory, player, scheduler } = setup(800)
    player.setQueue(guqin)
    player.play('flowing-water')
    factory.clipFor(guqin[0]!.url).emit('play')
    player.setQueue(pipa)
    const fading = factory.clipFor(guqin[0]!.url)
    expect(fading.isUnloaded).toBe(false)
    expect(player.state).toBe('stopped')
    scheduler.advance(800)
    expect(fading.isUnloaded).toBe(true)
    expect(factory.live().map((c) => c.url)).toEqual([pipa[0]!.url])
  })
})

describe('TrackPlayer idle stop and disposal', () => {
  it('dispose (leaving the stage, idle reset) stops and unloads every clip, even mid-crossfade', () => {
    const { factory, player, scheduler } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    player.next()
    player.dispose()
    expect(factory.clips.length).toBeGreaterThan(0)
    expect(factory.live()).toEqual([])
    expect(factory.clips.some((c) => c.isPlaying())).toBe(false)
    expect(scheduler.pendingCount()).toBe(0)
    expect(player.liveClipCount).toBe(0)
  })

  it('does nothing once disposed: no clip is made afterwards', () => {
    const { factory, player } = setup()
    player.dispose()
    player.setQueue(guqin)
    player.play('flowing-water')
    expect(factory.clips).toEqual([])
  })

  it('stopAll silences everything but keeps the clips for an instant restart', () => {
    const { factory, player } = setup()
    player.setQueue(guqin)
    player.play('flowing-water')
    player.stopAll()
    expect(factory.clips.some((c) => c.isPlaying())).toBe(false)
    expect(factory.live()).toHaveLength(2) // the first track and the one after it
    expect(player.state).toBe('stopped')
    expect(player.currentTrackId).toBeUndefined()
  })
})

describe('TrackPlayer loudness gain', () => {
  it('plays each track at its own gain, and crossfades up to that gain, not to full', () => {
    const { factory, player } = setup()
    const levelled: PlayerTrack[] = [
      { id: 'loud', url: '/a.opus', gain: 0.35 },
      { id: 'on-target', url: '/b.opus' },
    ]
    player.setQueue(levelled)
    player.play('loud')
    expect(factory.clipFor('/a.opus').volume()).toBeCloseTo(0.35, 9)
    factory.clipFor('/a.opus').emit('play')
    player.play('on-target')
    expect(factory.clipFor('/b.opus').fades.at(-1)).toMatchObject({ from: 0, to: 1 })
    expect(factory.clipFor('/a.opus').fades.at(-1)).toMatchObject({ from: 0.35, to: 0 })
    player.play('loud')
    expect(factory.clipFor('/a.opus').fades.at(-1)).toMatchObject({ from: 0, to: 0.35 })
  })
})
