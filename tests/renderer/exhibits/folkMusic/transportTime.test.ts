import { describe, expect, it } from 'vitest'
import type { Track } from '../../../../src/pack/manifestSchema'
import { transportTime } from '../../../../renderer/exhibits/folkMusic/transportTime'

const text = (value: string) => ({ 'zh-CN': value, en: value })
const track: Track = {
  id: 'west-lake',
  title: text('湖上晚晴'),
  performer: text('demo'),
  durationSeconds: 56.33,
  audio: 'audio/west-lake.ogg',
  captions: [],
  credits: text('demo'),
  isPlayAlongBed: false,
}

describe('transportTime', () => {
  it('before the recording has loaded, gives the length the pack states for the cued track', () => {
    expect(transportTime(track, 0, 0)).toEqual({ positionSeconds: 0, totalSeconds: 56.33 })
    expect(transportTime(track, Number.NaN, 0).totalSeconds).toBe(56.33)
  })

  it('once loaded, gives the recording’s own length', () => {
    expect(transportTime(track, 56.4, 12).totalSeconds).toBe(56.4)
  })

  it('never reads a position past the total or below zero', () => {
    expect(transportTime(track, 0, 80).positionSeconds).toBe(56.33)
    expect(transportTime(track, 0, -1).positionSeconds).toBe(0)
  })

  it('with nothing to play, reads 0 of 0', () => {
    expect(transportTime(undefined, 0, 0)).toEqual({ positionSeconds: 0, totalSeconds: 0 })
  })
})
