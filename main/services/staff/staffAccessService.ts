import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import * as z from 'zod'
import type { StaffLockoutReport } from '../../../src/contract/areas/diagnostics'
import {
  newStaffPinSchema,
  staffLockoutStepsMs,
  staffMaxFailedAttempts,
  staffSessionIdleMs,
  type StaffStatus,
  type StaffUnlockResult,
} from '../../../src/contract/areas/staff'
import { RequestError } from '../../../src/contract/requestError'
import type { Clock } from '../../../src/time/clock'
import { writeJsonAtomically } from '../atomicFile'
import type { EventBus } from '../eventBus'
import type { Logger } from '../logger'
import { hashPin, strongScryptParameters, verifyPin, type ScryptParameters } from './pinHash'

/** The file in the data folder holding the PIN hash and the lockout state. */
export const staffAccessFileName = 'staff-access.json'

const storedStateSchema = z.object({
  pinHash: z
    .object({
      algorithm: z.literal('scrypt'),
      parameters: z.object({
        cost: z.number().int().positive(),
        blockSize: z.number().int().positive(),
        parallelization: z.number().int().positive(),
        keyLengthBytes: z.number().int().positive(),
      }),
      salt: z.string().min(1),
      hash: z.string().min(1),
    })
    .optional(),
  failedAttempts: z.number().int().min(0).default(0),
  lockedUntilMs: z.number().optional(),
  /** Rounds of wrong PINs since the last correct one: each locks longer (staffLockoutStepsMs). */
  locksSinceLastUnlock: z.number().int().min(0).default(0),
  lastLockedAtMs: z.number().optional(),
})
type StoredState = z.infer<typeof storedStateSchema>

/** Options tests use to make hashing fast and sessions observable. */
export interface StaffAccessOptions {
  readonly hashParameters?: ScryptParameters
  /** How long a session may stay idle; a function is asked each time (a setting staff can change). */
  readonly sessionIdleMs?: number | (() => number)
}

/**
 * Staff access: the PIN (only its slow salted hash, on disk), the lockout after too many wrong
 * PINs (on disk, so a restart does not lift it) and the staff sessions (random tokens in memory,
 * ending after a few idle minutes). The state file is re-read for every PIN operation, so a PIN
 * set from the terminal counts at once; operations are serialised so parallel guesses cannot
 * slip past the counter.
 */
