import { builtinPackSourceDir, rendererDistDir } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import type { KioskServices } from '../services/kioskServices'
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

/** A running browser shell: the host, and the services behind it once their code has loaded. */
export interface BrowserShell {
  readonly webHost: WebHost
  /** The services, once their code has loaded; they may still be starting (`ready`). */
  readonly services: Promise<KioskServices>
  /**
   * Settles once the services have loaded and started; rejects with the reason they could not,
   * after which the host answers every request with that error.
   */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/**
 * Starts the local host that serves the kiosk to a browser, then the services behind it. Returns
 * once the host listens, before the services' code has even loaded (most of the bundle): the
 * browser fetches the page and its scripts meanwhile, and requests wait for the services.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  let provideServices!: (services: Promise<KioskServices>) => void
  const services = new Promise<KioskServices>((resolve) => (provideServices = resolve))
  const webHost = await startWebHost({
    services,
    rendererDir: rendererDistDir(options.appRoot),
    host: options.host,
    port: options.port,
    logger: options.logger,
    allowedHostNames: options.allowedHostNames,
    allowStaffOffLoopback: options.allowStaffOffLoopback,
    allowFirstPinOverHttp: options.allowFirstPinOverHttp,
  })
  provideServices(beginServices(options))
  const ready = services.then((started) => started.ready)
  // Callers await `ready`; an unobserved failure must not end the process.
  ready.catch(() => undefined)
  return {
    webHost,
    services,
    ready,
    close: async () => {
      await webHost.close()
      // The schedule tick, inbox scan and session expiry stop with the host.
      const started = await services.catch(() => undefined)
      started?.dispose()
    },
  }
}

/** Loads the services' code and starts them (in the background: see `KioskServices.begin`). */
async function beginServices(options: BrowserShellOptions): Promise<KioskServices> {
  const [{ KioskServices }, { builtinPackLocation }] = await Promise.all([
    import('../services/kioskServices'),
    import('../services/packs/builtinPack'),
  ])
  return KioskServices.begin({
    dataDir: options.dataDir,
    appVersion: readAppVersion(options.appRoot),
    shell: 'browser',
    logger: options.logger,
    builtinPackDir: builtinPackSourceDir(options.appRoot),
    builtinPack: builtinPackLocation(options.appRoot),
    isDevelopment: process.env.SONGYUN_DEV === '1',
    removableMediaRoots: options.removableMediaRoots,
  })
}
