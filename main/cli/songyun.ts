import { Command, CommanderError } from 'commander'
import { findAppRoot } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { exitCodes } from './cliOptions'
import { registerServeCommand } from './serveCommand'
import { registerPackCommand } from './packCommand'
import { registerStaffCommand } from './staffCommand'
import { registerAnalyticsCommand } from './analyticsCommand'
import { registerAddTrackCommand } from './addTrackCommand'
import { registerFleetCommand } from './fleetCommand'

/** Builds the `songyun` program; each area registers its own commands. */
export function createProgram(): Command {
  const program = new Command('songyun')
    .description('宋韵展台 Songyun Kiosk: serve the kiosk and manage its content')
    .version(readAppVersion(findAppRoot()))
    .showHelpAfterError()
    .exitOverride()
  registerServeCommand(program)
  registerPackCommand(program)
  registerAddTrackCommand(program)
  registerStaffCommand(program)
  registerAnalyticsCommand(program)
  registerFleetCommand(program)
  return program
}

/** Runs the CLI; usage errors exit 2 (content-pack.md), never with a stack trace. */
export async function runCli(argv: readonly string[]): Promise<void> {
  const program = createProgram()
  try {
    await program.parseAsync(argv as string[])
  } catch (error) {
    if (error instanceof CommanderError) {
      const isHelpOrVersion = error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      process.exitCode = isHelpOrVersion || error.exitCode === 0 ? exitCodes.done : exitCodes.usage
      return
    }
    process.stderr.write(`songyun: ${(error as Error).message}\n`)
    process.exitCode = exitCodes.rejected
  }
}

await runCli(process.argv)