export class StaffAccessService {
  readonly #sessionLastUsedMs = new Map<string, number>()
  readonly #hashParameters: ScryptParameters
  readonly #sessionIdleMsOf: () => number
  #queue: Promise<unknown> = Promise.resolve()
  #expiryTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly events: EventBus | undefined,
    private readonly logger: Logger,
    options: StaffAccessOptions = {},
  ) {
    this.#hashParameters = options.hashParameters ?? strongScryptParameters
    const idleMs = options.sessionIdleMs ?? staffSessionIdleMs
    this.#sessionIdleMsOf = typeof idleMs === 'number' ? () => idleMs : idleMs
  }

  get #sessionIdleMs(): number {
    return this.#sessionIdleMsOf()
  }

  get filePath(): string {
    return path.join(this.dataDir, staffAccessFileName)
  }

  /** Whether a PIN exists and whether access is locked; never reveals the PIN. */
  status(): Promise<StaffStatus> {
    return this.#serialised(async () => this.#statusOf(await this.#read()))
  }

  /** Sets the first PIN of a fresh data folder and opens a session; refused once a PIN exists. */
  createPin(pin: string): Promise<StaffUnlockResult> {
    return this.#serialised(async () => {
      const state = await this.#read()
      if (state.pinHash) {
        throw new RequestError(
          'conflict',
          'A staff PIN is already set; unlock with it to change it',
        )
      }
      requireNewPinRule(pin)
      await this.#write({
        pinHash: await hashPin(pin, this.#hashParameters),
        failedAttempts: 0,
        locksSinceLastUnlock: 0,
      })
      this.logger.info('staff: the first staff PIN was set on the kiosk')
      return this.#openSession()
    })
  }

  /** Checks a PIN: opens a session, counts a wrong one, or refuses while locked. */
  unlock(pin: string): Promise<StaffUnlockResult> {
    return this.#serialised(async () => {
      const state = await this.#read()
      if (!state.pinHash) {
        throw new RequestError('not-found', 'No staff PIN is set yet; create one first')
      }
      const nowMs = this.clock.nowMs()
      if (state.lockedUntilMs !== undefined && nowMs < state.lockedUntilMs) {
        return { outcome: 'locked', status: this.#statusOf(state) }
      }
      if (await verifyPin(pin, state.pinHash)) {
        await this.#write({ pinHash: state.pinHash, failedAttempts: 0, locksSinceLastUnlock: 0 })
        return this.#openSession()
      }
      // A lock that has run out starts a fresh count; the rounds of locks keep counting.
      const failedAttempts = (state.lockedUntilMs === undefined ? state.failedAttempts : 0) + 1
      const rounds = state.locksSinceLastUnlock
      const next: StoredState =
        failedAttempts >= staffMaxFailedAttempts
          ? {
              pinHash: state.pinHash,
              failedAttempts,
              lockedUntilMs: nowMs + lockoutMsAfter(rounds + 1),
              locksSinceLastUnlock: rounds + 1,
              lastLockedAtMs: nowMs,
            }
          : { ...state, pinHash: state.pinHash, failedAttempts, lockedUntilMs: undefined }
      await this.#write(next)
      if (next.lockedUntilMs !== undefined) {
        this.logger.warn(
          `staff: ${failedAttempts} wrong PINs; staff access locked for ${describeDuration(lockoutMsAfter(next.locksSinceLastUnlock))} ` +
            `(lock ${next.locksSinceLastUnlock} since the last correct PIN)`,
        )
        return { outcome: 'locked', status: this.#statusOf(next) }
      }
      return { outcome: 'wrong-pin', status: this.#statusOf(next) }
    })
  }

  /**
   * Replaces the PIN from a staff session: only with the PIN in force (a wrong one counts toward
   * the lockout, as on the PIN pad), and every other staff session ends, since whoever opened it
   * may have known the old PIN only.
   */
  async changePin(
    currentPin: string,
    pin: string,
    presentingToken: string | undefined,
  ): Promise<void> {
    requireNewPinRule(pin)
    const check = await this.unlock(currentPin)
    if (check.outcome !== 'unlocked') {
      throw new RequestError(
        check.outcome === 'locked' ? 'locked' : 'rejected',
        check.outcome === 'locked'
          ? 'Staff access is locked after too many wrong PINs'
          : 'The current PIN is wrong',
      )
    }
    // The check opened a session of its own; it is not needed.
    this.#sessionLastUsedMs.delete(check.sessionToken)
    await this.setPin(pin, 'admin screen')
    for (const token of [...this.#sessionLastUsedMs.keys()]) {
      if (token !== presentingToken) this.#endSession(token, 'locked')
    }
  }

  /** How often wrong PINs locked staff access since the last correct one (for diagnostics). */
  lockoutReport(): Promise<StaffLockoutReport> {
    return this.#serialised(async () => {
      const state = await this.#read()
      return {
        locksSinceLastUnlock: state.locksSinceLastUnlock,
        lastLockedAtMs: state.lastLockedAtMs,
        lockedUntilMs: this.#statusOf(state).lockedUntilMs,
      }
    })
  }

  /** Replaces the PIN and lifts any lockout (someone at the terminal has the machine anyway). */
  setPin(pin: string, origin = 'terminal'): Promise<void> {
    return this.#serialised(async () => {
      requireNewPinRule(pin)
      await this.#write({
        pinHash: await hashPin(pin, this.#hashParameters),
        failedAttempts: 0,
        locksSinceLastUnlock: 0,
      })
      this.logger.info(`staff: the staff PIN was changed from the ${origin}`)
    })
  }

  /**
   * Whether a token names a live session; a valid one counts as staff activity and restarts its
   * idle time. Called for every staff request in both shells.
   */
  isSessionValid(token: string | undefined): boolean {
    if (token === undefined) return false
    const lastUsedMs = this.#sessionLastUsedMs.get(token)
    if (lastUsedMs === undefined) return false
    const nowMs = this.clock.nowMs()
    if (nowMs - lastUsedMs >= this.#sessionIdleMs) {
      this.#endSession(token, 'idle')
      return false
    }
    this.#sessionLastUsedMs.set(token, nowMs)
    return true
  }

  /** Ends a session at the staff's request. */
  lock(token: string | undefined): void {
    if (token !== undefined && this.#sessionLastUsedMs.has(token)) this.#endSession(token, 'locked')
  }

  /** Ends the sessions that have been idle too long; the timer calls it, tests may too. */
  expireIdleSessions(): void {
    const nowMs = this.clock.nowMs()
    for (const [token, lastUsedMs] of this.#sessionLastUsedMs) {
      if (nowMs - lastUsedMs >= this.#sessionIdleMs) this.#endSession(token, 'idle')
    }
    this.#scheduleExpiry()
  }

  /** Stops the expiry timer and forgets every session. */
  dispose(): void {
    clearTimeout(this.#expiryTimer)
    this.#expiryTimer = undefined
    this.#sessionLastUsedMs.clear()
  }

  #openSession(): StaffUnlockResult {
    const sessionToken = randomBytes(32).toString('base64url')
    this.#sessionLastUsedMs.set(sessionToken, this.clock.nowMs())
    this.#scheduleExpiry()
    return { outcome: 'unlocked', sessionToken, idleTimeoutMs: this.#sessionIdleMs }
  }

  #endSession(token: string, reason: 'idle' | 'locked'): void {
    this.#sessionLastUsedMs.delete(token)
    this.events?.emit('staff:session-ended', { reason })
  }

  /** Wakes up when the oldest session would expire, so the admin screen closes by itself. */
  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer)
    this.#expiryTimer = undefined
    if (this.#sessionLastUsedMs.size === 0) return
    const oldestMs = Math.min(...this.#sessionLastUsedMs.values())
    const delayMs = Math.max(1000, oldestMs + this.#sessionIdleMs - this.clock.nowMs())
    this.#expiryTimer = setTimeout(() => this.expireIdleSessions(), delayMs)
    this.#expiryTimer.unref?.()
  }

  #statusOf(state: StoredState): StaffStatus {
    const nowMs = this.clock.nowMs()
    const isLocked = state.lockedUntilMs !== undefined && nowMs < state.lockedUntilMs
    const isLockOver = state.lockedUntilMs !== undefined && !isLocked
    return {
      hasPin: state.pinHash !== undefined,
      lockedUntilMs: isLocked ? state.lockedUntilMs : undefined,
      remainingAttempts: isLocked
        ? 0
        : staffMaxFailedAttempts - (isLockOver ? 0 : state.failedAttempts),
    }
  }

  async #read(): Promise<StoredState> {
    let text: string
    try {
      text = await readFile(this.filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { failedAttempts: 0, locksSinceLastUnlock: 0 }
      throw error
    }
    let parsed: ReturnType<typeof storedStateSchema.safeParse>
    try {
      parsed = storedStateSchema.safeParse(JSON.parse(text))
    } catch {
      parsed = storedStateSchema.safeParse(undefined)
    }
    if (!parsed.success) {
      // Never fall back to "no PIN": that would let anyone set one. The terminal can repair it.
      this.logger.error(
        `staff: ${this.filePath} is damaged; set a new PIN with "songyun staff set-pin"`,
      )
      throw new RequestError(
        'internal',
        'The staff access file is damaged; set a new PIN with "songyun staff set-pin"',
      )
    }
    return parsed.data
  }

  #write(state: StoredState): Promise<void> {
    return writeJsonAtomically(this.filePath, state)
  }

  #serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation)
    this.#queue = result.catch(() => undefined)
    return result
  }
}

/** The lock after the given round of wrong PINs: 5 minutes, then 1 hour, then 24 hours. */
function lockoutMsAfter(round: number): number {
  return (
    staffLockoutStepsMs[Math.min(round, staffLockoutStepsMs.length) - 1] ?? staffLockoutStepsMs[0]!
  )
}

function describeDuration(ms: number): string {
  return ms >= 3_600_000 ? `${ms / 3_600_000} h` : `${ms / 60_000} minutes`
}

/** A PIN being set must meet the rule for new PINs, whichever surface set it. */
function requireNewPinRule(pin: string): void {
  const parsed = newStaffPinSchema.safeParse(pin)
  if (!parsed.success) {
    throw new RequestError(
      'bad-request',
      parsed.error.issues[0]?.message ?? 'a new staff PIN is 6 to 12 digits',
    )
  }
}
