import { mkdir, readdir, readFile, stat, statfs } from 'node:fs/promises'
import path from 'node:path'
import type { ModeState } from '../../../src/contract/areas/mode'
import { defaultStaleAfterMs } from '../../../src/fleet/fleetStatus'
import { kioskHeartbeatSchema, type KioskHeartbeat } from '../../../src/fleet/kioskHeartbeat'
import type { Clock } from '../../../src/time/clock'
import { localDayOf } from '../analyticsService'
import { writeFileAtomically } from '../atomicFile'
import type { Logger } from '../logger'
import { fleetLayout } from './fleetFolder'
import type { FleetStateFile } from './fleetState'

import type { HeartbeatPrinterState } from '../../../src/keepsake/printerState'

/** What the heartbeat reads from the rest of the kiosk at each beat. */
export interface KioskVitals {
  readonly appVersion: string
  readonly startedAtMs: number
  packs(): Promise<readonly { id: string; version: string }[]>
  modeState(): ModeState
  lastError(): string | null
  lastVisitAtMs(): number | null
  /** The keepsake printer's state (absent: no keepsake service, `not-configured`). */
  printerState?(): HeartbeatPrinterState
}

/** Who this kiosk is in the fleet. */
export interface KioskIdentity {
  readonly kioskId: string
  readonly kioskName: string
  readonly installationId: string
}

/**
 * Writes this kiosk's `kiosks/<id>/status.json` (atomically: readers see the old or the new one)
 * and copies its finished analytics days beside it. Warns, once per cause, when another
 * installation writes under the same id.
 */
export class FleetReporter {
  readonly #warnings = new Set<string>()

  constructor(
    private readonly fleetDir: string,
    private readonly dataDir: string,
    private readonly identity: KioskIdentity,
    private readonly vitals: KioskVitals,
    private readonly state: FleetStateFile,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Says a problem once in the log and keeps it in the heartbeat. */
  warnOnce(message: string): void {
    if (this.#warnings.has(message)) return
    this.#warnings.add(message)
    this.logger.warn(`fleet: ${message}`)
  }

  async beat(): Promise<KioskHeartbeat> {
    const statusFile = fleetLayout.status(this.fleetDir, this.identity.kioskId)
    await this.#checkForTwin(statusFile)
    const nowMs = this.clock.nowMs()
    const mode = this.vitals.modeState()
    const heartbeat: KioskHeartbeat = kioskHeartbeatSchema.parse({
      format: 'songyun-kiosk-heartbeat',
      formatVersion: 1,
      kioskId: this.identity.kioskId,
      kioskName: this.identity.kioskName,
      installationId: this.identity.installationId,
      appVersion: this.vitals.appVersion,
      packs: await this.vitals.packs(),
      mode: mode.mode,
      configuredMode: mode.configuredMode,
      isOpen: mode.mode !== 'closed',
      isClosedByHours: mode.isClosedByHours,
      uptimeSeconds: Math.max(0, Math.round((nowMs - this.vitals.startedAtMs) / 1000)),
      lastError: this.vitals.lastError()?.slice(0, 500) ?? null,
      printerState: this.vitals.printerState?.() ?? 'not-configured',
      diskFreeBytes: await statfs(this.dataDir).then(
        (s) => s.bavail * s.bsize,
        () => null,
      ),
      lastVisitAtMs: this.vitals.lastVisitAtMs(),
      writtenAtMs: nowMs,
      commandResults: this.state.state.commandResults.slice(-50),
      warnings: [...this.#warnings].slice(-20),
    })
    await mkdir(path.dirname(statusFile), { recursive: true })
    await writeFileAtomically(statusFile, `${JSON.stringify(heartbeat, null, 2)}\n`)
    return heartbeat
  }

  /** A recent heartbeat under our id from another data folder: two kiosks share one id. */
  async #checkForTwin(statusFile: string): Promise<void> {
    let other: unknown
    try {
      other = JSON.parse(await readFile(statusFile, 'utf8'))
    } catch {
      return
    }
    const parsed = kioskHeartbeatSchema.safeParse(other)
    if (!parsed.success) return
    const { installationId, writtenAtMs } = parsed.data
    if (
      installationId !== this.identity.installationId &&
      this.clock.nowMs() - writtenAtMs < defaultStaleAfterMs
    ) {
      this.warnOnce(
        `another kiosk (installation ${installationId}) also uses the kiosk id "${this.identity.kioskId}": give each kiosk its own "kioskId" in settings.json`,
      )
    }
  }

  /**
   * Copies the analytics day files before today that the fleet folder lacks (or holds at another
   * size) to `kiosks/<id>/analytics/`. Today's file is still growing and waits for tomorrow.
   */
  async copyFinishedAnalyticsDays(): Promise<number> {
    const source = path.join(this.dataDir, 'analytics')
    const target = fleetLayout.analytics(this.fleetDir, this.identity.kioskId)
    const today = localDayOf(this.clock.nowMs())
    const names = await readdir(source).catch(() => [] as string[])
    let copied = 0
    for (const name of names.sort()) {
      const day = /^(\d{4}-\d{2}-\d{2})\.jsonl$/.exec(name)?.[1]
      if (!day || day >= today) continue
      const [mine, theirs] = await Promise.all([
        stat(path.join(source, name)),
        stat(path.join(target, name)).catch(() => undefined),
      ])
      if (theirs?.size === mine.size) continue
      await mkdir(target, { recursive: true })
      await writeFileAtomically(path.join(target, name), await readFile(path.join(source, name)))
      copied += 1
    }
    return copied
  }
}
