import { app } from 'electron'
import { runCli } from '../cli/songyunProgram'
import { locatePackagedApp } from './locatePackagedApp'

/**
 * The first words that make the app a command instead of the kiosk: an installed kiosk has no
 * Node.js (the runAsNode fuse is off), so its own executable answers `songyun` commands. `serve`
 * is not among them: the installed app is the kiosk itself.
 */
export const cliCommandWords: ReadonlySet<string> = new Set([
  'pack',
  'staff',
  'analytics',
  'mode',
  'fleet',
  'help',
])

/** Switches that ask the CLI something even without a command word. */
const cliOnlySwitches: ReadonlySet<string> = new Set(['--help', '-h', '--version', '-V'])

/**
 * The command's words when the app was started as one (`songyun-kiosk pack list --json`, or
 * the `songyun` wrapper beside it), else `undefined`. Chromium switches before the command (the
 * wrapper's `--ozone-platform=headless`) and, unpackaged, the app folder (`electron .`) are
 * skipped; everything from the command word on is the user's.
 */
export function cliWordsOf(argv: readonly string[], isPackaged: boolean): string[] | undefined {
  const rest = argv.slice(isPackaged ? 1 : 2)
  const commandAt = rest.findIndex((word) => !word.startsWith('-'))
  if (commandAt < 0) {
    // `songyun --help` and `songyun --version` are the CLI's too, not a start of the kiosk.
    const asked = rest.find((word) => cliOnlySwitches.has(word))
    return asked ? [asked] : undefined
  }
  if (!cliCommandWords.has(rest[commandAt]!)) return undefined
  return rest.slice(commandAt)
}

/**
 * Runs the CLI inside the Electron main process and ends the process with its exit code, before
 * any window, lock or log file of the kiosk exists, so it runs beside a running kiosk. Returns
 * false (and does nothing) when the app was not started as a command.
 */
export async function answerCliIfAsked(argv: readonly string[] = process.argv): Promise<boolean> {
  const words = cliWordsOf(argv, app.isPackaged)
  if (!words) return false
  const { appRoot } = locatePackagedApp({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  })
  const exitCode = await runCli(['songyun-kiosk', 'songyun', ...words], { appRoot })
  // Let what was written reach a pipe or console before the process ends.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()))
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()))
  app.exit(exitCode)
  return true
}
