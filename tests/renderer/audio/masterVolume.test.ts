import { describe, expect, it } from 'vitest'
import { MasterVolume, type VolumeSettings } from '../../../renderer/audio/masterVolume'
import { defaultSettings } from '../../../src/settings/settingsSchema'
import { manualScheduler } from './fakeAudioClip'

// 2026-11-28 11:59 in Shanghai (UTC+8, no DST).
const startMs = Date.UTC(2026, 10, 28, 3, 59)
const minuteMs = 60_000

function setup(settings: Partial<VolumeSettings>) {
  const applied: number[] = []
  const scheduler = manualScheduler()
  let nowMs = startMs
  const volume = new MasterVolume({
    apply: (v) => applied.push(v),
    clock: { nowMs: () => nowMs },
    timeZone: 'Asia/Shanghai',
    schedule: scheduler.schedule,
  })
  volume.update({ ...defaultSettings(), ...settings })
  return {
    applied,
    volume,
    advance(ms: number) {
      nowMs += ms
      scheduler.advance(ms)
    },
    scheduler,
  }
}

describe('MasterVolume: settings.volume capped by quiet hours', () => {
  it('applies the setting when no quiet hours are in force', () => {
    const { applied } = setup({ volume: 0.65 })
    expect(applied).toEqual([0.65])
  })

  it('lowers to the cap when quiet hours start and restores the setting when they end', () => {
    const { applied, advance } = setup({
      volume: 0.8,
      quietHours: [{ from: '12:00', to: '13:30', maxVolume: 0.3 }],
    })
    expect(applied).toEqual([0.8])
    advance(minuteMs - 1)
    expect(applied).toEqual([0.8])
    advance(1) // 12:00
    expect(applied).toEqual([0.8, 0.3])
    advance(90 * minuteMs) // 13:30
    expect(applied).toEqual([0.8, 0.3, 0.8])
  })

  it('never raises the volume above the setting: a cap above it changes nothing', () => {
    const { applied, advance } = setup({
      volume: 0.2,
      quietHours: [{ from: '12:00', to: '13:00', maxVolume: 0.5 }],
    })
    advance(30 * minuteMs)
    expect(applied).toEqual([0.2])
  })

  it('follows changed settings at once (settings:changed)', () => {
    const { applied, volume } = setup({ volume: 0.8 })
    volume.update({ ...defaultSettings(), volume: 0.4 })
    volume.update({
      ...defaultSettings(),
      volume: 0.4,
      quietHours: [{ from: '11:00', to: '12:30', maxVolume: 0.1 }],
    })
    expect(applied).toEqual([0.8, 0.4, 0.1])
  })

  it('dispose cancels the pending re-check', () => {
    const { volume, scheduler } = setup({
      quietHours: [{ from: '12:00', to: '13:00', maxVolume: 0.3 }],
    })
    expect(scheduler.pendingCount()).toBe(1)
    volume.dispose()
    expect(scheduler.pendingCount()).toBe(0)
  })
})
