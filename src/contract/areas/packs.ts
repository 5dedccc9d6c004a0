import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import type { LocalizedText } from '../../i18n/localizedText'

/** One installed version of a pack, kept on the kiosk (the active one or one for rollback). */
export interface InstalledPackVersion {
  readonly version: string
  readonly title: LocalizedText
  /** When it was installed, ms since the epoch. */
  readonly installedAtMs: number
  readonly isActive: boolean
  /** Whether it came with the app (the built-in pack) rather than from an operator. */
  readonly isBuiltin: boolean
  /** Whether it carried a signature that verified against a trusted key (or the app's own). */
  readonly isSigned: boolean
}

/** An installed pack id: its active version and the previous versions kept for rollback. */
export interface InstalledPack {
  readonly id: string
  readonly activeVersion: string
  /** The active version's title. */
  readonly title: LocalizedText
  /** The active version first, then the previous ones, most recently active first. */
  readonly versions: readonly InstalledPackVersion[]
  /** The version `packs:rollback` would make active, or `undefined` when there is none. */
  readonly rollbackVersion: string | undefined
}

/** What is installed on the kiosk. */
export interface PacksListing {
  readonly packs: readonly InstalledPack[]
}

/** A successful install: the pack is live. */
export interface PackInstallResult {
  readonly installId: string
  readonly packId: string
  readonly version: string
  /** The version that was active before, now kept for rollback; `undefined` for a new pack id. */
  readonly previousVersion: string | undefined
  readonly isSigned: boolean
}

/** A successful rollback. */
export interface PackRollbackResult {
  readonly packId: string
  /** The version now active. */
  readonly version: string
  /** The version that was active and is now discarded. */
  readonly replacedVersion: string
}

/** Where a pack archive was found: removable media or the data folder's `inbox/`. */
export type PackSourceLocation = 'removable' | 'inbox'

/** A pack archive (or pack folder) the kiosk can see, offered to staff for installing. */
export interface PackSourceFile {
  /** Absolute path on the kiosk; pass it to `packs:install`. */
  readonly path: string
  readonly fileName: string
  readonly location: PackSourceLocation
  readonly sizeBytes: number
  readonly modifiedAtMs: number
  readonly isFolder: boolean
}

/** The pack archives found on removable media and in the inbox. */
export interface PackSourcesListing {
  readonly sources: readonly PackSourceFile[]
}

/** The phases of an install, in order; `done` and `failed` are the last event of an install. */
export const packInstallPhases = ['reading', 'verifying', 'activating', 'done', 'failed'] as const
export type PackInstallPhase = (typeof packInstallPhases)[number]

/** Progress of one install, pushed while it runs. */
export interface PackInstallProgress {
  readonly installId: string
  readonly phase: PackInstallPhase
  /** Uncompressed bytes read and hashed so far. */
  readonly bytesDone: number
  /** Uncompressed bytes the pack declares in all. */
  readonly bytesTotal: number
}

export const packInstallArgsSchema = z.object({
  /** Staff confirmed installing a version older than the active one. */
  allowDowngrade: z.boolean().optional(),
  /** An archive (`.songpack`, `.zip`) or a pack folder on the kiosk. */
  path: z.string().min(1).max(4096),
  /** Chosen by the caller to match `packs:progress` events to this install; made up if absent. */
  installId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 characters of A-Z, a-z, 0-9, "_" and "-"')
    .optional(),
})
export type PackInstallArgs = z.infer<typeof packInstallArgsSchema>

export const packRollbackArgsSchema = z.object({ packId: z.string().min(1).max(64) })
export type PackRollbackArgs = z.infer<typeof packRollbackArgsSchema>

/**
 * The pack store, for the admin screen. A rejected install or rollback fails with a
 * `RequestError` of code `rejected` whose `problems` list every problem found, each naming its
 * file or JSON path; nothing installed changes then.
 */
export interface PacksRequests {
  'packs:list': { args: undefined; result: PacksListing }
  'packs:install': { args: PackInstallArgs; result: PackInstallResult }
  'packs:rollback': { args: PackRollbackArgs; result: PackRollbackResult }
  'packs:sources': { args: undefined; result: PackSourcesListing }
}

export const packsChannels = {
  'packs:list': { args: z.undefined(), access: 'staff' },
  'packs:install': { args: packInstallArgsSchema, access: 'staff' },
  'packs:rollback': { args: packRollbackArgsSchema, access: 'staff' },
  'packs:sources': { args: z.undefined(), access: 'staff' },
} as const satisfies ChannelSpecs<PacksRequests>

/** `packs:changed` (the active packs changed) is declared in the content area. */
export interface PacksEvents {
  'packs:progress': PackInstallProgress
}
export const packsEvents = { 'packs:progress': true } as const satisfies EventSpecs<PacksEvents>
