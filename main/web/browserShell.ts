import { builtinPackSourceDir, rendererDistDir } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import type { KioskServices } from '../services/kioskServices'
import type { Logger } from '../services/logger'
import type { FirstScreenData } from '../../src/contract/firstScreenData'
import type * as FirstScreenCacheModuleExports from './firstScreenDataCache'
import { answerFirstScreenChannels } from './firstScreenPage'
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
  let provideCachedData!: (data: Promise<FirstScreenData | undefined>) => void
  const cachedFirstScreenData = new Promise<FirstScreenData | undefined>(
    (resolve) => (provideCachedData = resolve),
  )
  const appVersion = readAppVersion(options.appRoot)
  const webHost = await startWebHost({
    services,
    rendererDir: rendererDistDir(options.appRoot),
    host: options.host,
    port: options.port,
    logger: options.logger,
    allowedHostNames: options.allowedHostNames,
    allowStaffOffLoopback: options.allowStaffOffLoopback,
    allowFirstPinOverHttp: options.allowFirstPinOverHttp,
    cachedFirstScreenData,
  })
  // The cache's reader (and zod) loads before the services' code, so the page completes first.
  const cacheModule = import('./firstScreenDataCache')
  provideCachedData(readCachedFirstScreenData(cacheModule, options, appVersion))
  provideServices(beginServices(options, appVersion))
  const ready = services.then((started) => started.ready)
  let isClosed = false
  let stopRefreshing = () => {}
  void ready
    .then(() => services)
    .then((started) =>
      refreshFirstScreenCache(cacheModule, started, options, appVersion, () => isClosed),
    )
    .then(
      (stop) => (stopRefreshing = stop),
      () => undefined,
    )
  // Callers await `ready`; an unobserved failure must not end the process.
  ready.catch(() => undefined)
  return {
    webHost,
    services,
    ready,
    close: async () => {
      isClosed = true
      stopRefreshing()
      await webHost.close()
      // The schedule tick, inbox scan and session expiry stop with the host.
      const started = await services.catch(() => undefined)
      started?.dispose()
    },
  }
}

/** Loads the services' code and starts them (in the background: see `KioskServices.begin`). */
async function beginServices(
  options: BrowserShellOptions,
  appVersion: string,
): Promise<KioskServices> {
  const [{ KioskServices }, { builtinPackLocation }] = await Promise.all([
    import('../services/kioskServices'),
    import('../services/packs/builtinPack'),
  ])
  return KioskServices.begin({
    dataDir: options.dataDir,
    appVersion,
    shell: 'browser',
    logger: options.logger,
    builtinPackDir: builtinPackSourceDir(options.appRoot),
    builtinPack: builtinPackLocation(options.appRoot),
    isDevelopment: process.env.SONGYUN_DEV === '1',
    removableMediaRoots: options.removableMediaRoots,
  })
}

type FirstScreenCacheModule = typeof FirstScreenCacheModuleExports

/** The last start's first-screen data when it is fresh for this data folder; else undefined. */
async function readCachedFirstScreenData(
  cacheModule: Promise<FirstScreenCacheModule>,
  options: BrowserShellOptions,
  appVersion: string,
): Promise<FirstScreenData | undefined> {
  try {
    const { readFirstScreenCache } = await cacheModule
    const read = await readFirstScreenCache(options.dataDir, appVersion, Date.now())
    if ('data' in read) return read.data
    options.logger.info(
      `first screen: no usable cache (${read.miss}); the page waits for the services`,
    )
  } catch (error) {
    options.logger.warn(`first screen: the cache could not be read: ${(error as Error).message}`)
  }
  return undefined
}

/**
 * After each successful start, and after each change of the settings, mode or packs, writes the
 * first screen's answers for the next start (main/web/firstScreenDataCache.ts).
 */
async function refreshFirstScreenCache(
  cacheModule: Promise<FirstScreenCacheModule>,
  services: KioskServices,
  options: BrowserShellOptions,
  appVersion: string,
  isStopped: () => boolean,
): Promise<() => void> {
  const { firstScreenSourceKey, writeFirstScreenCache } = await cacheModule
  const write = async () => {
    try {
      const key = await firstScreenSourceKey(options.dataDir, appVersion)
      await writeFirstScreenCache(options.dataDir, key, await answerFirstScreenChannels(services))
    } catch (error) {
      options.logger.warn(
        `first screen: the cache could not be written: ${(error as Error).message}`,
      )
    }
  }
  await write()
  if (isStopped()) return () => {}
  let pending: NodeJS.Timeout | undefined
  const stopListening = services.events.onAny((event) => {
    if (!firstScreenChangeEvents.has(event) || pending) return
    // A burst of changes (an install's settings and packs events) is written once.
    pending = setTimeout(() => {
      pending = undefined
      void write()
    }, 200)
    pending.unref()
  })
  return () => {
    stopListening()
    clearTimeout(pending)
  }
}

/** The events after which the first screen's answers may differ. */
const firstScreenChangeEvents: ReadonlySet<string> = new Set([
  'settings:changed',
  'mode:changed',
  'packs:changed',
])
