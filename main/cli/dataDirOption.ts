import { statSync } from 'node:fs'
import type { Command } from 'commander'
import { resolveDataDir } from '../services/dataDir'

/** A data folder that is not there: the command line is wrong (exit 2), nothing was done. */
export class DataDirMissingError extends Error {}

/** Commands that make their folder themselves, so a new path is what the user means. */
const mayCreateDataDir = new Set(['serve', 'pack init'])

/**
 * Commands that read or change a kiosk's state: with no folder named, the platform's folder must
 * exist too (it does once the kiosk has started as this user), or they would report an empty
 * kiosk. Authoring commands (build, sign, keygen, validate) run on machines without a kiosk.
 */
const readsKioskState = new Set([
  'pack trust',
  'pack install',
  'pack list',
  'pack rollback',
  'pack verify',
  'staff set-pin',
  'analytics export',
  'mode set',
  'mode show',
])

/** "pack list" for the `list` subcommand of `pack`. */
function commandPath(command: Command): string {
  const names: string[] = []
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name())
  return names.join(' ')
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/**
 * Before any command but `serve` and `pack init` runs: a `--data-dir` (or `SONGYUN_DATA_DIR`)
 * that names no folder is refused, so a typo never looks like an empty kiosk ("0 events",
 * "No packs are installed") and nothing is written into a new folder by mistake.
 */
export function requireDataDirBeforeEveryAction(program: Command): void {
  program.hook('preAction', (_program, action) => {
    const name = commandPath(action)
    if (mayCreateDataDir.has(name)) return
    const options = action.opts<{ dataDir?: string; fleet?: string }>()
    // `analytics export --fleet DIR` reads the fleet folder, not this kiosk's.
    if (name === 'analytics export' && options.fleet !== undefined) return
    const typed = options.dataDir
    const fromEnvironment = process.env.SONGYUN_DATA_DIR
    const dir = resolveDataDir(typed)
    if (isFolder(dir)) return
    if (typed) {
      throw new DataDirMissingError(
        `--data-dir ${typed}: there is no folder ${dir}; check the path (a kiosk's data folder holds settings.json, packs/ and logs/)`,
      )
    }
    if (fromEnvironment) {
      throw new DataDirMissingError(
        `SONGYUN_DATA_DIR=${fromEnvironment}: there is no folder ${dir}; check the path or unset it`,
      )
    }
    if (readsKioskState.has(name)) {
      throw new DataDirMissingError(
        `this user has no kiosk data folder (${dir}); run the command as the user the kiosk runs as, start the kiosk once, or name the folder with --data-dir`,
      )
    }
  })
}
