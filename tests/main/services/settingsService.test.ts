import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EventBus } from '../../../main/services/eventBus'
import { SettingsService } from '../../../main/services/settingsService'
import { defaultSettings } from '../../../src/settings/settingsSchema'
import { manualClock, recordingLogger, useTempDirs } from '../support/tempDataDir'

describe('SettingsService', () => {
  const tempDir = useTempDirs()

  async function serviceIn(dir: string) {
    const logger = recordingLogger()
    const events = new EventBus()
    const service = new SettingsService(dir, events, logger, manualClock())
    return { service, logger, events }
  }

  it('gives the documented defaults for a fresh data folder', async () => {
    const { service } = await serviceIn(await tempDir())
    const snapshot = await service.load()
    expect(snapshot.settings).toEqual(defaultSettings())
    expect(snapshot.settings).toMatchObject({
      defaultLanguage: 'zh-CN',
      idleTimeoutSeconds: 90,
      idleWarningSeconds: 15,
      volume: 0.8,
      mode: 'open',
      requireSignedPacks: true,
    })
    expect(snapshot.problems).toEqual([])
  })

  it('keeps valid keys of a damaged file, defaults the bad ones and warns naming each', async () => {
    const dir = await tempDir()
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ volume: 3, idleTimeoutSeconds: 30, mode: 'party', colour: 'red' }),
    )
    const { service, logger } = await serviceIn(dir)
    const snapshot = await service.load()
    expect(snapshot.settings.idleTimeoutSeconds).toBe(30)
    expect(snapshot.settings.volume).toBe(0.8)
    expect(snapshot.settings.mode).toBe('open')
    expect(snapshot.problems.map((p) => p.key).sort()).toEqual(['colour', 'mode', 'volume'])
    expect(
      logger.lines
        .filter((l) => l.level === 'warn')
        .map((l) => l.message)
        .join('\n'),
    ).toMatch(/"volume"/)
  })

  it('never crashes on a file that is not JSON, and keeps it aside before the first write', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'settings.json'), '{ "volume": 0.5, oops')
    const { service } = await serviceIn(dir)
    const snapshot = await service.load()
    expect(snapshot.settings).toEqual(defaultSettings())
    expect(snapshot.problems[0]?.key).toBe('(file)')
    await service.update({ volume: 0.4 })
    const files = await readdir(dir)
    const backup = files.find((f) => f.startsWith('settings.json.damaged-'))
    expect(backup).toBeDefined()
    expect(await readFile(path.join(dir, backup!), 'utf8')).toBe('{ "volume": 0.5, oops')
  })

  it('writes updates atomically, announces them, and reads them back after a restart', async () => {
    const dir = await tempDir()
    const { service, events } = await serviceIn(dir)
    await service.load()
    const seen: number[] = []
    events.on('settings:changed', (snapshot) => seen.push(snapshot.settings.volume))
    await service.update({ volume: 0.25, mode: 'closed', singleExhibit: 'tea-whisking' })
    await service.update({ singleExhibit: null })
    expect(seen).toEqual([0.25, 0.25])
    expect(
      (await readdir(dir)).filter((f) => f.includes('.tmp') || f.startsWith('settings.json.')),
    ).toEqual([])
    const again = await serviceIn(dir)
    const reloaded = await again.service.load()
    expect(reloaded.settings).toMatchObject({ volume: 0.25, mode: 'closed' })
    expect(reloaded.settings.singleExhibit).toBeUndefined()
  })
})
