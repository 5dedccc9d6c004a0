import { describe, expect, it } from 'vitest'
import { salvageSettings, settingsPatchSchema } from '../../../src/settings/settingsSchema'

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
      openingHours: { mon: [{ from: '09:00', to: '17:00' }], sat: [{ from: '22:00', to: '02:00' }] },
    })
    expect(problems).toEqual([])
    expect(settings.quietHours[0]?.maxVolume).toBe(0.3)
    expect(settings.openingHours?.sat?.[0]?.to).toBe('02:00')
    const bad = salvageSettings({ openingHours: { mon: [{ from: '9am', to: '17:00' }] } })
    expect(bad.problems[0]?.key).toBe('openingHours')
    expect(bad.settings.openingHours).toBeUndefined()
  })

  it('treats a non-object as a bad file', () => {
    expect(salvageSettings([1, 2]).problems[0]?.key).toBe('(root)')
  })

  it('refuses unknown keys in a patch', () => {
    expect(settingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ singleExhibit: null }).success).toBe(true)
  })
})
