import { randomUUID } from 'node:crypto'
import { type Stats, unwatchFile, watchFile } from 'node:fs'
import path from 'node:path'
import type { RequestHandlers } from '../../src/contract/contract'
import type { ShellKind } from '../../src/contract/areas/app'
import { systemClock, type Clock } from '../../src/time/clock'
import { AnalyticsService } from './analyticsService'
import { ContentService, type ActivePackSource } from './contentService'
import { EventBus } from './eventBus'
import type { Logger } from './logger'
import { dispatchRequest, type DispatchOutcome } from './requestDispatcher'
import { SettingsService } from './settingsService'
import { StaffAccessService } from './staff/staffAccessService'
import { ModeService, systemTimeZone } from './mode/modeService'
import { exportAnalyticsCsv, summarizeAnalyticsFolder } from './analytics/analyticsLog'
import { listRemovableVolumes, type RemovableMediaLookup } from './removableMedia'
import { collectServiceDiagnostics } from './diagnosticsReport'
import { ChangeLog } from './changeLog'
import { describeInstall, describeRollback } from './changeDescriptions'
import { InboxService } from './inbox/inboxService'
import { preparePrivateDataFolder } from './privateDataFolder'
import type { RequestContext } from '../../src/contract/contract'
import { RequestError } from '../../src/contract/requestError'
import type { PackInstallPhase } from '../../src/contract/areas/packs'
import { PackStore } from './packs/packStore'
import {
  builtinPackBesideSources,
  ensureBuiltinPack,
  type BuiltinPackLocation,
} from './packs/builtinPack'
import { findPackSources } from './packs/packSources'
import { loadTrustedKeys } from './packs/trustedKeys'
import { FleetService, fleetTimingFromEnvironment, type FleetTiming } from './fleet/fleetService'
import { defaultKioskId, installationIdOf } from './fleet/fleetFolder'
import type { FleetAction } from '../../src/fleet/fleetCommand'
import { KeepsakeService } from './keepsake/keepsakeService'
import { chromiumPdfRenderer, type KeepsakePdfRenderer } from './keepsake/keepsakePdf'
import { runCommandWithExecFile, type CommandRunner } from './commandRunner'
import { heartbeatPrinterState } from '../../src/keepsake/printerState'

/** What the composition root needs to build the services. */
export interface KioskServicesOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly shell: ShellKind
  readonly logger: Logger
  readonly clock?: Clock
  /** Where active packs come from; by default the pack store of the data folder. */
  readonly packSource?: ActivePackSource
  /** The built-in pack's source folder (installed from when no built archive is given). */
  readonly builtinPackDir: string
  /** The built-in pack's signed archive and key (`builtinPackLocation(appRoot)`). */
  readonly builtinPack?: BuiltinPackLocation
  readonly isDevelopment?: boolean
  /** The IANA zone the hours are read in when `settings.timeZone` is absent; by default the machine's. */
  readonly timeZone?: string
  /**
   * Where USB sticks are mounted; by default the usual mount folders, where only mount points
   * count (on Windows, the removable drives). Given roots (`songyun serve --media-root`) count every folder directly under them.
   */
  readonly removableMediaRoots?: readonly string[]
  /** Which system is asked for USB sticks, and how; by default this computer (tests fake Windows). */
  readonly removableMediaSystem?: Pick<RemovableMediaLookup, 'platform' | 'runCommand'>
  /** How often the fleet folder is looked at and reported to (tests shorten it). */
  readonly fleetTiming?: FleetTiming
  /** How the keepsake card becomes a PDF: by default the kiosk's Chromium headless. */
  readonly keepsakePdfRenderer?: KeepsakePdfRenderer
  /** Runs `lp`/`lpstat` and Chromium for keepsakes (tests answer for them). */
  readonly keepsakeCommandRunner?: CommandRunner
}

/**
 * Every Node service of the kiosk, wired together once per process; both shells are thin
 * adapters over {@link KioskServices.dispatch} and {@link KioskServices.events}.
 */
