import { app } from 'electron'

/**
 * Chromium and Node switches that open the app to a debugger or to other code. A packaged kiosk
 * drops them before the app is ready (when Chromium reads them), so a shortcut edited by a
 * visitor or a stray launcher cannot attach to the kiosk.
 */
export const debuggingSwitches: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'js-flags',
]

/** Drops the debugging switches when packaged; returns the ones that were given and dropped. */
export function refuseDebuggingWhenPackaged(): string[] {
  if (!app.isPackaged) return []
  const dropped = debuggingSwitches.filter((name) => app.commandLine.hasSwitch(name))
  for (const name of dropped) app.commandLine.removeSwitch(name)
  return dropped
}

/**
 * The data folder given on the command line (`--data-dir=DIR`), honoured only in development:
 * a packaged kiosk takes `SONGYUN_DATA_DIR` (the operator's setting) or the app-data folder.
 */
export function dataDirArgument(argv: readonly string[], isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  return argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length)
}
