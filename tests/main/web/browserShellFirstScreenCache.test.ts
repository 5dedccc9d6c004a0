import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserShell, type BrowserShell } from '../../../main/web/browserShell'
import { readFirstScreenCache } from '../../../main/web/firstScreenDataCache'
import { readAppVersion } from '../../../main/services/appVersion'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

async function cachedConfiguredMode(dataDir: string): Promise<unknown> {
  const read = await readFirstScreenCache(dataDir, readAppVersion(appRoot), Date.now())
  if (!('data' in read)) return read.miss
  return (read.data['mode:get'] as { result: { configuredMode: string } }).result.configuredMode
}

async function eventually(check: () => Promise<unknown>, expected: unknown): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await check()) === expected) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(await check()).toBe(expected)
}

// `songyun serve` keeps the first screen's data for its next start (main/web/firstScreenDataCache.ts).
describe('the browser shell’s first-screen cache', () => {
  const tempDir = useTempDirs()
  let shell: BrowserShell | undefined
  afterEach(async () => {
    await shell?.close()
    shell = undefined
  })

  it('is written after a start and rewritten when the mode changes', async () => {
    const dataDir = path.join(await tempDir(), 'data')
    shell = await startBrowserShell({
      appRoot,
      dataDir,
      host: '127.0.0.1',
      port: 0,
      logger: recordingLogger(),
    })
    await shell.ready
    await eventually(() => cachedConfiguredMode(dataDir), 'open')

    const services = await shell.services
    await services.settings.update({ mode: 'closed' })
    await eventually(() => cachedConfiguredMode(dataDir), 'closed')
  })
})
