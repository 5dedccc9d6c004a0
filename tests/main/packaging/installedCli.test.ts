import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { writeExamplePack } from '../../../main/services/packs/examplePack'
import { PackStore } from '../../../main/services/packs/packStore'
import { systemClock } from '../../../src/time/clock'
import { silentLogger } from '../../../main/services/logger'
import { useTempDirs } from '../support/tempDataDir'

// The installed app: packaged, its app.asar holding package.json and out/ but no assets/ (so the
// repository's way of finding the app root would fail), Electron itself faked.
const electron = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    getAppPath: vi.fn(() => ''),
    exit: vi.fn(),
  },
}))
vi.mock('electron', () => electron)

import { answerCliIfAsked, cliWordsOf } from '../../../main/electron/answerCli'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

describe('the installed app answers the songyun CLI (electron mocked)', () => {
  const makeDir = useTempDirs()
  beforeEach(() => vi.clearAllMocks())

  /** An app.asar stand-in and a kiosk data folder with the built-in pack installed. */
  async function installedKiosk() {
    const root = await makeDir()
    const asar = path.join(root, 'resources', 'app.asar')
    await mkdir(asar, { recursive: true })
    await writeFile(
      path.join(asar, 'package.json'),
      JSON.stringify({ name: 'songyun-kiosk', version: '0.1.0' }),
    )
    electron.app.getAppPath.mockReturnValue(asar)
    Object.assign(process, { resourcesPath: path.join(root, 'resources') })
    const dataDir = path.join(root, 'home', '.local', 'share', 'songyun-kiosk')
    await mkdir(dataDir, { recursive: true })
    const packFolder = path.join(root, 'example')
    await writeExamplePack(packFolder)
    const store = new PackStore({
      dataDir,
      appVersion: '0.1.0',
      clock: systemClock,
      logger: silentLogger,
    })
    await store.install(packFolder, { requireSigned: false })
    return { dataDir }
  }

  it('`songyun-kiosk --ozone-platform=headless pack list --json --data-dir DIR` prints the packs and exits 0', async () => {
    const { dataDir } = await installedKiosk()
    let stdout = ''
    const outSpy = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: unknown, ...rest: unknown[]) => {
        stdout += String(chunk)
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
        done?.()
        return true
      })
    const errSpy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((_chunk: unknown, ...rest: unknown[]) => {
        ;(rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.()
        return true
      })
    try {
      const answered = await answerCliIfAsked([
        '/opt/Songyun Kiosk/songyun-kiosk',
        '--ozone-platform=headless',
        'pack',
        'list',
        '--json',
        '--data-dir',
        dataDir,
      ])
      expect(answered).toBe(true)
    } finally {
      outSpy.mockRestore()
      errSpy.mockRestore()
      process.exitCode = 0
    }
    expect(electron.app.exit).toHaveBeenCalledWith(0)
    const listing = JSON.parse(stdout) as { ok: boolean; result: { packs: { id: string }[] } }
    expect(listing.ok).toBe(true)
    expect(listing.result.packs.map((p) => p.id)).toEqual(['example.pack'])
  })

  it('a plain start (no command) is the kiosk, not the CLI', async () => {
    expect(cliWordsOf(['/opt/Songyun Kiosk/songyun-kiosk'], true)).toBeUndefined()
    expect(
      cliWordsOf(['/opt/Songyun Kiosk/songyun-kiosk', '--allow-devtools'], true),
    ).toBeUndefined()
    expect(cliWordsOf(['/usr/lib/electron', '.', 'staff', 'set-pin'], false)).toEqual([
      'staff',
      'set-pin',
    ])
    expect(
      cliWordsOf(['/opt/Songyun Kiosk/songyun-kiosk', '--ozone-platform=headless', '--help'], true),
    ).toEqual(['--help'])
    expect(await answerCliIfAsked(['/opt/Songyun Kiosk/songyun-kiosk'])).toBe(false)
    expect(electron.app.exit).not.toHaveBeenCalled()
  })

  it('the packages put `songyun` beside the executable and on the PATH, calling the executable headless', async () => {
    const config = yaml.load(
      await readFile(path.join(repoRoot, 'electron-builder.yml'), 'utf8'),
    ) as {
      linux: { executableName: string; extraFiles: { from: string; to: string }[] }
      win: { executableName: string; extraFiles: { from: string; to: string }[] }
    }
    expect(config.linux.extraFiles).toContainEqual({ from: 'build/linux/songyun', to: 'songyun' })
    expect(config.win.extraFiles).toContainEqual({
      from: 'build/win/songyun.cmd',
      to: 'songyun.cmd',
    })
    const wrapper = await readFile(path.join(repoRoot, 'build', 'linux', 'songyun'), 'utf8')
    expect(wrapper).toContain(
      `exec "$APP_DIR/${config.linux.executableName}" --ozone-platform=headless "$@"`,
    )
    const windowsWrapper = await readFile(
      path.join(repoRoot, 'build', 'win', 'songyun.cmd'),
      'utf8',
    )
    expect(windowsWrapper).toContain(`"%~dp0${config.win.executableName}.exe" %*`)
    const afterInstall = await readFile(
      path.join(repoRoot, 'build', 'linux', 'after-install.sh'),
      'utf8',
    )
    expect(afterInstall).toContain('ln -sf "$APP_DIR/songyun" /usr/bin/songyun')
  })
})
