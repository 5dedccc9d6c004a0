import { builtinPackSourceDir, rendererDistDir } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import type { KioskServices } from '../services/kioskServices'
import type { Logger } from '../services/logger'
import type { FirstScreenData } from '../../src/contract/firstScreenData'
import type * as FirstScreenCacheModuleExports from './firstScreenDataCache'
import { answerFirstScreenChannels } from './firstScreenPage'
import {
  defaultServicesStartTiming,
  ServicesStartGate,
  type ServicesStartTiming,
} from './servicesStartGate'
import { FirstScreenSourceWatch } from './firstScreenSourceWatch'
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
  /**
   * When the services start after a first page sent from the cache, if no request needs them
   * sooner (main/web/servicesStartGate.ts); tests shorten it.
   */
  readonly servicesStartTiming?: ServicesStartTiming
}

/** A running browser shell: the host, and the services behind it once their code has loaded. */
export interface BrowserShell {
  readonly webHost: WebHost
  /** The services, once their code has loaded; they may still be starting (`ready`). */
  readonly services: Promise<KioskServices>
  /**
   * Whether the services' code has begun loading: at once without a usable first-screen cache;
   * with one, once a request needs them or the first page's requests have gone quiet.
   */
  readonly hasServicesStartBegun: boolean
  /**
   * Settles once the services have loaded and started; rejects with the reason they could not,
   * after which the host answers every request with that error.
   */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/**
 * Starts the local host that serves the kiosk to a browser, then the services behind it. Returns
 * once the host listens, before the services' code has even loaded (most of the bundle). With a
 * fresh first-screen cache the services' code loads only once a request needs it or the first
 * page's requests have gone quiet, so it does not compile beside the browser opening the page
 * (docs/performance.md "Start-up"); without one it loads at once, and the page waits for it.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const appVersion = readAppVersion(options.appRoot)
  const servicesGate = new ServicesStartGate(() => beginServices(options, appVersion))
  const services = servicesGate.loaded
  // The cache's reader (and zod) loads before the services' code, so the page completes first.
  const cacheModule = import('./firstScreenDataCache')
  // Watched from before the read's check: a settings or pack change made on disk since (by the
  // CLI, before the services watch the folder) is never sent from the old cache, and a page
  // sent from it asks the watch rather than the disk (main/web/firstScreenSourceWatch.ts).
  const sourceWatch = FirstScreenSourceWatch.start(options.dataDir)
  const cacheRead = readCachedFirstScreen(cacheModule, options, appVersion, sourceWatch)
  const cachedFirstScreenData = async () => {
    const cache = await cacheRead
    return cache && (await cache.isFresh()) ? cache.data : undefined
  }
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
    onServicesNeeded: () => servicesGate.open(),
  })
  servicesGate.armOn(webHost.server, options.servicesStartTiming ?? defaultServicesStartTiming)
  // Without a usable cache the page waits for the services: nothing to hold them back for.
  void cacheRead.then((cache) => {
    if (cache) return
    sourceWatch.dispose()
    servicesGate.open()
  })
  const ready = services.then((started) => started.ready)
  // Ready services answer the pages and follow the files themselves: the watch has done its part.
  void ready.then(
    () => sourceWatch.dispose(),
    () => sourceWatch.dispose(),
  )
  let isClosed = false
  let stopRefreshing = () => {}
  const cacheWritesInFlight = new Set<Promise<void>>()
  void ready
    .then(() => services)
    .then((started) =>
      refreshFirstScreenCache(cacheModule, started, options, appVersion, {
        isStopped: () => isClosed,
        writesInFlight: cacheWritesInFlight,
      }),
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
    get hasServicesStartBegun() {
      return servicesGate.isOpen
    },
    ready,
    close: async () => {
      isClosed = true
      stopRefreshing()
      sourceWatch.dispose()
      // Services not begun by now are never begun (nothing awaits them any more).
      servicesGate.dispose()
      await webHost.close()
      if (!servicesGate.isOpen) return
      // The schedule tick, inbox scan and session expiry stop with the host.
      const started = await services.catch(() => undefined)
      // A cache write under way finishes first: nothing is written into the folder after close.
      await Promise.all(cacheWritesInFlight)
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

/** A first-screen cache read at the start, and how to ask whether it still answers now. */
interface CachedFirstScreen {
  readonly data: FirstScreenData
  isFresh(): Promise<boolean>
}

/** The last start's first-screen cache when it is valid and fresh for this data folder; else undefined. */
async function readCachedFirstScreen(
  cacheModule: Promise<FirstScreenCacheModule>,
  options: BrowserShellOptions,
  appVersion: string,
  sourceWatch: FirstScreenSourceWatch,
): Promise<CachedFirstScreen | undefined> {
  try {
    const { readFirstScreenCacheFile, isFirstScreenCacheFresh, isBeforeScheduleChange } =
      await cacheModule
    const read = await readFirstScreenCacheFile(options.dataDir)
    const cache = 'cache' in read ? read.cache : undefined
    const isFreshOnDisk = () =>
      cache
        ? isFirstScreenCacheFresh(options.dataDir, appVersion, cache, Date.now())
        : Promise.resolve(false)
    if (cache && (await isFreshOnDisk())) {
      // After this check the watch tells of any change; only an unreliable one needs the disk.
      const isFresh = () =>
        sourceWatch.isCacheStillFresh(isFreshOnDisk, () =>
          isBeforeScheduleChange(cache, Date.now()),
        )
      return { data: cache.data, isFresh }
    }
    options.logger.info(
      `first screen: no usable cache (${'miss' in read ? read.miss : 'stale'}); the page waits for the services`,
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
  writing: {
    readonly isStopped: () => boolean
    /** Each write while it is under way (the shell's close waits for them). */
    readonly writesInFlight: Set<Promise<void>>
  },
): Promise<() => void> {
  const { isStopped, writesInFlight } = writing
  const { firstScreenSourceKey, writeFirstScreenCache } = await cacheModule
  const writeOnce = async () => {
    try {
      const key = await firstScreenSourceKey(options.dataDir, appVersion)
      await writeFirstScreenCache(options.dataDir, key, await answerFirstScreenChannels(services))
    } catch (error) {
      options.logger.warn(
        `first screen: the cache could not be written: ${(error as Error).message}`,
      )
    }
  }
  const write = async () => {
    if (isStopped()) return
    const written = writeOnce()
    writesInFlight.add(written)
    await written
    writesInFlight.delete(written)
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
