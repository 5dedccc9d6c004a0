import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import { fleetCommandSchema, type FleetAction } from '../../src/fleet/fleetCommand'
import { fleetStatusRows, type FleetStatusRow } from '../../src/fleet/fleetStatus'
import { kioskModes, openingHoursSchema, type KioskMode } from '../../src/settings/settingsSchema'
import { fleetLayout, readHeartbeatFiles } from '../services/fleet/fleetFolder'
import { parsePrivateKey, signManifest } from '../services/packs/packSigningKeys'
import { exitCodes } from './cliOptions'

function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(`"${value}" is not a number of seconds greater than 0`)
  }
  return seconds
}

function parseMode(value: string): KioskMode {
  if (!(kioskModes as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`"${value}" is not a mode; use one of ${kioskModes.join(', ')}`)
  }
  return value as KioskMode
}

function ago(ms: number): string {
  if (ms < 0) return 'in the future'
  const seconds = Math.round(ms / 1000)
  if (seconds < 120) return `${seconds} s ago`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`
  return `${Math.round(seconds / 3600)} h ago`
}

/** One kiosk as a line of the table. */
function statusLine(row: FleetStatusRow, nowMs: number): string[] {
  if (!row.isReadable) return [row.folderName, 'UNREADABLE', '', '', '', row.problems.join('; ')]
  const beat = row.heartbeat
  const state = row.isStale ? 'STALE' : beat.isOpen ? 'open' : 'closed'
  const mode = beat.mode === 'single-exhibit' ? 'single' : beat.mode
  const packs = beat.packs.map((p) => `${p.id} ${p.version}`).join(', ')
  const notes = [...row.problems, ...(beat.lastError ? [`last error: ${beat.lastError}`] : [])]
  return [beat.kioskId, state, mode, ago(nowMs - beat.writtenAtMs), packs, notes.join('; ')]
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** `songyun fleet …`: the venue's shared fleet folder (docs/fleet.md). */
export function registerFleetCommand(program: Command): void {
  const fleet = program.command('fleet').description("the venue's kiosks through a shared folder")

  fleet
    .command('status')
    .description('every kiosk of a fleet folder at a glance (stale ones marked)')
    .argument('<fleet-dir>', 'the shared fleet folder')
    .option('--json', 'print the rows as JSON, for tools')
    .option('--stale-after <seconds>', 'a heartbeat older than this is stale', parseSeconds, 180)
    .action(async (fleetDir: string, options: { json?: boolean; staleAfter: number }) => {
      const folder = path.resolve(fleetDir)
      if (!existsSync(fleetLayout.kiosks(folder))) {
        process.stderr.write(
          `songyun: ${folder} is not a fleet folder (it has no kiosks/ folder): check the path, or start a kiosk with "fleetDir" set to it\n`,
        )
        process.exitCode = exitCodes.usage
        return
      }
      const nowMs = Date.now()
      const rows = fleetStatusRows(
        await readHeartbeatFiles(folder),
        nowMs,
        options.staleAfter * 1000,
      )
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ fleetDir: folder, nowMs, kiosks: rows }, null, 2)}\n`,
        )
        return
      }
      if (rows.length === 0) {
        process.stdout.write(`No kiosk has reported to ${folder} yet.\n`)
        return
      }
      const header = ['KIOSK', 'STATE', 'MODE', 'HEARD', 'PACKS', 'NOTES']
      process.stdout.write(`${table([header, ...rows.map((row) => statusLine(row, nowMs))])}\n`)
      const stale = rows.filter((row) => !row.isReadable || row.isStale).length
      process.stdout.write(`${rows.length} kiosks, ${stale} stale or unreadable\n`)
    })

  fleet
    .command('command')
    .description('write a signed command for one, some or all kiosks into the fleet folder')
    .argument('<fleet-dir>', 'the shared fleet folder')
    .requiredOption(
      '--key <file>',
      'the private key that signs it (its .pub is trusted by the kiosks)',
    )
    .option(
      '--id <id>',
      'the command id (each kiosk applies an id once; default: made from the time)',
    )
    .option(
      '--kiosk <id>',
      'a kiosk it is for (repeatable; default: all)',
      (id: string, ids: string[]) => [...ids, id],
      [] as string[],
    )
    .option('--set-mode <mode>', `set the mode: ${kioskModes.join(', ')}`, parseMode)
    .option('--exhibit <id>', 'the exhibit of single-exhibit mode')
    .option(
      '--set-hours <file>',
      'replace the opening hours with the JSON object in FILE ("null" removes them)',
    )
    .option('--rollback <pack-id>', 'roll a pack back to its previous version')
    .action(
      async (
        fleetDir: string,
        options: {
          key: string
          id?: string
          kiosk: string[]
          setMode?: KioskMode
          exhibit?: string
          setHours?: string
          rollback?: string
        },
      ) => {
        const chosen = [options.setMode, options.setHours, options.rollback].filter(
          (v) => v !== undefined,
        )
        if (chosen.length !== 1) {
          process.stderr.write('songyun: give exactly one of --set-mode, --set-hours, --rollback\n')
          process.exitCode = exitCodes.usage
          return
        }
        let action: FleetAction
        if (options.setMode) {
          action = { kind: 'set-mode', mode: options.setMode, singleExhibit: options.exhibit }
        } else if (options.setHours) {
          let hours: unknown
          try {
            hours = JSON.parse(await readFile(options.setHours, 'utf8'))
          } catch (error) {
            process.stderr.write(
              `songyun: --set-hours: cannot read ${options.setHours} as JSON: ${(error as Error).message}\n`,
            )
            process.exitCode = exitCodes.usage
            return
          }
          const parsed = openingHoursSchema.nullable().safeParse(hours)
          if (!parsed.success) {
            const issue = parsed.error.issues[0]
            process.stderr.write(
              `songyun: --set-hours: ${issue?.path.join('.') || '(top)'}: ${issue?.message} (expected e.g. {"mon": [{"from": "09:00", "to": "17:00"}]})\n`,
            )
            process.exitCode = exitCodes.usage
            return
          }
          action = { kind: 'set-hours', openingHours: parsed.data }
        } else {
          action = { kind: 'rollback', packId: options.rollback! }
        }
        const issuedAt = new Date().toISOString()
        const command = {
          format: 'songyun-fleet-command',
          formatVersion: 1,
          id: options.id ?? `cmd-${issuedAt.replace(/[^0-9]/g, '').slice(0, 14)}-${action.kind}`,
          issuedAt,
          kiosks: options.kiosk.length > 0 ? options.kiosk : 'all',
          action,
        }
        const checked = fleetCommandSchema.safeParse(command)
        if (!checked.success) {
          const issue = checked.error.issues[0]
          const flag =
            issue?.path[0] === 'id'
              ? '--id'
              : issue?.path.includes('singleExhibit')
                ? '--exhibit'
                : String(issue?.path.join('.'))
          process.stderr.write(`songyun: ${flag}: ${issue?.message}\n`)
          process.exitCode = exitCodes.usage
          return
        }
        let privateKey
        try {
          privateKey = parsePrivateKey(await readFile(options.key, 'utf8'))
        } catch (error) {
          process.stderr.write(
            `songyun: --key: ${options.key} is not an Ed25519 private key: ${(error as Error).message}\n`,
          )
          process.exitCode = exitCodes.usage
          return
        }
        const folder = fleetLayout.commands(path.resolve(fleetDir))
        await mkdir(folder, { recursive: true })
        const file = path.join(folder, `${checked.data.id}.json`)
        const bytes = Buffer.from(`${JSON.stringify(checked.data, null, 2)}\n`)
        if (existsSync(file) || existsSync(`${file}.sig`)) {
          process.stderr.write(
            `songyun: --id: a command "${checked.data.id}" exists already; give another id\n`,
          )
          process.exitCode = exitCodes.usage
          return
        }
        try {
          // The signature first: a kiosk that sees the command sees it signed.
          await writeFile(`${file}.sig`, signManifest(bytes, privateKey), { flag: 'wx' })
          await writeFile(file, bytes, { flag: 'wx' })
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
          process.stderr.write(
            `songyun: --id: a command "${checked.data.id}" exists already; give another id\n`,
          )
          process.exitCode = exitCodes.usage
          return
        }
        process.stdout.write(
          `Wrote ${file} for ${checked.data.kiosks === 'all' ? 'all kiosks' : checked.data.kiosks.join(', ')}\n`,
        )
      },
    )
}
