import type { KeyObject } from 'node:crypto'
import { access, constants, mkdir } from 'node:fs/promises'
import type { Clock } from '../../../src/time/clock'
import type { KioskActivity, PackInstaller } from '../inbox/inboxService'
import type { Logger } from '../logger'
import { FleetCommandIntake, type FleetActionRunner } from './fleetCommandIntake'
import { fleetLayout } from './fleetFolder'
import { FleetPackIntake } from './fleetPackIntake'
import { FleetReporter, type KioskIdentity, type KioskVitals } from './fleetReporter'
import { FleetStateFile } from './fleetState'

/** How often the fleet service looks and reports; tests shorten them. */
export interface FleetTiming {
  /** How often `packs/` and `commands/` are looked at. */
  readonly scanIntervalMs: number
  /** How often the heartbeat is written (the "every minute"). */
  readonly heartbeatIntervalMs: number
  /** How long a synced file must stay unchanged before it is taken. */
  readonly settleMs: number
}

export const defaultFleetTiming: FleetTiming = {
  scanIntervalMs: 10_000,
  heartbeatIntervalMs: 60_000,
  settleMs: 5_000,
}

/**
 * The timing from `SONGYUN_FLEET_TIMING_MS="scan,heartbeat,settle"` (milliseconds; for tests and
 * trials), else the defaults. A malformed value is ignored with the defaults.
 */
export function fleetTimingFromEnvironment(env: NodeJS.ProcessEnv): FleetTiming {
  const parts = env.SONGYUN_FLEET_TIMING_MS?.split(',').map(Number)
  if (parts?.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 10))
    return defaultFleetTiming
  const [scanIntervalMs, heartbeatIntervalMs, settleMs] = parts as [number, number, number]
  return { scanIntervalMs, heartbeatIntervalMs, settleMs }
}

/** What the fleet service needs from the rest of the kiosk. */
export interface FleetPorts {
  readonly installPack: PackInstaller
  readonly activity: KioskActivity
  readonly runAction: FleetActionRunner
  readonly trustedKeys: () => Promise<readonly KeyObject[]>
  readonly vitals: KioskVitals
}

/**
 * A kiosk's side of the venue's shared fleet folder (docs/fleet.md): installs the packs put in
 * `packs/`, applies the signed commands of `commands/`, and reports its heartbeat and analytics
 * under `kiosks/<id>/`. Nothing here may stop the visitor's kiosk: a missing, unreachable or
 * read-only folder is a warning in the log and the heartbeat, and the next look tries again.
 */
export class FleetService {
  readonly #state: FleetStateFile
  readonly #packs: FleetPackIntake
  readonly #commands: FleetCommandIntake
  readonly #reporter: FleetReporter
  #scanTimer: ReturnType<typeof setInterval> | undefined
  #beatTimer: ReturnType<typeof setInterval> | undefined
  #running: Promise<void> | undefined
  #stopFollowingVisits: (() => void) | undefined

  constructor(
    readonly fleetDir: string,
    dataDir: string,
    readonly identity: KioskIdentity,
    private readonly ports: FleetPorts,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timing: FleetTiming = defaultFleetTiming,
  ) {
    this.#state = new FleetStateFile(dataDir)
    this.#packs = new FleetPackIntake(
      fleetDir,
      this.#state,
      ports.installPack,
      ports.activity,
      clock,
      logger,
      timing.settleMs,
    )
    this.#commands = new FleetCommandIntake(
      fleetDir,
      identity.kioskId,
      this.#state,
      ports.trustedKeys,
      ports.runAction,
      clock,
      logger,
      timing.settleMs,
    )
    this.#reporter = new FleetReporter(
      fleetDir,
      dataDir,
      identity,
      ports.vitals,
      this.#state,
      clock,
      logger,
    )
  }

  async start(): Promise<void> {
    await this.#state.load()
    this.logger.info(`fleet: kiosk "${this.identity.kioskId}" follows ${this.fleetDir}`)
    this.#scanTimer = setInterval(() => void this.scanNow(), this.timing.scanIntervalMs)
    this.#beatTimer = setInterval(() => void this.beatNow(), this.timing.heartbeatIntervalMs)
    this.#scanTimer.unref?.()
    this.#beatTimer.unref?.()
    // A visit that ends is the moment a waiting pack can go in.
    this.#stopFollowingVisits = this.ports.activity.onVisitChange((isVisitInProgress) => {
      if (!isVisitInProgress) void this.scanNow()
    })
    void this.beatNow().then(() => this.scanNow())
  }

  dispose(): void {
    clearInterval(this.#scanTimer)
    clearInterval(this.#beatTimer)
    this.#stopFollowingVisits?.()
  }

  /** One look at `packs/` and `commands/`, then a heartbeat when anything was done. */
  scanNow(): Promise<void> {
    return this.#serially(async () => {
      if (!(await this.#isReachable())) return
      const before = this.#state.state
      const resultsBefore = before.commandResults.length
      const packsBefore = Object.keys(before.takenPacks).length
      await this.#guard('packs', () => this.#packs.scan())
      await this.#guard('commands', () => this.#commands.scan())
      const changed =
        this.#state.state.commandResults.length !== resultsBefore ||
        Object.keys(this.#state.state.takenPacks).length !== packsBefore
      if (changed) await this.#guard('heartbeat', () => this.#reporter.beat())
    })
  }

  /** Writes the heartbeat and copies finished analytics days. */
  beatNow(): Promise<void> {
    return this.#serially(async () => {
      if (!(await this.#isReachable())) return
      await this.#guard('heartbeat', () => this.#reporter.beat())
      await this.#guard('analytics', () => this.#reporter.copyFinishedAnalyticsDays())
    })
  }

  #serially(work: () => Promise<void>): Promise<void> {
    const next = (this.#running ?? Promise.resolve()).then(work, work)
    this.#running = next.catch(() => undefined)
    return next
  }

  async #isReachable(): Promise<boolean> {
    try {
      await access(this.fleetDir, constants.R_OK | constants.W_OK)
      await mkdir(fleetLayout.kiosk(this.fleetDir, this.identity.kioskId), { recursive: true })
      return true
    } catch (error) {
      this.#reporter.warnOnce(
        `the fleet folder ${this.fleetDir} cannot be used (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): check that it is mounted and writable by the kiosk's user`,
      )
      return false
    }
  }

  async #guard(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work()
    } catch (error) {
      this.#reporter.warnOnce(`${what}: ${(error as Error).message}`)
    }
  }
}
