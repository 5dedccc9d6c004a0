import { type Command, InvalidArgumentError } from 'commander'
import { kioskModes, type KioskMode } from '../../src/settings/settingsSchema'
import { systemClock } from '../../src/time/clock'
import { readAppVersion } from '../services/appVersion'
import { ChangeLog } from '../services/changeLog'
import { ContentService } from '../services/contentService'
import { resolveDataDir } from '../services/dataDir'
import { EventBus } from '../services/eventBus'
import { silentLogger } from '../services/logger'
import { ModeService, systemTimeZone } from '../services/mode/modeService'
import { PackStore } from '../services/packs/packStore'
import { SettingsService } from '../services/settingsService'
import { exitCodes } from './cliOptions'
import type { CliHost } from './songyunProgram'

interface ModeOptions {
  readonly dataDir?: string
  readonly json?: boolean
}

function parseMode(value: string): KioskMode {
  if (!(kioskModes as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`"${value}" is not a mode; use one of: ${kioskModes.join(', ')}`)
  }
  return value as KioskMode
}

/**
 * The kiosk's mode as the admin screen's 模式 Mode sets it, kept in settings.json (so it survives
 * a restart; a running kiosk notices the file change within seconds).
 */
async function openModeService(dataDir: string, host: CliHost) {
  const settings = new SettingsService(dataDir, new EventBus(), silentLogger, systemClock)
  await settings.load()
  const content = new ContentService(
    new PackStore({
      dataDir,
      appVersion: readAppVersion(host.appRoot),
      clock: systemClock,
      logger: silentLogger,
    }),
  )
  const exhibitIds = async () =>
    (await content.getContent()).exhibits.map(({ exhibit }) => exhibit.id)
  const mode = new ModeService(
    settings,
    new EventBus(),
    systemClock,
    silentLogger,
    async (exhibitId) => (await exhibitIds()).includes(exhibitId),
    settings.settings.timeZone ?? systemTimeZone(),
  )
  return { mode, exhibitIds }
}

function describeState(state: ReturnType<ModeService['state']>): string {
  const configured = `${state.configuredMode}${state.singleExhibit && state.configuredMode === 'single-exhibit' ? ` (exhibit ${state.singleExhibit})` : ''}`
  return state.isClosedByHours
    ? `mode: ${configured}; closed now by the opening hours (${state.timeZone})`
    : `mode: ${configured}`
}

/** `songyun mode set|show`: the kiosk mode from a terminal. */
export function registerModeCommand(program: Command, host: CliHost): void {
  const mode = program
    .command('mode')
    .description('the kiosk mode: open, closed, or single-exhibit')
  mode
    .command('show')
    .description('the mode staff set, and whether the opening hours close the kiosk now')
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .option('--json', 'print a machine-readable result on stdout')
    .action(async (options: ModeOptions) => {
      const { mode: service } = await openModeService(resolveDataDir(options.dataDir), host)
      const state = service.state()
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ ok: true, result: state }, null, 2)}\n`
          : `${describeState(state)}\n`,
      )
    })
  mode
    .command('set <mode>')
    .description(`switch the kiosk to ${kioskModes.join(' | ')}; kept across restarts`)
    .option(
      '--exhibit <id>',
      'the exhibit for single-exhibit mode (see `songyun mode set single-exhibit` for the ids)',
    )
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .option('--json', 'print a machine-readable result on stdout')
    .action(async (modeName: string, options: ModeOptions & { exhibit?: string }) => {
      const chosen = parseMode(modeName)
      const dataDir = resolveDataDir(options.dataDir)
      if (chosen !== 'single-exhibit' && options.exhibit !== undefined) {
        throw new InvalidArgumentError(
          `--exhibit goes with single-exhibit only; drop it, or use: songyun mode set single-exhibit --exhibit ${options.exhibit}`,
        )
      }
      const { mode: service, exhibitIds } = await openModeService(dataDir, host)
      if (chosen === 'single-exhibit') {
        const ids = await exhibitIds()
        if (options.exhibit === undefined || !ids.includes(options.exhibit)) {
          const choices = ids.length > 0 ? ids.join(', ') : '(no exhibits: install a pack first)'
          process.stderr.write(
            `songyun: ${options.exhibit === undefined ? 'single-exhibit needs --exhibit ID' : `--exhibit ${options.exhibit}: no exhibit with this id in the active packs`}; the exhibits are: ${choices}\n`,
          )
          process.exitCode = exitCodes.usage
          return
        }
      }
      const state = await service.setMode(
        chosen === 'single-exhibit'
          ? { mode: chosen, singleExhibit: options.exhibit }
          : { mode: chosen },
      )
      await new ChangeLog(dataDir, systemClock, silentLogger).record(
        'terminal',
        `mode set to ${chosen}${chosen === 'single-exhibit' ? ` (${options.exhibit})` : ''}`,
      )
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ ok: true, result: state }, null, 2)}\n`
          : `${describeState(state)}\n`,
      )
    })
}
