import { Command, CommanderError } from 'commander'
import { findAppRoot } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { exitCodes } from './cliOptions'

type RegisterCommand = (program: Command) => void

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
    return (program) => {
      registerPackCommand(program)
      registerAddTrackCommand(program)
    }
  },
  staff: async () => (await import('./staffCommand')).registerStaffCommand,
  analytics: async () => (await import('./analyticsCommand')).registerAnalyticsCommand,
  fleet: async () => (await import('./fleetCommand')).registerFleetCommand,
}

/**
 * Builds the `songyun` program; each area registers its own commands. Given the command line, it
 * registers only the command it names (all of them for help, a typo or no command).
 */
export async function createProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('songyun')
    .description('宋韵展台 Songyun Kiosk: serve the kiosk and manage its content')
    .version(readAppVersion(findAppRoot()))
    .showHelpAfterError()
    .exitOverride()
  const named = argv?.[2]
  const loaders =
    named !== undefined && Object.hasOwn(commandModules, named)
      ? [commandModules[named]!]
      : Object.values(commandModules)
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program)
  return program
}

/** Runs the CLI; usage errors exit 2 (content-pack.md), never with a stack trace. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    const program = await createProgram(argv)
    await program.parseAsync(argv as string[])
  } catch (error) {
    if (error instanceof CommanderError) {
      const isHelpOrVersion =
        error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      process.exitCode = isHelpOrVersion || error.exitCode === 0 ? exitCodes.done : exitCodes.usage
      return
    }
    process.stderr.write(`songyun: ${(error as Error).message}\n`)
    process.exitCode = exitCodes.rejected
  }
}

await runCli(process.argv)
