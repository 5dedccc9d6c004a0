/**
 * The Electron shell's composition root: a checklist of small hardening modules, then the
 * services and the kiosk window. Everything else lives in main/services and is shared with the
 * browser shell.
 */
import path from 'node:path'
import { app, type BrowserWindow } from 'electron'
import { rendererDistDir } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { resolveDataDir } from '../services/dataDir'
import { KioskServices } from '../services/kioskServices'
import { createConsoleLogger } from '../services/logger'
import { openRotatingLogFile } from '../services/rotatingLogFile'
import { answerCliIfAsked } from './answerCli'
import { appEntryUrl } from './appSchemes'
import { bindContractToIpc } from './bindContractToIpc'
import { createKioskWindow, isDevtoolsAllowed } from './createKioskWindow'
import { denyPermissions } from './denyPermissions'
import { disallowSecondInstance } from './disallowSecondInstance'
import { keepDisplayAwake } from './keepDisplayAwake'
import { locatePackagedApp } from './locatePackagedApp'
import { lockNavigation } from './lockNavigation'
import { electronKeepsakePdfRenderer } from './electronKeepsakePdf'
import { registerPrivilegedSchemes } from './registerPrivilegedSchemes'
import { recoverLostChildProcess } from './recoverLostChildProcess'
import { recycleRendererInAttract } from './recycleRendererInAttract'
import { relaunchCrashedRenderer } from './relaunchCrashedRenderer'
import { removeApplicationMenu } from './removeApplicationMenu'
import { serveAppProtocols } from './serveAppProtocols'
import { dataDirArgument, refuseDebuggingWhenPackaged } from './refuseDebuggingWhenPackaged'

/** Starts the kiosk in Electron; run at the end of this file when Electron loads it. */
async function startElectronShell(argv: readonly string[] = process.argv): Promise<void> {
  const droppedSwitches = refuseDebuggingWhenPackaged()
  const dataDir = resolveDataDir(dataDirArgument(argv, app.isPackaged))
  const logFile = openRotatingLogFile(dataDir)
  const logger = createConsoleLogger(200, (line) => logFile.writeLine(line))
  if (droppedSwitches.length > 0) {
    logger.warn(
      `electron: a packaged kiosk ignores ${droppedSwitches.map((name) => `--${name}`).join(', ')}`,
    )
  }
  // Set once the window exists; the second-instance and IPC hooks are registered before that.
  const kioskWindow: { current?: BrowserWindow } = {}
  if (!disallowSecondInstance(() => kioskWindow.current?.focus())) return
  registerPrivilegedSchemes()
  lockNavigation()
  await app.whenReady()
  removeApplicationMenu()
  denyPermissions()
  keepDisplayAwake()

  const { appRoot, builtinPackDir } = locatePackagedApp({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  })
  // The window opens on index.html's starting screen at once while the services finish starting
  // (a first start installs the built-in pack); requests and pack media wait for them.
  const services = KioskServices.begin({
    dataDir,
    appVersion: readAppVersion(appRoot),
    shell: 'electron',
    logger,
    builtinPackDir,
    keepsakePdfRenderer: electronKeepsakePdfRenderer(),
  })
  // A kiosk that cannot start must not linger half alive: the session's supervisor restarts it.
  services.ready.catch((error: unknown) => {
    logger.error(`the kiosk could not start: ${(error as Error).message}`)
    app.exit(1)
  })
  serveAppProtocols(rendererDistDir(appRoot), services)
  bindContractToIpc(services, () => kioskWindow.current)

  const window = createKioskWindow(
    path.join(appRoot, 'out', 'preload', 'preload.cjs'),
    isDevtoolsAllowed(argv, process.env, app.isPackaged),
  )
  kioskWindow.current = window
  relaunchCrashedRenderer(window, logger)
  recoverLostChildProcess(
    logger,
    recycleRendererInAttract(window, logger, () => !services.mode.isVisitInProgress),
  )
  await window.loadURL(appEntryUrl)
  app.on('window-all-closed', () => app.quit())
  app.once('will-quit', () => void logFile.close())
}

if (process.versions.electron) {
  // `songyun-kiosk pack list` (or the `songyun` wrapper) answers the CLI; otherwise the kiosk starts.
  answerCliIfAsked()
    .then((wasCommand) => (wasCommand ? undefined : startElectronShell()))
    .catch((error: unknown) => {
      process.stderr.write(
        `songyun: the kiosk could not start: ${(error as Error).stack ?? String(error)}\n`,
      )
      app.exit(1)
    })
}
