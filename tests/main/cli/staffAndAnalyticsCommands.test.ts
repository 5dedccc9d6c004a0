import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { StaffAccessService } from '../../../main/services/staff/staffAccessService'
import { systemClock } from '../../../src/time/clock'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const cliEntry = path.join(repoRoot, 'main', 'cli', 'songyun.ts')

/** Runs the real CLI from the sources with `stdinText` piped in (so stdin is not a TTY). */
function songyun(args: readonly string[], stdinText = '') {
  const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, SONGYUN_DATA_DIR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdin.end(stdinText)
  return new Promise<{ exitCode: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject)
      child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }))
    },
  )
}

describe('songyun staff set-pin and analytics export', () => {
  const tempDir = useTempDirs()

  it('sets the staff PIN from stdin, and refuses one that is not 6–12 digits', async () => {
    const dataDir = await tempDir()
    const refused = await songyun(['staff', 'set-pin', '--data-dir', dataDir], '12ab\n')
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('6 to 12 digits')

    const set = await songyun(['staff', 'set-pin', '--data-dir', dataDir], '864201\n')
    expect(set.exitCode).toBe(0)
    expect(await readFile(path.join(dataDir, 'staff-access.json'), 'utf8')).not.toContain('864201')
    const staff = new StaffAccessService(dataDir, systemClock, undefined, recordingLogger())
    expect((await staff.unlock('864201')).outcome).toBe('unlocked')
    staff.dispose()
  })

  it('exports a range of days as CSV and explains a wrong range', async () => {
    const dataDir = await tempDir()
    await mkdir(path.join(dataDir, 'analytics'))
    await writeFile(
      path.join(dataDir, 'analytics', '2026-11-28.jsonl'),
      '{"type":"visit-start","language":"en","at":"2026-11-28T03:00:00.000Z"}\n{"type":"vis',
    )
    const output = path.join(dataDir, 'out.csv')
    const common = ['--data-dir', dataDir, '--time-zone', 'Asia/Shanghai', '-o', output]
    const wrong = await songyun([
      'analytics',
      'export',
      '--from',
      '2026-11-29',
      '--to',
      '2026-11-28',
      ...common,
    ])
    expect(wrong.exitCode).toBe(2)
    expect(wrong.stderr).toContain('must not be after')

    const done = await songyun([
      'analytics',
      'export',
      '--from',
      '2026-11-28',
      '--to',
      '2026-11-28',
      ...common,
    ])
    expect(done.exitCode).toBe(0)
    expect(done.stdout).toContain('Wrote 1 events')
    expect(done.stderr).toContain('skipped 1 unreadable')
    const rows = (await readFile(output, 'utf8')).trim().split('\n')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatch(/^2026-11-28T03:00:00.000Z,2026-11-28,11,visit-start,en,/)
  })

  it("reads the days in the kiosk's settings.timeZone when --time-zone is not given", async () => {
    const dataDir = await tempDir()
    await mkdir(path.join(dataDir, 'analytics'))
    // 22:30 UTC on the 27th is 06:30 on the 28th in Shanghai and 23:30 on the 27th in Berlin.
    await writeFile(
      path.join(dataDir, 'analytics', '2026-11-27.jsonl'),
      '{"type":"visit-start","language":"en","at":"2026-11-27T22:30:00.000Z"}\n',
    )
    const output = path.join(dataDir, 'out.csv')
    const exportDay = (day: string) =>
      songyun([
        'analytics',
        'export',
        '--from',
        day,
        '--to',
        day,
        '--data-dir',
        dataDir,
        '-o',
        output,
      ])
    for (const [timeZone, day, hour] of [
      ['Asia/Shanghai', '2026-11-28', 6],
      ['Europe/Berlin', '2026-11-27', 23],
    ] as const) {
      await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ timeZone }))
      const done = await exportDay(day)
      expect(done.exitCode).toBe(0)
      expect(done.stdout).toContain('Wrote 1 events')
      const rows = (await readFile(output, 'utf8')).trim().split('\n')
      expect(rows[1]).toContain(`,${day},${hour},visit-start,`)
    }
  })
})
