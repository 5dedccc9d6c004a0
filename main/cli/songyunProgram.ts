import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { findAppRoot } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { exitCodes } from './cliOptions'
import { DataDirMissingError, requireDataDirBeforeEveryAction } from './dataDirOption'

/** Where the CLI runs from: the repository (`bin/songyun.mjs`) or an installed kiosk's app.asar. */
export interface CliHost {
  /** The folder holding the app's package.json (its version is the one packs are checked against). */
  readonly appRoot: string
}

/** The CLI as the repository runs it: the app root found above this module. */
export function repositoryCliHost(): CliHost {
  return { appRoot: findAppRoot() }
}

type RegisterCommand = (program: Command, host: CliHost) => void

/**
 * Each top-level command's module, imported only when it is needed: `songyun serve` must listen
 * before the services' code has loaded (the bundle is split at these imports, scripts/buildMain.mjs),
 * so the other commands' modules, which import the services statically, stay unloaded for it.
 */
const commandModules: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  serve: async () => (await import('./serveCommand')).registerServeCommand,
  pack: async () => {
    const [{ registerPackCommand }, { registerAddTrackCommand }] = await Promise.all([
      import('./packCommand'),
      import('./addTrackCommand'),
    ])
    return (program, host) => {
      registerPackCommand(program, host)
      registerAddTrackCommand(program)
    }
  },
  staff: async () => (await import('./staffCommand')).registerStaffCommand,
  analytics: async () => (await import('./analyticsCommand')).registerAnalyticsCommand,
  mode: async () => (await import('./modeCommand')).registerModeCommand,
  fleet: async () => (await import('./fleetCommand')).registerFleetCommand,
}

/**
 * Builds the `songyun` program; each area registers its own commands. Given the command line, it
 * registers only the command it names (all of them for help, a typo or no command).
 */
export async function createProgram(
  argv?: readonly string[],
  host: CliHost = repositoryCliHost(),
): Promise<Command> {
  const program = new Command('songyun')
    .description('宋韵展台 Songyun Kiosk: serve the kiosk and manage its content')
    .version(readAppVersion(host.appRoot))
    .showHelpAfterError()
    .exitOverride()
  const named = argv?.[2]
  const loaders =
    named !== undefined && Object.hasOwn(commandModules, named)
      ? [commandModules[named]!]
      : Object.values(commandModules)
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, host)
  requireDataDirBeforeEveryAction(program)
  return program
}

/**
 * Runs the CLI and returns its exit code (docs/content-pack-format.md: 0 done, 1 rejected or broken, 2 the
 * command line is wrong), never with a stack trace. `argv` is process.argv's shape: two leading
 * entries (the runtime and the script), then the user's words.
 */
export async function runCli(
  argv: readonly string[],
  host: CliHost = repositoryCliHost(),
): Promise<number> {
  process.exitCode = undefined
  try {
    const program = await createProgram(argv, host)
    await program.parseAsync(argv)
  } catch (error) {
    // Thrown by an action (InvalidArgumentError is a CommanderError commander has not printed).
    if (error instanceof DataDirMissingError || error instanceof InvalidArgumentError) {
      process.stderr.write(`songyun: ${error.message}\n`)
      process.exitCode = exitCodes.usage
    } else if (error instanceof CommanderError) {
      // Commander has printed the usage error already.
      const isHelpOrVersion =
        error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      process.exitCode = isHelpOrVersion || error.exitCode === 0 ? exitCodes.done : exitCodes.usage
    } else {
      process.stderr.write(`songyun: ${(error as Error).message}\n`)
      process.exitCode = exitCodes.rejected
    }
  }
  return Number(process.exitCode ?? exitCodes.done)
}
