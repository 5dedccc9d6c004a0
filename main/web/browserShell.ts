import { builtinPackSourceDir, rendererDistDir } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { KioskServices } from '../services/kioskServices'
import { builtinPackLocation } from '../services/packs/builtinPack'
import type { Logger } from '../services/logger'
import { startWebHost, type WebHost } from './webHost'

export interface BrowserShellOptions {
  readonly appRoot: string
  readonly dataDir: string
  readonly host: string
  readonly port: number
  readonly logger: Logger
  /** Folders whose subfolders count as USB sticks, instead of the usual mount folders. */
  readonly removableMediaRoots?: readonly string[]
  /** Host names besides loopback and this machine's addresses that the host answers to. */
  readonly allowedHostNames?: readonly string[]
  /** Whether staff requests are answered from other machines (plain HTTP on the LAN). */
  readonly allowStaffOffLoopback?: boolean
  /** Whether the first staff PIN may be set from the browser (a fresh browser-shell kiosk). */
  readonly allowFirstPinOverHttp?: boolean
}

/** A running browser shell: the services and the host in front of them. */
export interface BrowserShell {
  readonly services: KioskServices
  readonly webHost: WebHost
  close(): Promise<void>
}

/**
 * Starts the local host that serves the kiosk to a browser, and the services behind it. Returns
 * once the host listens: the services go on starting (first start: the built-in pack's install)
 * while the browser loads the page, and requests wait for them (`services.ready`).
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const services = KioskServices.begin({
    dataDir: options.dataDir,
    appVersion: readAppVersion(options.appRoot),
    shell: 'browser',
    logger: options.logger,
    builtinPackDir: builtinPackSourceDir(options.appRoot),
    builtinPack: builtinPackLocation(options.appRoot),
    isDevelopment: process.env.SONGYUN_DEV === '1',
    removableMediaRoots: options.removableMediaRoots,
  })
  let webHost: WebHost
  try {
    webHost = await startWebHost({
      services,
      rendererDir: rendererDistDir(options.appRoot),
      host: options.host,
      port: options.port,
      allowedHostNames: options.allowedHostNames,
      allowStaffOffLoopback: options.allowStaffOffLoopback,
      allowFirstPinOverHttp: options.allowFirstPinOverHttp,
    })
  } catch (error) {
    services.dispose()
    throw error
  }
  return {
    services,
    webHost,
    close: async () => {
      await webHost.close()
      // The schedule tick, inbox scan and session expiry stop with the host.
      services.dispose()
    },
  }
}
