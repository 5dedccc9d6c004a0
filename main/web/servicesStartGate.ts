import type { IncomingMessage, Server } from 'node:http'

/** When a gate opens by itself if no request has needed the services before. */
export interface ServicesStartTiming {
  /** Open this long after the gate is armed at the latest, page or not (the schedule, the inbox). */
  readonly latestAfterArmingMs: number
}

/** The timing `songyun serve` uses (docs/performance.md "Start-up"). */
export const defaultServicesStartTiming: ServicesStartTiming = { latestAfterArmingMs: 5_000 }

/** The path of the services' event stream, which a page opens once it has loaded. */
export const eventStreamPath = '/api/events'

/**
 * Holds back loading and starting the services (most of the Node bundle's code) while the first
 * screen is sent from the first-screen cache, which needs none of them. The gate opens once: when
 * a request needs the services (`open`), when a page that has loaded asks for their event stream
 * (renderer/bridge/browserKioskApi.ts opens it after the load event), or at a deadline. The
 * services' code then compiles after the page rather than beside it on a two-core kiosk. Until
 * the gate opens, `loaded` stays pending and every request that awaits it waits.
 */
export class ServicesStartGate<Services> {
  /** The services once the gate has opened and their code has loaded; never settles before. */
  readonly loaded: Promise<Services>
  #begin: () => Promise<Services>
  #provide!: (services: Promise<Services>) => void
  #isOpen = false
  #deadlineTimer: NodeJS.Timeout | undefined
  #stopWatching = () => {}

  constructor(begin: () => Promise<Services>) {
    this.#begin = begin
    this.loaded = new Promise<Services>((resolve) => (this.#provide = resolve))
  }

  /** Whether the services' loading has begun. */
  get isOpen(): boolean {
    return this.#isOpen
  }

  /** Begins loading the services now (once; later calls do nothing). */
  open(): void {
    if (this.#isOpen) return
    this.#isOpen = true
    this.dispose()
    this.#provide(this.#begin())
  }

  /**
   * Opens by itself when `server` is asked for the event stream, or `latestAfterArmingMs` from
   * now, whichever comes first.
   */
  armOn(server: Server, timing: ServicesStartTiming): void {
    if (this.#isOpen) return
    this.#deadlineTimer = setTimeout(() => this.open(), timing.latestAfterArmingMs)
    this.#deadlineTimer.unref()
    const onRequest = (request: IncomingMessage) => {
      if (pathnameOf(request) === eventStreamPath) this.open()
    }
    server.on('request', onRequest)
    this.#stopWatching = () => server.off('request', onRequest)
  }

  /** Stops the deadline and the watch; a gate not yet open then stays closed. */
  dispose(): void {
    clearTimeout(this.#deadlineTimer)
    this.#stopWatching()
  }
}

function pathnameOf(request: IncomingMessage): string {
  return (request.url ?? '/').split(/[?#]/)[0] ?? '/'
}
