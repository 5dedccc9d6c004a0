import { kioskHeartbeatSchema, type KioskHeartbeat } from './kioskHeartbeat'

/** A heartbeat older than this (three missed minutes) marks its kiosk stale. */
export const defaultStaleAfterMs = 3 * 60_000
/** A heartbeat dated further ahead than this says the writer's clock is ahead of the reader's. */
export const clockSkewToleranceMs = 2 * 60_000

/** One kiosk's `status.json` as read from the fleet folder, before it is checked. */
export interface HeartbeatFile {
  readonly folderName: string
  /** The parsed JSON, or the reason it could not be read. */
  readonly content: { readonly json: unknown } | { readonly error: string }
}

/** One row of `songyun fleet status`. */
export type FleetStatusRow =
  | {
      readonly folderName: string
      readonly isReadable: true
      readonly heartbeat: KioskHeartbeat
      readonly ageMs: number
      readonly isStale: boolean
      /** How far the kiosk's clock is ahead of the reader's, when it is beyond the tolerance. */
      readonly clockAheadMs: number | undefined
      readonly problems: readonly string[]
    }
  | {
      readonly folderName: string
      readonly isReadable: false
      readonly problems: readonly string[]
    }

/**
 * The fleet at a glance: each kiosk's heartbeat, its age, whether it is stale, and what looks
 * wrong (a folder name that is not its id, a clock ahead, one id used by two installations).
 * A heartbeat that cannot be read is a row of its own, never an error for the others.
 */
export function fleetStatusRows(
  files: readonly HeartbeatFile[],
  nowMs: number,
  staleAfterMs = defaultStaleAfterMs,
): FleetStatusRow[] {
  const rows: FleetStatusRow[] = files.map((file) => {
    if ('error' in file.content) {
      return { folderName: file.folderName, isReadable: false, problems: [file.content.error] }
    }
    const parsed = kioskHeartbeatSchema.safeParse(file.content.json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return {
        folderName: file.folderName,
        isReadable: false,
        problems: [`not a kiosk heartbeat: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`],
      }
    }
    const heartbeat = parsed.data
    const ageMs = nowMs - heartbeat.writtenAtMs
    const problems = [...heartbeat.warnings]
    if (heartbeat.kioskId !== file.folderName) {
      problems.push(
        `written by kiosk "${heartbeat.kioskId}" into the folder of "${file.folderName}"`,
      )
    }
    const clockAheadMs = -ageMs > clockSkewToleranceMs ? -ageMs : undefined
    if (clockAheadMs !== undefined) {
      problems.push(`its clock is ${Math.round(clockAheadMs / 1000)} s ahead of this machine's`)
    }
    return {
      folderName: file.folderName,
      isReadable: true,
      heartbeat,
      ageMs,
      isStale: ageMs > staleAfterMs,
      clockAheadMs,
      problems,
    }
  })
  return rows.sort((a, b) => a.folderName.localeCompare(b.folderName))
}
