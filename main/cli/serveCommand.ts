import path from 'node:path'
import type { Command } from 'commander'
import { findAppRoot } from '../services/appPaths'
import { resolveDataDir } from '../services/dataDir'
import { createConsoleLogger } from '../services/logger'
import { startBrowserShell } from '../web/browserShell'
import { exitCodes, parsePort } from './cliOptions'
import { LogFileOpenedLater } from './logFileOpenedLater'

interface ServeOptions {
  readonly port: number
  readonly host: string
  readonly dataDir?: string
  /** `--media-root`, resolved; empty means the usual mount folders. */
  readonly mediaRoot: string[]
  /** `--allowed-host`: names the host answers to besides loopback and this machine's addresses. */
  readonly allowedHost: string[]
  /** `--allow-lan-staff`: answer staff requests from other machines. */
  readonly allowLanStaff?: boolean
  /** `--allow-first-pin`: let the browser set the first staff PIN of a fresh data folder. */
  readonly allowFirstPin?: boolean
}

/** `songyun serve`: the browser shell on a local port. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the kiosk to a browser on this machine (preview, tests, Chromium kiosks)')
    .option('--port <port>', 'TCP port (0 picks a free one)', parsePort, 5170)
    .option('--host <host>', 'address to bind; loopback unless you mean to share it', '127.0.0.1')
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .option(
      '--media-root <dir>',
      'a folder whose subfolders count as USB sticks, instead of the usual mount folders (repeatable)',
      (dir: string, previous: string[]) => [...previous, path.resolve(dir)],
      [] as string[],
    )
    .option(
      '--allowed-host <name>',
      'a host name browsers may use to reach the kiosk besides its addresses (repeatable)',
      (name: string, previous: string[]) => [...previous, name],
      [] as string[],
    )
    .option(
      '--allow-lan-staff',
      'answer staff PIN and admin requests from other machines too (they travel as plain HTTP)',
    )
    .option(
      '--allow-first-pin',
      'let the PIN pad in the browser set the first staff PIN (else: songyun staff set-pin)',
    )
    .action(async (options: ServeOptions) => {
      const dataDir = resolveDataDir(options.dataDir)
      const logFile = new LogFileOpenedLater()
      const logger = createConsoleLogger(200, (line) => logFile.writeLine(line))
      const shell = await startBrowserShell({
        appRoot: findAppRoot(),
        dataDir,
        host: options.host,
        port: options.port,
        logger,
        removableMediaRoots: options.mediaRoot.length > 0 ? options.mediaRoot : undefined,
        allowedHostNames: options.allowedHost,
        allowStaffOffLoopback: options.allowLanStaff === true,
        allowFirstPinOverHttp: options.allowFirstPin === true,
      })
      // `npm start` keeps the kiosk browser's profile in the data folder (scripts/start/kioskBrowser.mjs).
      void logFile.open(async () =>
        (await import('../services/rotatingLogFile')).openRotatingLogFile(dataDir),
      )
      process.stdout.write(`Data folder: ${dataDir}\n`)
      process.stdout.write(`Songyun Kiosk is served at ${shell.webHost.url}\n`)
      const stop = (exitCode: number) => {
        void shell
          .close()
          .then(() => logFile.close())
          .then(() => process.exit(exitCode))
      }
      process.once('SIGINT', () => stop(exitCodes.done))
      process.once('SIGTERM', () => stop(exitCodes.done))
      // The services finish starting after the host listens; a kiosk that cannot start must not
      // linger half alive, so it ends the way a failed start always did.
      shell.ready.catch((error: unknown) => {
        logger.error(`the kiosk could not start: ${(error as Error).message}`)
        stop(exitCodes.rejected)
      })
    })
}
