import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  firstScreenDataElementId,
  type FirstScreenData,
} from '../../../src/contract/firstScreenData'
import { startBrowserShell, type BrowserShell } from '../../../main/web/browserShell'
import { firstScreenCachePath, readFirstScreenCache } from '../../../main/web/firstScreenDataCache'
import { readAppVersion } from '../../../main/services/appVersion'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Only a request (or closing) begins the services in these tests, never the clock. */
const onlyOnRequest = { latestAfterArmingMs: 60 * 60_000 }

function firstScreenDataOf(html: string): FirstScreenData {
  const match = new RegExp(
    `<script type="application/json" id="${firstScreenDataElementId}">(.*?)</script>`,
  ).exec(html)
  if (!match) throw new Error(`no first-screen data in:\n${html.slice(0, 400)}`)
  return JSON.parse(match[1]!) as FirstScreenData
}

function modeOf(data: FirstScreenData): unknown {
  return (data['mode:get'] as { result: { mode: string } } | undefined)?.result.mode
}

async function requestMode(shell: BrowserShell): Promise<unknown> {
  const response = await fetch(new URL('api/request/mode%3Aget', shell.webHost.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  return ((await response.json()) as { result: { mode: string } }).result.mode
}

// With a fresh first-screen cache `songyun serve` sends the first page before the services' code
// has loaded, and loads it only when a request needs it (or the loaded page asks for its events).
describe('the browser shell’s services start', () => {
  const tempDir = useTempDirs()
  const shells: BrowserShell[] = []
  afterEach(async () => {
    for (const shell of shells.splice(0)) await shell.close()
  })

  async function startShell(dataDir: string): Promise<BrowserShell> {
    const shell = await startBrowserShell({
      appRoot,
      dataDir,
      host: '127.0.0.1',
      port: 0,
      logger: recordingLogger(),
      servicesStartTiming: onlyOnRequest,
    })
    shells.push(shell)
    return shell
  }

  /**
   * A data folder after one start, with its cache marked: the cached mode reads 'from-cache', so
   * an answer shows whether it came from the cache or from the services (which say 'open').
   */
  async function dataFolderWithMarkedCache(): Promise<string> {
    const dataDir = path.join(await tempDir(), 'data')
    const first = await startShell(dataDir)
    await first.ready
    const appVersion = readAppVersion(appRoot)
    for (let attempt = 0; attempt < 100; attempt++) {
      if ('data' in (await readFirstScreenCache(dataDir, appVersion, Date.now()))) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await first.close()
    const cache = JSON.parse(await readFile(firstScreenCachePath(dataDir), 'utf8')) as {
      data: { 'mode:get': { result: { mode: string } } }
    }
    cache.data['mode:get'].result.mode = 'from-cache'
    // The marked cache is still fresh: its key covers the settings and packs, not itself.
    await writeFile(firstScreenCachePath(dataDir), JSON.stringify(cache))
    expect(await readFirstScreenCache(dataDir, appVersion, Date.now())).toMatchObject({
      data: { 'mode:get': { result: { mode: 'from-cache' } } },
    })
    return dataDir
  }

  it('sends the first page from the cache before the services’ code has begun loading', async () => {
    const shell = await startShell(await dataFolderWithMarkedCache())
    const html = await (await fetch(shell.webHost.url)).text()
    expect(modeOf(firstScreenDataOf(html))).toBe('from-cache')
    // The page's files need no services either.
    expect(shell.hasServicesStartBegun).toBe(false)
  })

  it('begins the services for a request that needs them, and answers it from them', async () => {
    const shell = await startShell(await dataFolderWithMarkedCache())
    await (await fetch(shell.webHost.url)).text()
    expect(shell.hasServicesStartBegun).toBe(false)
    // The request waits for the services: their answer, never the cache's.
    expect(await requestMode(shell)).toBe('open')
    expect(shell.hasServicesStartBegun).toBe(true)
  })

  it('does not send the cache once the settings changed on disk after it was read', async () => {
    const dataDir = await dataFolderWithMarkedCache()
    const shell = await startShell(dataDir)
    // As `songyun mode set closed` would, while the services have not begun to watch the folder.
    const settingsFile = path.join(dataDir, 'settings.json')
    const settings = JSON.parse(await readFile(settingsFile, 'utf8').catch(() => '{}')) as object
    await writeFile(`${settingsFile}.new`, JSON.stringify({ ...settings, mode: 'closed' }))
    await rename(`${settingsFile}.new`, settingsFile)

    const html = await (await fetch(shell.webHost.url)).text()
    expect(modeOf(firstScreenDataOf(html))).toBe('closed')
    expect(shell.hasServicesStartBegun).toBe(true)
  })

  it('sends no later page from the cache once the settings changed on disk after an earlier one', async () => {
    const dataDir = await dataFolderWithMarkedCache()
    const shell = await startShell(dataDir)
    expect(modeOf(firstScreenDataOf(await (await fetch(shell.webHost.url)).text()))).toBe(
      'from-cache',
    )
    // The change lands between two pages, while the services have not begun to watch the folder.
    const settingsFile = path.join(dataDir, 'settings.json')
    const settings = JSON.parse(await readFile(settingsFile, 'utf8').catch(() => '{}')) as object
    await writeFile(`${settingsFile}.new`, JSON.stringify({ ...settings, mode: 'closed' }))
    await rename(`${settingsFile}.new`, settingsFile)

    const html = await (await fetch(shell.webHost.url)).text()
    expect(modeOf(firstScreenDataOf(html))).toBe('closed')
  })

  it('begins the services at once without a usable cache (the page waits for them)', async () => {
    const shell = await startShell(path.join(await tempDir(), 'data'))
    await shell.ready
    expect(shell.hasServicesStartBegun).toBe(true)
    const html = await (await fetch(shell.webHost.url)).text()
    expect(modeOf(firstScreenDataOf(html))).toBe('open')
  })

  it('closes without beginning services nothing needed', async () => {
    const shell = await startShell(await dataFolderWithMarkedCache())
    await (await fetch(shell.webHost.url)).text()
    shells.splice(shells.indexOf(shell), 1)
    await shell.close()
    expect(shell.hasServicesStartBegun).toBe(false)
  })
})
