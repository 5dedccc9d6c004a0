import { describe, expect, it } from 'vitest'
import {
  defaultSettings,
  salvageSettings,
  settingsPatchSchema,
} from '../../../src/settings/settingsSchema'
import { plainDefaultSettings } from '../../../src/settings/settingsDefaults'

describe('settings schema', () => {
  it('honours any idle timeout of 5 s or more and refuses shorter ones', () => {
    expect(salvageSettings({ idleTimeoutSeconds: 5 }).settings.idleTimeoutSeconds).toBe(5)
    const tooShort = salvageSettings({ idleTimeoutSeconds: 4 })
    expect(tooShort.settings.idleTimeoutSeconds).toBe(90)
    expect(tooShort.problems[0]?.key).toBe('idleTimeoutSeconds')
  })

  it('reads quiet hours and opening hours, and reports a bad time naming the key', () => {
    const { settings, problems } = salvageSettings({
      quietHours: [{ from: '12:00', to: '13:30', maxVolume: 0.3 }],
      openingHours: {
        mon: [{ from: '09:00', to: '17:00' }],
        sat: [{ from: '22:00', to: '02:00' }],
      },
    })
    expect(problems).toEqual([])
    expect(settings.quietHours[0]?.maxVolume).toBe(0.3)
    expect(settings.openingHours?.sat?.[0]?.to).toBe('02:00')
    const bad = salvageSettings({ openingHours: { mon: [{ from: '9am', to: '17:00' }] } })
    expect(bad.problems[0]?.key).toBe('openingHours')
    expect(bad.settings.openingHours).toBeUndefined()
  })

  it('reads an IANA time zone, and reports an unknown one naming the key and the value', () => {
    expect(salvageSettings({}).settings.timeZone).toBeUndefined()
    const berlin = salvageSettings({ timeZone: 'Europe/Berlin' })
    expect(berlin.problems).toEqual([])
    expect(berlin.settings.timeZone).toBe('Europe/Berlin')
    const bad = salvageSettings({ timeZone: 'Mars/Olympus_Mons', volume: 0.5 })
    expect(bad.settings.timeZone).toBeUndefined()
    expect(bad.settings.volume).toBe(0.5)
    expect(bad.problems).toEqual([
      { key: 'timeZone', message: expect.stringContaining('"Mars/Olympus_Mons"') },
    ])
    expect(settingsPatchSchema.safeParse({ timeZone: 'Asia/Shanghai' }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ timeZone: null }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ timeZone: 'Nowhere/City' }).success).toBe(false)
  })

  it('keeps the staff session idle limit between 30 s and 5 minutes (docs/kiosk-contract.md), 5 minutes by default', () => {
    expect(salvageSettings({}).settings.staffSessionIdleSeconds).toBe(300)
    expect(salvageSettings({ staffSessionIdleSeconds: 30 }).settings.staffSessionIdleSeconds).toBe(
      30,
    )
    for (const outside of [29, 301, 3600, 45.5]) {
      const bad = salvageSettings({ staffSessionIdleSeconds: outside })
      expect(bad.settings.staffSessionIdleSeconds).toBe(300)
      expect(bad.problems[0]?.key).toBe('staffSessionIdleSeconds')
    }
  })

  it('treats a non-object as a bad file', () => {
    expect(salvageSettings([1, 2]).problems[0]?.key).toBe('(root)')
  })

  it('refuses unknown keys in a patch', () => {
    expect(settingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ singleExhibit: null }).success).toBe(true)
  })

  it('gives the renderer the same defaults as the schema, each call a fresh copy', () => {
    expect(plainDefaultSettings()).toEqual(defaultSettings())
    expect(plainDefaultSettings().quietHours).not.toBe(plainDefaultSettings().quietHours)
  })
})
