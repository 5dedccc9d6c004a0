import { mkdir } from 'node:fs/promises'
import type { RequestHandlers } from '../../src/contract/contract'
import type { ShellKind } from '../../src/contract/areas/app'
import { systemClock, type Clock } from '../../src/time/clock'
import { AnalyticsService } from './analyticsService'
import { ContentService, FolderPackSource, type ActivePackSource } from './contentService'
import { EventBus } from './eventBus'
import type { Logger } from './logger'
import { dispatchRequest, type DispatchOutcome } from './requestDispatcher'
import { SettingsService } from './settingsService'
import type { RequestContext } from '../../src/contract/contract'
import { RequestError } from '../../src/contract/requestError'

/** What the composition root needs to build the services. */
export interface KioskServicesOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly shell: ShellKind
  readonly logger: Logger
  readonly clock?: Clock
  /** Where active packs come from; by default the built-in pack's source folder. */
  readonly packSource?: ActivePackSource
  readonly builtinPackDir: string
  readonly isDevelopment?: boolean
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
  readonly analytics: AnalyticsService
  readonly startedAtMs: number
  readonly handlers: RequestHandlers

  private constructor(readonly options: KioskServicesOptions) {
    this.clock = options.clock ?? systemClock
    this.startedAtMs = this.clock.nowMs()
    this.settings = new SettingsService(options.dataDir, this.events, options.logger, this.clock)
    this.content = new ContentService(
      options.packSource ?? new FolderPackSource(options.builtinPackDir),
    )
    this.analytics = new AnalyticsService(options.dataDir, this.clock)
    this.handlers = this.#createHandlers()
  }

  /** Creates the data folder if needed and loads what the services need before the first request. */
  static async start(options: KioskServicesOptions): Promise<KioskServices> {
    await mkdir(options.dataDir, { recursive: true })
    const services = new KioskServices(options)
    await services.settings.load()
    return services
  }

  /** Until staff access exists, no staff session is ever valid: staff requests are refused. */
  isStaffSessionValid(_token: string | undefined): boolean {
    return false
  }

  dispatch(channel: string, rawArgs: unknown, context: RequestContext): Promise<DispatchOutcome> {
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
        logger[level](`renderer: ${message}`)
      },
      'settings:get': async () => this.settings.snapshot(),
      'settings:update': (patch) => this.settings.update(patch),
      'content:get': () => this.content.getContent(),
      'analytics:record': (event) => this.analytics.record(event),
      // The pack store lands right after its contract (issue 3).
      'packs:list': () => Promise.reject(new RequestError('internal', 'not yet')),
      'packs:install': () => Promise.reject(new RequestError('internal', 'not yet')),
      'packs:rollback': () => Promise.reject(new RequestError('internal', 'not yet')),
      'packs:sources': () => Promise.reject(new RequestError('internal', 'not yet')),
    }
  }
}