export class KioskServices {
  readonly events = new EventBus()
  readonly clock: Clock
  readonly settings: SettingsService
  readonly content: ContentService
  /** The installed packs of the data folder (docs/content-pack-format.md). */
  readonly packs: PackStore
  readonly analytics: AnalyticsService
  readonly staff: StaffAccessService
  readonly mode: ModeService
  readonly inbox: InboxService
  /** What operators changed, from any surface (`<data>/logs/changes.log`). */
  readonly changes: ChangeLog
  /** The venue's shared fleet folder, when `settings.fleetDir` names one (docs/fleet.md). */
  fleet: FleetService | undefined
  /** The keepsake printer, its limits and the day's cards (docs/operators.md). */
  readonly keepsake: KeepsakeService
  readonly startedAtMs: number
  #lastVisitAtMs: number | null = null
  readonly handlers: RequestHandlers

  private constructor(readonly options: KioskServicesOptions) {
    this.clock = options.clock ?? systemClock
    this.startedAtMs = this.clock.nowMs()
    this.settings = new SettingsService(options.dataDir, this.events, options.logger, this.clock)
    this.changes = new ChangeLog(options.dataDir, this.clock, options.logger)
    this.packs = new PackStore({
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      clock: this.clock,
      logger: options.logger,
    })
    this.content = new ContentService(options.packSource ?? this.packs)
    this.analytics = new AnalyticsService(options.dataDir, this.clock)
    this.staff = new StaffAccessService(options.dataDir, this.clock, this.events, options.logger, {
      sessionIdleMs: () => this.settings.settings.staffSessionIdleSeconds * 1000,
    })
    this.mode = new ModeService(
      this.settings,
      this.events,
      this.clock,
      options.logger,
      async (exhibitId) =>
        (await this.content.getContent()).exhibits.some(({ exhibit }) => exhibit.id === exhibitId),
      options.timeZone ?? systemTimeZone(),
    )
    this.inbox = new InboxService(
      options.dataDir,
      (archivePath) => this.#installInBackground(archivePath, 'inbox'),
      this.mode,
      this.clock,
      options.logger,
    )
    this.keepsake = new KeepsakeService({
      dataDir: options.dataDir,
      clock: this.clock,
      logger: options.logger,
      settings: () => this.settings.settings,
      timeZone: () => this.mode.timeZone,
      activePacks: () => this.content.activePacks(),
      record: (event) => this.analytics.record(event),
      runCommand: options.keepsakeCommandRunner ?? runCommandWithExecFile,
      renderPdf:
        options.keepsakePdfRenderer ??
        chromiumPdfRenderer(options.keepsakeCommandRunner ?? runCommandWithExecFile),
    })
    this.handlers = this.#createHandlers()
  }

  /** Creates the data folder if needed and loads what the services need before the first request. */
  static async start(options: KioskServicesOptions): Promise<KioskServices> {
    const services = KioskServices.begin(options)
    await services.ready
    return services
  }

  /**
   * Builds the services and starts them in the background, so a shell can listen at once: every
   * request and pack media read waits for {@link ready} (the built-in pack's first install, the
   * settings), and reports a start that failed as an error instead of answering from half a kiosk.
   */
  static begin(options: KioskServicesOptions): KioskServices {
    const services = new KioskServices(options)
    services.#ready = services.#start()
    // Callers await `ready` or a request does; an unobserved failure must not end the process.
    services.#ready.catch(() => undefined)
    return services
  }

  #ready: Promise<void> = Promise.resolve()

  /** Settles once the services have started (rejects with the reason they could not). */
  get ready(): Promise<void> {
    return this.#ready
  }

  #isDisposed = false

  async #start(): Promise<void> {
    await preparePrivateDataFolder(this.options.dataDir)
    await this.settings.load()
    this.#watchSettingsFile()
    await this.#preparePacks()
    // Closed while starting: start no timers that nothing would stop.
    if (this.#isDisposed) return
    this.mode.start()
    // The inbox installs into the data folder's pack store; a test's fixed pack source has none.
    if (!this.options.packSource) await this.inbox.start()
    if (this.#isDisposed) this.inbox.dispose()
    this.#stopFollowingVisits = this.mode.onVisitChange(() => {
      this.#lastVisitAtMs = this.clock.nowMs()
    })
    // Keepsake PDFs are kept for the day only (docs/operators.md "Keepsake printer").
    await this.keepsake.jobs.deleteDaysOtherThan(this.keepsake.dayOf(this.clock.nowMs()))
    if (!this.options.packSource && !this.#isDisposed) await this.#startFleet()
  }

