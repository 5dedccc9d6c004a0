import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'

/** A staff PIN as offered to unlock: 4 to 12 digits (PINs set before the 6-digit rule still work). */
export const staffPinSchema = z.string().regex(/^\d{4,12}$/, 'a staff PIN is 4 to 12 digits')

/** A PIN being set: 6 to 12 digits, so guessing takes a million tries, not ten thousand. */
export const newStaffPinSchema = z.string().regex(/^\d{6,12}$/, 'a new staff PIN is 6 to 12 digits')

/** Wrong PINs in a row that lock staff access. */
export const staffMaxFailedAttempts = 5
/**
 * How long staff access stays locked after each round of too many wrong PINs since the last
 * correct one: five minutes (docs/kiosk-contract.md "Modes and staff"), then an hour, then a day for every further round.
 */
export const staffLockoutStepsMs: readonly number[] = [5 * 60_000, 60 * 60_000, 24 * 60 * 60_000]
/** A staff session ends after this long without a staff request. */
export const staffSessionIdleMs = 5 * 60_000

/** What anyone at the kiosk may know about staff access (never the PIN or a token). */
export interface StaffStatus {
  /** False on a fresh data folder: the first staff gesture asks for a new PIN. */
  readonly hasPin: boolean
  /** Set while staff access is locked after too many wrong PINs: when it opens again. */
  readonly lockedUntilMs: number | undefined
  /** Wrong PINs still allowed before the lock. */
  readonly remainingAttempts: number
}

/** The outcome of offering a PIN. */
export type StaffUnlockResult =
  | { readonly outcome: 'unlocked'; readonly sessionToken: string; readonly idleTimeoutMs: number }
  | { readonly outcome: 'wrong-pin'; readonly status: StaffStatus }
  | { readonly outcome: 'locked'; readonly status: StaffStatus }

export const staffPinArgsSchema = z.object({ pin: staffPinSchema })
export type StaffPinArgs = z.infer<typeof staffPinArgsSchema>
export const newStaffPinArgsSchema = z.object({ pin: newStaffPinSchema })
export type NewStaffPinArgs = z.infer<typeof newStaffPinArgsSchema>
/** A PIN change from a staff session: the PIN in force, then the new one. */
export const changeStaffPinArgsSchema = z.object({
  currentPin: staffPinSchema,
  pin: newStaffPinSchema,
})
export type ChangeStaffPinArgs = z.infer<typeof changeStaffPinArgsSchema>

/**
 * Staff access. `staff:create-pin` works only while no PIN exists (a fresh data folder) and opens
 * a session; afterwards the PIN changes only from a staff session or the terminal.
 */
export interface StaffRequests {
  'staff:status': { args: undefined; result: StaffStatus }
  'staff:create-pin': { args: NewStaffPinArgs; result: StaffUnlockResult }
  'staff:unlock': { args: StaffPinArgs; result: StaffUnlockResult }
  /** Needs the PIN in force (a wrong one counts as a wrong PIN); ends every other staff session. */
  'staff:change-pin': { args: ChangeStaffPinArgs; result: void }
  /** Keeps the presenting session alive while staff use the admin screen. */
  'staff:keep-alive': { args: undefined; result: void }
  /** Ends the presenting session. */
  'staff:lock': { args: undefined; result: void }
}

export const staffChannels = {
  'staff:status': { args: z.undefined(), access: 'visitor' },
  'staff:create-pin': { args: newStaffPinArgsSchema, access: 'visitor' },
  'staff:unlock': { args: staffPinArgsSchema, access: 'visitor' },
  'staff:change-pin': { args: changeStaffPinArgsSchema, access: 'staff' },
  'staff:keep-alive': { args: z.undefined(), access: 'staff' },
  'staff:lock': { args: z.undefined(), access: 'staff' },
} as const satisfies ChannelSpecs<StaffRequests>

export interface StaffEvents {
  /** A staff session ended by itself (idle) or was ended; the admin screen closes. */
  'staff:session-ended': { readonly reason: 'idle' | 'locked' }
}
export const staffEvents = {
  'staff:session-ended': true,
} as const satisfies EventSpecs<StaffEvents>
