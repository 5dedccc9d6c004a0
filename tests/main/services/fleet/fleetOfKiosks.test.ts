import type { ChildProcess } from 'node:child_process'
import { open, mkdir, readFile, writeFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { KioskHeartbeat } from '../../../../src/fleet/kioskHeartbeat'
import { localDayOf } from '../../../../main/services/analyticsService'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writeYazlPack,
} from '../../packs/support/packFixtures'
import { runSongyun, spawnSongyun } from '../../packs/support/runSongyun'
import { useTempDirs } from '../../support/tempDataDir'

// Three real kiosks (`songyun serve`, each with its own data folder) share one fleet folder on
// this machine, as a venue's kiosks share a Syncthing or SMB folder. Timing is shortened through
// SONGYUN_FLEET_TIMING_MS: scan every 200 ms, heartbeat every 500 ms, settle after 700 ms.
const fleetTiming = '200,500,700'
const kioskIds = ['hall-a', 'hall-b', 'hall-c'] as const

interface RunningKiosk {
  readonly id: string
  readonly dataDir: string
  readonly child: ChildProcess
  stderr: string
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

async function heartbeatOf(fleetDir: string, kioskId: string): Promise<KioskHeartbeat> {
  return JSON.parse(
    await readFile(path.join(fleetDir, 'kiosks', kioskId, 'status.json'), 'utf8'),
  ) as KioskHeartbeat
}

describe('a fleet of three kiosks sharing one folder', () => {
  const makeDir = useTempDirs()
  const kiosks: RunningKiosk[] = []

  afterEach(() => {
    for (const kiosk of kiosks.splice(0)) kiosk.child.kill('SIGKILL')
  })

  it('installs a slowly synced pack once complete, reports, applies a signed command once, refuses an unsigned one, merges analytics and marks a dead kiosk stale', async () => {
    const root = await makeDir()
    const fleetDir = path.join(root, 'fleet')
    await mkdir(path.join(fleetDir, 'packs'), { recursive: true })
    const venueKey = testKeyPair()
    const keyFile = path.join(root, 'venue.key')
    await writeFile(keyFile, venueKey.privateKeyPem, { mode: 0o600 })
    const yesterday = localDayOf(Date.now() - 86_400_000)

    for (const id of kioskIds) {
      const dataDir = path.join(root, id)
      await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
      await mkdir(path.join(dataDir, 'analytics'), { recursive: true })
      await writeFile(path.join(dataDir, 'trusted-keys', 'venue.pub'), venueKey.publicKeyPem)
      await writeFile(
        path.join(dataDir, 'settings.json'),
        JSON.stringify({ fleetDir, kioskId: id, kioskName: `Kiosk ${id}` }),
      )
      // A finished day of visits: two events of this kiosk.
      const at = new Date(Date.now() - 86_400_000).toISOString()
      await writeFile(
        path.join(dataDir, 'analytics', `${yesterday}.jsonl`),
        [
          { type: 'visit-start', language: 'en', at },
          { type: 'exhibit-enter', exhibitId: `seen-at-${id}`, at },
        ]
          .map((event) => JSON.stringify(event))
          .join('\n') + '\n',
      )
      const child = spawnSongyun(['serve', '--port', '0', '--data-dir', dataDir], {
        SONGYUN_FLEET_TIMING_MS: fleetTiming,
      })
      const kiosk: RunningKiosk = { id, dataDir, child, stderr: '' }
      child.stderr?.on('data', (chunk: Buffer) => (kiosk.stderr += chunk.toString()))
      kiosks.push(kiosk)
    }

    // Every kiosk reports in.
    for (const id of kioskIds) {
      const beat = await waitFor(
        `${id}'s heartbeat`,
        async () => {
          const heartbeat = await heartbeatOf(fleetDir, id)
          return heartbeat.packs.length > 0 ? heartbeat : undefined
        },
        90_000,
      )
      expect(beat).toMatchObject({ kioskId: id, kioskName: `Kiosk ${id}`, mode: 'open' })
    }

    // A signed pack arrives slowly, in chunks, as a sync tool writes it.
    const files = defaultPackFiles('fleet')
    const built = await writeYazlPack(
      path.join(root, 'build', 'winter.songpack'),
      packEntries(
        manifestFor(files, { id: 'winter.season', version: '1.2.0' }),
        files,
        venueKey.privateKey,
      ),
    )
    const bytes = await readFile(built)
    const target = await open(path.join(fleetDir, 'packs', 'winter.songpack'), 'w')
    const chunkCount = 8
    for (let i = 0; i < chunkCount; i += 1) {
      const from = Math.floor((bytes.length * i) / chunkCount)
      const to = Math.floor((bytes.length * (i + 1)) / chunkCount)
      await target.write(bytes, from, to - from)
      await target.sync()
      await sleep(250)
    }
    await target.close()

    for (const id of kioskIds) {
      await waitFor(`${id} to install winter.season`, async () => {
        const heartbeat = await heartbeatOf(fleetDir, id)
        return heartbeat.packs.some((p) => p.id === 'winter.season' && p.version === '1.2.0')
          ? true
          : undefined
      })
    }
    for (const kiosk of kiosks) {
      // Taken once, and never tried from the partial file (a try would be recorded as rejected).
      const state = JSON.parse(
        await readFile(path.join(kiosk.dataDir, 'fleet', 'state.json'), 'utf8'),
      ) as {
        takenPacks: Record<string, { outcome: string }>
      }
      expect(Object.values(state.takenPacks).map((taken) => taken.outcome)).toEqual(['installed'])
    }

    // The status table lists three fresh kiosks.
    const status = await runSongyun(['fleet', 'status', fleetDir])
    expect(status.exitCode).toBe(0)
    for (const id of kioskIds) expect(status.stdout).toMatch(new RegExp(`^${id}\\s+open`, 'm'))
    expect(status.stdout).toContain('3 kiosks, 0 stale or unreadable')

    // A signed command for all, and an unsigned one somebody dropped in.
    const signed = await runSongyun([
      'fleet',
      'command',
      fleetDir,
      '--key',
      keyFile,
      '--id',
      'close-all',
      '--set-mode',
      'closed',
    ])
    expect(signed.exitCode, signed.stderr).toBe(0)
    await writeFile(
      path.join(fleetDir, 'commands', 'open-again.json'),
      JSON.stringify({
        format: 'songyun-fleet-command',
        formatVersion: 1,
        id: 'open-again',
        issuedAt: new Date().toISOString(),
        kiosks: 'all',
        action: { kind: 'set-mode', mode: 'open' },
      }),
    )
    for (const id of kioskIds) {
      const beat = await waitFor(`${id} to apply close-all and refuse open-again`, async () => {
        const heartbeat = await heartbeatOf(fleetDir, id)
        const outcomes = Object.fromEntries(
          heartbeat.commandResults.map((r) => [r.commandId, r.outcome]),
        )
        return outcomes['close-all'] === 'applied' &&
          outcomes['open-again'] === 'refused' &&
          heartbeat.mode === 'closed'
          ? heartbeat
          : undefined
      })
      expect(beat.isOpen).toBe(false)
    }
    // Several more scans pass: each kiosk applied the command exactly once.
    await sleep(1500)
    for (const kiosk of kiosks) {
      expect(kiosk.stderr.match(/applied command close-all/g) ?? []).toHaveLength(1)
      const settings = JSON.parse(
        await readFile(path.join(kiosk.dataDir, 'settings.json'), 'utf8'),
      ) as { mode: string }
      expect(settings.mode).toBe('closed')
    }

    // Each kiosk copied its finished day; the merged export holds each kiosk's events once.
    await waitFor('every kiosk to copy its analytics', async () => {
      for (const id of kioskIds) {
        const names = await readdir(path.join(fleetDir, 'kiosks', id, 'analytics'))
        if (!names.includes(`${yesterday}.jsonl`)) return undefined
      }
      return true
    })
    const csvFile = path.join(root, 'fleet.csv')
    const exported = await runSongyun([
      'analytics',
      'export',
      '--fleet',
      fleetDir,
      '--from',
      localDayOf(Date.now() - 3 * 86_400_000),
      '--to',
      localDayOf(Date.now()),
      '--time-zone',
      Intl.DateTimeFormat().resolvedOptions().timeZone,
      '-o',
      csvFile,
    ])
    expect(exported.exitCode, exported.stderr).toBe(0)
    expect(exported.stdout).toContain('Wrote 6 events of 3 kiosks')
    const csv = await readFile(csvFile, 'utf8')
    expect(csv.split('\n')[0]).toMatch(/^kioskId,at,/)
    for (const id of kioskIds) {
      expect(csv.match(new RegExp(`^${id},`, 'gm')) ?? []).toHaveLength(2)
      expect(csv.match(new RegExp(`seen-at-${id}`, 'g')) ?? []).toHaveLength(1)
    }

    // One kiosk dies: it goes stale, the others stay fresh.
    kiosks[1]!.child.kill('SIGKILL')
    await sleep(2500)
    const afterDeath = await runSongyun([
      'fleet',
      'status',
      fleetDir,
      '--json',
      '--stale-after',
      '2',
    ])
    const rows = (
      JSON.parse(afterDeath.stdout) as { kiosks: { folderName: string; isStale: boolean }[] }
    ).kiosks
    expect(Object.fromEntries(rows.map((row) => [row.folderName, row.isStale]))).toEqual({
      'hall-a': false,
      'hall-b': true,
      'hall-c': false,
    })
  }, 240_000)
})