  /** Installs a pack that arrived without a person at the screen (inbox or fleet folder). */
  async #installInBackground(archivePath: string, origin: 'inbox' | 'fleet') {
    const installId = `${origin}-${randomUUID()}`
    const result = await this.packs.install(archivePath, {
      installId,
      requireSigned: this.settings.snapshot().settings.requireSignedPacks,
      onProgress: this.#progressReporter(installId),
    })
    await this.changes.record(origin, describeInstall(result, path.basename(archivePath)))
    await this.#announcePacksChanged()
    return result
  }

  /** Follows the fleet folder of the settings, if any; a folder that fails is only a warning. */
  async #startFleet(): Promise<void> {
    const { fleetDir, kioskId, kioskName } = this.settings.snapshot().settings
    if (!fleetDir) return
    const { logger } = this.options
    const id = kioskId ?? defaultKioskId()
    const fleet = new FleetService(
      path.resolve(this.options.dataDir, fleetDir),
      this.options.dataDir,
      {
        kioskId: id,
        kioskName: kioskName ?? id,
        installationId: await installationIdOf(this.options.dataDir),
      },
      {
        installPack: (archivePath) => this.#installInBackground(archivePath, 'fleet'),
        activity: this.mode,
        runAction: async (action) => {
          const message = await this.#runFleetAction(action)
          await this.changes.record('fleet', message)
          return message
        },
        trustedKeys: async () =>
          (await loadTrustedKeys(this.options.dataDir)).keys.map((trusted) => trusted.key),
        vitals: {
          appVersion: this.options.appVersion,
          startedAtMs: this.startedAtMs,
          packs: async () =>
            (await this.packs.list()).packs.map((pack) => ({
              id: pack.id,
              version: pack.activeVersion,
            })),
          modeState: () => this.mode.state(),
          lastError: () => {
            const lines =
              'recentLines' in logger ? (logger as { recentLines(): string[] }).recentLines() : []
            return lines.findLast((line) => / ERROR /.test(line)) ?? null
          },
          lastVisitAtMs: () => this.#lastVisitAtMs,
          printerState: () => heartbeatPrinterState(this.keepsake.printerStatus()),
        },
      },
      this.clock,
      logger,
      this.options.fleetTiming ?? fleetTimingFromEnvironment(process.env),
    )
    this.fleet = fleet
    await fleet.start()
  }

  /** What a signed fleet command does on this kiosk; the message goes into the heartbeat. */
  async #runFleetAction(action: FleetAction): Promise<string> {
    switch (action.kind) {
      case 'set-mode': {
        const state = await this.mode.setMode({
          mode: action.mode,
          singleExhibit: action.singleExhibit,
        })
        return `mode set to ${state.configuredMode}${state.singleExhibit ? ` (${state.singleExhibit})` : ''}`
      }
      case 'set-hours':
        await this.settings.update({ openingHours: action.openingHours })
        return action.openingHours
          ? 'opening hours replaced'
          : 'opening hours removed (always open)'
      case 'rollback': {
        const result = await this.packs.rollback(action.packId)
        await this.#announcePacksChanged()
        return `${action.packId} rolled back to ${result.version}`
      }
    }
  }

  /** Whether a token names a live staff session (and keeps it alive); checked on every staff request. */
  isStaffSessionValid(token: string | undefined): boolean {
    return this.staff.isSessionValid(token)
  }

  /** Stops the services' timers (schedule tick, staff session expiry). */
  dispose(): void {
    this.#isDisposed = true
    this.mode.dispose()
    this.staff.dispose()
    this.#stopWatchingPacks?.()
    this.#stopWatchingSettings?.()
    this.inbox.dispose()
    this.fleet?.dispose()
    this.#stopFollowingVisits?.()
  }

  #stopFollowingVisits: (() => void) | undefined

  #stopWatchingPacks: (() => void) | undefined
  #stopWatchingSettings: (() => void) | undefined

  /**
   * Follows settings.json written by another process (`songyun mode set`), polling its stat like
   * the pack store's state; the kiosk's own writes reload to the same settings and change nothing.
   */
  #watchSettingsFile(intervalMs = 2000): void {
    if (this.#isDisposed) return
    const listener = (current: Stats, previous: Stats) => {
      if (current.mtimeMs === previous.mtimeMs && current.ino === previous.ino) return
      this.settings
        .reloadFromDisk()
        .catch((error: unknown) =>
          this.options.logger.warn(`settings: cannot reload: ${(error as Error).message}`),
        )
    }
    const file = this.settings.filePath
    watchFile(file, { interval: intervalMs, persistent: false }, listener)
    this.#stopWatchingSettings = () => unwatchFile(file, listener)
  }

  /**
   * Cleans what a killed install left, installs the built-in pack into a fresh data folder, and
   * follows installs made by `songyun pack` beside the running kiosk.
   */
  async #preparePacks(): Promise<void> {
    const { logger } = this.options
    if (this.options.packSource || this.#isDisposed) return
    this.#stopWatchingPacks = this.packs.watchActivePacks(() => {
      this.#announcePacksChanged().catch((error: unknown) =>
        logger.error(`packs: cannot reload after a change: ${(error as Error).message}`),
      )
    })
    try {
      await this.packs.cleanLeftovers()
      await ensureBuiltinPack(
        this.packs,
        this.options.builtinPack ?? builtinPackBesideSources(this.options.builtinPackDir),
        logger,
      )
    } catch (error) {
      const problems = (error as RequestError).problems ?? []
      logger.error(
        `packs: the built-in pack could not be installed: ${(error as Error).message}` +
          problems.map((p) => `\n  ${p.path}: ${p.message}`).join(''),
      )
    }
  }

  /** Tells the renderer the active packs changed, after the content cache is dropped. */
  async #announcePacksChanged(): Promise<void> {
    this.content.invalidate()
    const { packs } = await this.content.getContent()
    this.events.emit('packs:changed', { packs })
  }

  /** Reports install progress as events, at most every 100 ms but every change of phase. */
  #progressReporter(installId: string) {
    let lastPhase: PackInstallPhase | undefined
    let lastAtMs = 0
    return (phase: PackInstallPhase, bytesDone: number, bytesTotal: number) => {
      const nowMs = this.clock.nowMs()
      if (phase === lastPhase && nowMs - lastAtMs < 100 && bytesDone < bytesTotal) return
      lastPhase = phase
      lastAtMs = nowMs
      this.events.emit('packs:progress', { installId, phase, bytesDone, bytesTotal })
    }
  }

  #removableVolumes() {
    return listRemovableVolumes({
      ...this.options.removableMediaSystem,
      mediaRoots: this.options.removableMediaRoots,
      logger: this.options.logger,
    })
  }

  async dispatch(
    channel: string,
    rawArgs: unknown,
    context: RequestContext,
  ): Promise<DispatchOutcome> {
    try {
      await this.ready
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The kiosk's services could not start: ${(error as Error).message}`,
        },
      }
    }
    return dispatchRequest(
      this.handlers,
      (token) => this.isStaffSessionValid(token),
      this.options.logger,
      channel,
      rawArgs,
      context,
    )
  }

  #createHandlers(): RequestHandlers {
    const { logger } = this.options
    return {
      'app:info': async () => ({
        appVersion: this.options.appVersion,
        shell: this.options.shell,
        startedAtMs: this.startedAtMs,
        isDevelopment: this.options.isDevelopment ?? false,
      }),
      'app:log': async ({ level, message }) => {
        // One request, one log line: a page cannot forge further lines with a newline.
        logger[level](`renderer: ${oneLogLine(message)}`)
      },
      'settings:get': async () => this.settings.snapshot(),
      'settings:update': async (patch) => {
        const snapshot = await this.settings.update(patch)
        await this.changes.record(
          'admin screen',
          `settings changed: ${Object.keys(patch).join(', ')}`,
        )
        return snapshot
      },
      'content:get': () => this.content.getContent(),
      'analytics:record': (event) => this.analytics.record(event),
      'analytics:summary': ({ fromDay, toDay }) =>
        summarizeAnalyticsFolder(this.analytics.folder, fromDay, toDay, this.mode.timeZone),
      'analytics:export-targets': () => this.#removableVolumes(),
      'analytics:export': async ({ fromDay, toDay, volumePath }) => {
        const volume = (await this.#removableVolumes()).find((v) => v.path === volumePath)
        if (!volume) {
          throw new RequestError('not-found', `"${volumePath}" is not a mounted USB stick`)
        }
        const filePath = path.join(volume.path, `songyun-analytics-${fromDay}-${toDay}.csv`)
        const written = await exportAnalyticsCsv(
          this.analytics.folder,
          fromDay,
          toDay,
          this.mode.timeZone,
          filePath,
          { onRemovableMedia: true },
        )
        logger.info(`analytics: exported ${written.rowCount} events to ${filePath}`)
        return { filePath, ...written }
      },
      'staff:status': () => this.staff.status(),
      'staff:create-pin': async ({ pin }) => {
        const result = await this.staff.createPin(pin)
        await this.changes.record('admin screen', 'staff PIN created')
        return result
      },
      'staff:unlock': ({ pin }) => this.staff.unlock(pin),
      'staff:change-pin': async ({ currentPin, pin }, context) => {
        const result = await this.staff.changePin(currentPin, pin, context.staffSessionToken)
        await this.changes.record('admin screen', 'staff PIN changed')
        return result
      },
      // The dispatcher's session check has already refreshed the session's idle time.
      'staff:keep-alive': async () => undefined,
      'staff:lock': async (_args, context) => this.staff.lock(context.staffSessionToken),
      'mode:get': async () => this.mode.state(),
      'mode:set': async (args) => {
        const state = await this.mode.setMode(args)
        await this.changes.record(
          'admin screen',
          `mode set to ${args.mode}${args.mode === 'single-exhibit' ? ` (${args.singleExhibit})` : ''}`,
        )
        return state
      },
      'mode:report-visit': async ({ isVisitInProgress }) =>
        this.mode.reportVisit(isVisitInProgress),
      'diagnostics:get': async () =>
        collectServiceDiagnostics({
          appVersion: this.options.appVersion,
          shell: this.options.shell,
          startedAtMs: this.startedAtMs,
          nowMs: this.clock.nowMs(),
          dataDir: this.options.dataDir,
          timeZone: this.mode.timeZone,
          logger,
          packs: (await this.content.getContent()).packs,
          staffLockout: await this.staff.lockoutReport(),
          recentChanges: await this.changes.recent(),
          printer: this.keepsake.printerStatus(),
        }),
      'keepsake:print': (args) => this.keepsake.print(args),
      'keepsake:state': () => this.keepsake.staffState(),
      'keepsake:printers': () => this.keepsake.listPrinters(),
      'keepsake:test-print': () => this.keepsake.testPrint(),
      'keepsake:export': async ({ volumePath }) => {
        const volume = (await this.#removableVolumes()).find((v) => v.path === volumePath)
        if (!volume) {
          throw new RequestError('not-found', `"${volumePath}" is not a mounted USB stick`)
        }
        const exported = await this.keepsake.exportToday(volume.path)
        logger.info(`keepsake: exported ${exported.fileCount} cards to ${exported.folder}`)
        return exported
      },
      'packs:list': () => this.packs.list(),
      'packs:install': async ({ path: sourcePath, installId, allowDowngrade }) => {
        const id = installId ?? randomUUID()
        const result = await this.packs.install(sourcePath, {
          installId: id,
          allowDowngrade,
          requireSigned: this.settings.snapshot().settings.requireSignedPacks,
          onProgress: this.#progressReporter(id),
        })
        await this.changes.record(
          'admin screen',
          describeInstall(result, path.basename(sourcePath)),
        )
        await this.#announcePacksChanged()
        return result
      },
      'packs:rollback': async ({ packId }) => {
        const result = await this.packs.rollback(packId)
        await this.changes.record('admin screen', describeRollback(packId, result))
        await this.#announcePacksChanged()
        return result
      },
      'packs:sources': async () => {
        const volumes = (await this.#removableVolumes()).map((volume) => volume.path)
        return { sources: await findPackSources(this.options.dataDir, volumes) }
      },
    }
  }
}

/** A message as one log line: line breaks and other control characters shown escaped. */
function oneLogLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f]/g, (character) =>
    character === '\n'
      ? '\\n'
      : character === '\r'
        ? '\\r'
        : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
