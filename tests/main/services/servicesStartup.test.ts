import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KioskServices } from '../../../main/services/kioskServices'
import { ModeService } from '../../../main/services/mode/modeService'
import { PackStore } from '../../../main/services/packs/packStore'
import { SettingsService } from '../../../main/services/settingsService'
import { startWebHost } from '../../../main/web/webHost'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))

/** A start step the test lets go on when it chooses. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

interface Outcome {
  ok: boolean
  result?: { exhibits?: { exhibit: { id: string } }[]; settings?: { defaultLanguage: string } }
  error?: { code: string; message: string }
}

/** A request without arguments, as the browser bridge sends it. */
async function request(hostUrl: string, channel: string): Promise<Outcome> {
  const response = await fetch(new URL(`/api/request/${channel}`, hostUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  return (await response.json()) as Outcome
}

// `songyun serve` listens before the services have started (KioskServices.begin): the page loads
// while the built-in pack installs, and every request waits for the start to end.
describe('services starting behind a listening host', () => {
  const tempDir = useTempDirs()
  const stops: (() => Promise<void>)[] = []

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop()
    vi.restoreAllMocks()
  })

  async function beginWithHost() {
    const root = await tempDir()
    const dataDir = path.join(root, 'data')
    const rendererDir = path.join(root, 'renderer')
    await mkdir(rendererDir, { recursive: true })
    await mkdir(dataDir, { recursive: true })
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>')
    await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ defaultLanguage: 'en' }))
    const services = KioskServices.begin({
      dataDir,
      appVersion: '9.9.9',
      shell: 'browser',
      logger: recordingLogger(),
      builtinPackDir,
    })
    const host = await startWebHost({ services, rendererDir, host: '127.0.0.1', port: 0 })
    stops.push(async () => {
      await host.close()
      services.dispose()
      await services.ready.catch(() => undefined)
    })
    return { services, host }
  }

  it('serves the page while the built-in pack is still installing, and requests wait for it', async () => {
    const packsMayStart = gate()
    const cleanLeftovers = PackStore.prototype.cleanLeftovers
    vi.spyOn(PackStore.prototype, 'cleanLeftovers').mockImplementation(async function (
      this: PackStore,
    ) {
      await packsMayStart.opened
      return cleanLeftovers.call(this)
    })
    const { host } = await beginWithHost()

    let isContentAnswered = false
    const content = request(host.url, 'content:get').then((outcome) => {
      isContentAnswered = true
      return outcome
    })
    const page = await fetch(host.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>kiosk</title>')
    expect(isContentAnswered).toBe(false)

    packsMayStart.open()
    // Not an empty kiosk from before the install: the built-in pack's exhibits.
    const answer = await content
    expect(answer).toMatchObject({ ok: true })
    expect(answer.result?.exhibits?.map(({ exhibit }) => exhibit.id)).toContain(
      'woodblock-printing',
    )
    expect((await request(host.url, 'settings:get')).result?.settings?.defaultLanguage).toBe('en')
  })

  it('answers every request with an error naming the cause when the services cannot start', async () => {
    vi.spyOn(SettingsService.prototype, 'load').mockRejectedValue(
      new Error('the disk is unreadable'),
    )
    const { host, services } = await beginWithHost()

    await expect(services.ready).rejects.toThrow('the disk is unreadable')
    const outcome = await request(host.url, 'settings:get')
    expect(outcome.ok).toBe(false)
    expect(outcome.error?.code).toBe('internal')
    expect(outcome.error?.message).toMatch(/could not start: the disk is unreadable/)
  })

  it('starts no schedule tick or pack watch when closed before the start has ended', async () => {
    const settingsMayLoad = gate()
    const load = SettingsService.prototype.load
    vi.spyOn(SettingsService.prototype, 'load').mockImplementation(async function (
      this: SettingsService,
    ) {
      await settingsMayLoad.opened
      return load.call(this)
    })
    const modeStart = vi.spyOn(ModeService.prototype, 'start')
    const packWatch = vi.spyOn(PackStore.prototype, 'watchActivePacks')
    const { services } = await beginWithHost()

    services.dispose()
    settingsMayLoad.open()
    await services.ready
    expect(modeStart).not.toHaveBeenCalled()
    expect(packWatch).not.toHaveBeenCalled()
  })
})
