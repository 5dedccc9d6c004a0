import { Command, CommanderError, InvalidArgumentError } from 'commander'
import { findAppRoot } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { registerAnalyticsCommand } from './analyticsCommand'
import { exitCodes } from './cliOptions'
import { DataDirMissingError, requireDataDirBeforeEveryAction } from './dataDirOption'
import { registerFleetCommand } from './fleetCommand'
import { registerModeCommand } from './modeCommand'
import { registerPackCommand } from './packCommand'
import { registerServeCommand } from './serveCommand'
import { registerStaffCommand } from './staffCommand'

/** Where the CLI runs from: the repository (`bin/songyun.mjs`) or an installed kiosk's app.asar. */
export interface CliHost {
  /** The folder holding the app's package.json (its version is the one packs are checked against). */
  readonly appRoot: string
}

/** The CLI as the repository runs it: the app root found above this module. */
export function repositoryCliHost(): CliHost {
  return { appRoot: findAppRoot() }
}

/** Builds the `songyun` program; each area registers its own commands. */
export function createProgram(host: CliHost = repositoryCliHost()): Command {
  const program = new Command('songyun')
    .description('宋韵展台 Songyun Kiosk: serve the kiosk and manage its content')
    .version(readAppVersion(host.appRoot))
    .showHelpAfterError()
    .exitOverride()
  registerServeCommand(program)
  registerPackCommand(program, host)
  registerStaffCommand(program)
  registerAnalyticsCommand(program)
  registerModeCommand(program, host)
  registerFleetCommand(program)
  requireDataDirBeforeEveryAction(program)
  return program
}

/**
 * Runs the CLI and returns its exit code (content-pack.md: 0 done, 1 rejected or broken, 2 the
 * command line is wrong), never with a stack trace. `argv` is process.argv's shape: two leading
 * entries (the runtime and the script), then the user's words.
 */
export async function runCli(
  argv: readonly string[],
  host: CliHost = repositoryCliHost(),
): Promise<number> {
  process.exitCode = undefined
  try {
    const program = createProgram(host)
    await program.parseAsync(argv as string[])
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
