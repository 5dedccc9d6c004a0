import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../main/services/logger'
import { PackStore } from '../../../main/services/packs/packStore'
import { manualClock, useTempDirs } from '../support/tempDataDir'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writeYazlPack,
  type PackFiles,
} from './support/packFixtures'
import { runSongyun, spawnSongyun } from './support/runSongyun'

vi.mock('electron')

const key = testKeyPair()
const killPoints = 14

describe('a killed install leaves a working pack', () => {
  const makeDir = useTempDirs()

  it(`SIGKILL at ${killPoints} points of a large install: verify passes, the old or the new version is active`, async () => {
    const root = await makeDir()
    const pristine = path.join(root, 'pristine')
    await mkdir(path.join(pristine, 'trusted-keys'), { recursive: true })
    await writeFile(path.join(pristine, 'trusted-keys', 'venue.pub'), key.publicKeyPem)
    const oldFiles = defaultPackFiles('old')
    const oldArchive = await writeYazlPack(
      path.join(root, 'old.songpack'),
      packEntries(manifestFor(oldFiles, { version: '1.0.0' }), oldFiles, key.privateKey),
    )
    await new PackStore({
      dataDir: pristine,
      appVersion: '0.1.0',
      clock: manualClock(),
      logger: silentLogger,
    }).install(oldArchive, { requireSigned: true })
    // About 48 MB in 240 files: long enough to be killed while streaming, renaming or switching.
    const newFiles: PackFiles = { ...defaultPackFiles('new') }
    for (let i = 0; i < 240; i++) newFiles[`media/part-${i}.bin`] = randomBytes(200 * 1024)
    const newArchive = await writeYazlPack(
      path.join(root, 'new.songpack'),
      packEntries(manifestFor(newFiles, { version: '2.0.0' }), newFiles, key.privateKey).map(
        (e) => ({ ...e, compress: false }),
      ),
    )

    // How long a whole install takes here, to spread the kills over it.
    const timing = path.join(root, 'timing')
    await cp(pristine, timing, { recursive: true })
    const startedAt = Date.now()
    const whole = await runSongyun(['pack', 'install', newArchive, '--data-dir', timing])
    const wholeMs = Date.now() - startedAt
    expect(whole.exitCode).toBe(0)

    // When to kill: as soon as something is seen on disk (staging begun, half the files
    // staged, the new version renamed into place), and at moments spread over the whole run.
    const stagedFileCount = (dataDir: string) => {
      const staging = path.join(dataDir, 'packs', 'staging')
      if (!existsSync(staging)) return 0
      return readdirSync(staging, { recursive: true }).length
    }
    const versionFolderCount = (dataDir: string) => {
      const folder = path.join(dataDir, 'packs', 'versions', 'test.pack')
      return existsSync(folder) ? readdirSync(folder).length : 0
    }
    const killWhen: ((dataDir: string, elapsedMs: number) => boolean)[] = [
      (dataDir) => existsSync(path.join(dataDir, 'packs', 'staging')),
      (dataDir) => stagedFileCount(dataDir) > 3,
      (dataDir) => stagedFileCount(dataDir) > 120,
      (dataDir) => stagedFileCount(dataDir) > 230,
      (dataDir) => versionFolderCount(dataDir) > 1,
      (dataDir) => versionFolderCount(dataDir) > 1,
      ...Array.from(
        { length: killPoints - 6 },
        (_, i) => (_dataDir: string, elapsedMs: number) =>
          elapsedMs >= (wholeMs * (i + 1)) / (killPoints - 6),
      ),
    ]

    const activeVersions: string[] = []
    for (const [point, shouldKill] of killWhen.entries()) {
      const dataDir = path.join(root, `kill-${point}`)
      await cp(pristine, dataDir, { recursive: true })
      const child = spawnSongyun(['pack', 'install', newArchive, '--data-dir', dataDir])
      let hasExited = false
      const exited = new Promise((resolve) =>
        child.on('exit', () => {
          hasExited = true
          resolve(undefined)
        }),
      )
      const spawnedAt = Date.now()
      while (!hasExited && !shouldKill(dataDir, Date.now() - spawnedAt)) {
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
      child.kill('SIGKILL')
      await exited

      const verify = await runSongyun(['pack', 'verify', '--data-dir', dataDir, '--json'])
      expect(verify.stderr).toBe('')
      expect(verify.exitCode).toBe(0)
      const report = JSON.parse(verify.stdout) as {
        result: { packs: { version: string; isIntact: boolean }[] }
      }
      expect(report.result.packs).toHaveLength(1)
      const active = report.result.packs[0]!.version
      expect(['1.0.0', '2.0.0']).toContain(active)
      activeVersions.push(active)

      if (point % 3 === 0) {
        // The next install cleans whatever the killed one left, and succeeds.
        const again = await runSongyun(['pack', 'install', newArchive, '--data-dir', dataDir])
        expect(again.exitCode).toBe(0)
        expect(await readdir(path.join(dataDir, 'packs'))).toEqual(
          expect.not.arrayContaining(['staging', 'lock']),
        )
      }
    }
    process.stdout.write(
      `kill test: whole install ${wholeMs} ms, active after each kill: ${activeVersions.join(' ')}\n`,
    )
    // The kills did land on both sides of the switch.
    expect(activeVersions).toContain('1.0.0')
  }, 300_000)
})
