import { describe, expect, it } from 'vitest'
import { fleetCommandSchema, isCommandFor } from '../../../src/fleet/fleetCommand'
import { fleetStatusRows } from '../../../src/fleet/fleetStatus'
import { kioskHeartbeatSchema, type KioskHeartbeat } from '../../../src/fleet/kioskHeartbeat'
import {
  isSyncedFileStill,
  isSyncTemporaryName,
  trackSyncedFile,
} from '../../../src/fleet/syncedFileSettling'

describe('a synced file is complete once it has stayed still', () => {
  it('restarts the settle time whenever size or time changes, and takes it after settleMs unchanged', () => {
    const settleMs = 5000
    let track = trackSyncedFile(undefined, { sizeBytes: 100, modifiedAtMs: 1 }, 0)
    expect(isSyncedFileStill(track, 4999, settleMs)).toBe(false)
    // More bytes arrived: the clock starts again.
    track = trackSyncedFile(track, { sizeBytes: 200, modifiedAtMs: 2 }, 4000)
    expect(isSyncedFileStill(track, 8999, settleMs)).toBe(false)
    track = trackSyncedFile(track, { sizeBytes: 200, modifiedAtMs: 2 }, 8000)
    expect(track.unchangedSinceMs).toBe(4000)
    expect(isSyncedFileStill(track, 9000, settleMs)).toBe(true)
    // Same size, new time (a rewrite in place) also restarts it.
    track = trackSyncedFile(track, { sizeBytes: 200, modifiedAtMs: 3 }, 9500)
    expect(isSyncedFileStill(track, 10_000, settleMs)).toBe(false)
  })

  it('never takes an empty file', () => {
    const track = trackSyncedFile(undefined, { sizeBytes: 0, modifiedAtMs: 1 }, 0)
    expect(isSyncedFileStill(track, 60_000, 5000)).toBe(false)
  })

  it("ignores sync tools' and editors' temporary names", () => {
    for (const name of [
      '.syncthing.spring.songpack.tmp',
      '.spring.songpack.Xa81kq',
      '~spring.songpack',
      'spring.songpack~',
      'spring.songpack.part',
      'spring.songpack.crdownload',
    ])
      expect(isSyncTemporaryName(name), name).toBe(true)
    expect(isSyncTemporaryName('spring-2027.songpack')).toBe(false)
  })
})

function heartbeat(overrides: Partial<KioskHeartbeat> = {}): KioskHeartbeat {
  return {
    format: 'songyun-kiosk-heartbeat',
    formatVersion: 1,
    kioskId: 'hall-a',
    kioskName: 'Hall A',
    installationId: '0123456789abcdef',
    appVersion: '0.1.0',
    packs: [{ id: 'songyun.core', version: '1.0.0' }],
    mode: 'open',
    configuredMode: 'open',
    isOpen: true,
    isClosedByHours: false,
    uptimeSeconds: 60,
    lastError: null,
    printerState: 'not-configured',
    diskFreeBytes: 1e9,
    lastVisitAtMs: null,
    writtenAtMs: 1_000_000,
    commandResults: [],
    warnings: [],
    ...overrides,
  }
}

describe('the heartbeat schema', () => {
  it('accepts a full heartbeat and refuses one without its id or with a wrong mode', () => {
    expect(kioskHeartbeatSchema.safeParse(heartbeat()).success).toBe(true)
    const { kioskId: _dropped, ...withoutId } = heartbeat()
    expect(kioskHeartbeatSchema.safeParse(withoutId).success).toBe(false)
    expect(kioskHeartbeatSchema.safeParse({ ...heartbeat(), mode: 'party' }).success).toBe(false)
  })
})

describe('the fleet at a glance', () => {
  const nowMs = 1_000_000

  it('marks kiosks stale after the limit, an unreadable file as its own row, and a clock ahead', () => {
    const rows = fleetStatusRows(
      [
        {
          folderName: 'hall-b',
          content: { json: heartbeat({ kioskId: 'hall-b', writtenAtMs: nowMs - 200_000 }) },
        },
        { folderName: 'hall-a', content: { json: heartbeat({ writtenAtMs: nowMs - 30_000 }) } },
        { folderName: 'hall-c', content: { error: 'status.json is not JSON: Unexpected end' } },
        {
          folderName: 'hall-d',
          content: { json: heartbeat({ kioskId: 'hall-d', writtenAtMs: nowMs + 600_000 }) },
        },
        { folderName: 'hall-e', content: { json: { format: 'something else' } } },
      ],
      nowMs,
      180_000,
    )
    expect(rows.map((row) => row.folderName)).toEqual([
      'hall-a',
      'hall-b',
      'hall-c',
      'hall-d',
      'hall-e',
    ])
    const [a, b, c, d, e] = rows
    expect(a).toMatchObject({ isReadable: true, isStale: false, ageMs: 30_000 })
    expect(b).toMatchObject({ isReadable: true, isStale: true })
    expect(c).toMatchObject({
      isReadable: false,
      problems: ['status.json is not JSON: Unexpected end'],
    })
    expect(d).toMatchObject({ isReadable: true, clockAheadMs: 600_000 })
    expect(d!.problems.join()).toMatch(/600 s ahead/)
    expect(e).toMatchObject({ isReadable: false })
    expect(e!.problems[0]).toMatch(/not a kiosk heartbeat/)
  })

  it('says when a heartbeat sits in another kiosk’s folder', () => {
    const [row] = fleetStatusRows(
      [{ folderName: 'hall-a', content: { json: heartbeat({ kioskId: 'hall-z' }) } }],
      nowMs,
    )
    expect(row!.problems.join()).toMatch(/written by kiosk "hall-z"/)
  })
})

describe('fleet commands', () => {
  const command = {
    format: 'songyun-fleet-command',
    formatVersion: 1,
    id: 'close-for-gala',
    issuedAt: '2026-12-06T08:00:00.000Z',
    kiosks: ['hall-a'],
    action: { kind: 'set-mode', mode: 'closed' },
  }

  it('addresses the kiosks it names, or all', () => {
    const parsed = fleetCommandSchema.parse(command)
    expect(isCommandFor(parsed, 'hall-a')).toBe(true)
    expect(isCommandFor(parsed, 'hall-b')).toBe(false)
    expect(isCommandFor(fleetCommandSchema.parse({ ...command, kiosks: 'all' }), 'hall-b')).toBe(
      true,
    )
  })

  it('refuses single-exhibit without its exhibit, and ids that are not file-safe', () => {
    expect(
      fleetCommandSchema.safeParse({
        ...command,
        action: { kind: 'set-mode', mode: 'single-exhibit' },
      }).success,
    ).toBe(false)
    expect(fleetCommandSchema.safeParse({ ...command, id: '../x' }).success).toBe(false)
  })
})
