import { writeFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import type { ModeState } from '../../../../src/contract/areas/mode'
import { EventBus } from '../../../../main/services/eventBus'
import { ModeService } from '../../../../main/services/mode/modeService'
import { SettingsService } from '../../../../main/services/settingsService'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

describe('ModeService', () => {
  const tempDir = useTempDirs()

  async function makeService(clockStartIso: string, settingsJson?: unknown, dataDir?: string) {
    const dir = dataDir ?? (await tempDir())
    if (settingsJson) await writeFile(`${dir}/settings.json`, JSON.stringify(settingsJson))
    const clock = manualClock(Date.parse(clockStartIso))
    const events = new EventBus()
    const announced: ModeState[] = []
    events.on('mode:changed', (state) => announced.push(state))
    const settings = new SettingsService(dir, events, recordingLogger(), clock)
    await settings.load()
    const mode = new ModeService(
      settings,
      events,
      clock,
      recordingLogger(),
      async (id) => id === 'tea',
      'Asia/Shanghai',
    )
    mode.start()
    return { dir, clock, mode, announced, settings }
  }

  it('keeps the staff mode in settings, so it comes back after a restart', async () => {
    const { dir, mode, announced } = await makeService('2026-11-30T10:00:00+08:00')
    await mode.setMode({ mode: 'single-exhibit', singleExhibit: 'tea' })
    expect(announced.at(-1)).toMatchObject({ mode: 'single-exhibit', singleExhibit: 'tea' })
    await expect(
      mode.setMode({ mode: 'single-exhibit', singleExhibit: 'nope' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    })
    await mode.setMode({ mode: 'closed' })
    mode.dispose()
    const restarted = await makeService('2026-11-30T11:00:00+08:00', undefined, dir)
    expect(restarted.mode.state()).toMatchObject({ mode: 'closed', configuredMode: 'closed' })
    restarted.mode.dispose()
  })

  it('closes outside opening hours and opens again by itself, announcing each change once', async () => {
    const { clock, mode, announced } = await makeService('2026-11-30T16:59:00+08:00', {
      openingHours: { mon: [{ from: '09:00', to: '17:00' }] },
      quietHours: [{ from: '16:00', to: '17:30', maxVolume: 0.25 }],
    })
    expect(mode.state()).toMatchObject({ mode: 'open', isClosedByHours: false, volume: 0.25 })
    expect(mode.state().nextScheduleChangeAtMs).toBe(Date.parse('2026-11-30T17:00:00+08:00'))
    mode.tick()
    expect(announced).toHaveLength(0)

    clock.set(Date.parse('2026-11-30T17:00:00+08:00'))
    mode.tick()
    mode.tick()
    expect(announced).toHaveLength(1)
    expect(announced[0]).toMatchObject({
      mode: 'closed',
      configuredMode: 'open',
      isClosedByHours: true,
    })

    clock.set(Date.parse('2026-12-07T09:00:00+08:00'))
    mode.tick()
    expect(announced.at(-1)).toMatchObject({ mode: 'open', isClosedByHours: false, volume: 0.8 })
    mode.dispose()
  })

  it('reads the hours in settings.timeZone: Shanghai and Berlin differ at the same instant', async () => {
    // 09:30 in Shanghai is 02:30 in Berlin (UTC+1 in winter), on Monday in both.
    const instant = '2026-11-30T09:30:00+08:00'
    const hours = { openingHours: { mon: [{ from: '09:00', to: '17:00' }] } }
    const inShanghai = await makeService(instant, { ...hours, timeZone: 'Asia/Shanghai' })
    const inBerlin = await makeService(instant, { ...hours, timeZone: 'Europe/Berlin' })
    expect(inShanghai.mode.state()).toMatchObject({ mode: 'open', timeZone: 'Asia/Shanghai' })
    expect(inBerlin.mode.state()).toMatchObject({ mode: 'closed', timeZone: 'Europe/Berlin' })
    expect(inBerlin.mode.state().nextScheduleChangeAtMs).toBe(
      Date.parse('2026-11-30T09:00:00+01:00'),
    )
    inShanghai.mode.dispose()
    inBerlin.mode.dispose()
  })

  it('follows a time zone changed by staff at once, and falls back to the given zone', async () => {
    // Constructed with Asia/Shanghai as the machine's zone; settings have none yet.
    const { mode, announced, settings } = await makeService('2026-11-30T09:30:00+08:00', {
      openingHours: { mon: [{ from: '09:00', to: '17:00' }] },
    })
    expect(mode.state()).toMatchObject({ mode: 'open', timeZone: 'Asia/Shanghai' })
    await settings.update({ timeZone: 'Europe/Berlin' })
    expect(announced.at(-1)).toMatchObject({ mode: 'closed', timeZone: 'Europe/Berlin' })
    await settings.update({ timeZone: null })
    expect(announced.at(-1)).toMatchObject({ mode: 'open', timeZone: 'Asia/Shanghai' })
    mode.dispose()
  })

  it('tells listeners when a visit starts and ends, once per change', async () => {
    const { mode } = await makeService('2026-11-30T10:00:00+08:00')
    const seen: boolean[] = []
    mode.onVisitChange((inProgress) => seen.push(inProgress))
    mode.reportVisit(true)
    mode.reportVisit(true)
    mode.reportVisit(false)
    expect(seen).toEqual([true, false])
    expect(mode.isVisitInProgress).toBe(false)
    mode.dispose()
  })
})
