/**
 * When a file that a sync tool (Syncthing, rsync, an SMB copy) is still writing may be taken:
 * the fleet folder gives no signal that a copy is complete, so a file counts as complete once its
 * size and modification time have not changed for a settle time (docs/fleet.md).
 */

/** What one look at a file saw. */
export interface SyncedFileObservation {
  readonly sizeBytes: number
  readonly modifiedAtMs: number
}

/** What is remembered of a file between looks. */
export interface SyncedFileTrack extends SyncedFileObservation {
  /** When the size or time last changed (or the file was first seen), by the kiosk's clock. */
  readonly unchangedSinceMs: number
}

/**
 * Names that sync tools and editors use for files still being written or left behind: Syncthing's
 * `.syncthing.*.tmp`, rsync's `.name.XXXXXX`, any hidden file, `~` backups and `.part`/`.tmp`/
 * `.partial`/`.crdownload` downloads. Such a file is never a pack or a command.
 */
export function isSyncTemporaryName(fileName: string): boolean {
  return (
    fileName.startsWith('.') ||
    fileName.startsWith('~') ||
    fileName.endsWith('~') ||
    /\.(tmp|temp|part|partial|crdownload|swp)$/i.test(fileName)
  )
}

/** The track after a new look: the time it has been still restarts whenever it changed. */
export function trackSyncedFile(
  previous: SyncedFileTrack | undefined,
  seen: SyncedFileObservation,
  nowMs: number,
): SyncedFileTrack {
  const isUnchanged =
    previous !== undefined &&
    previous.sizeBytes === seen.sizeBytes &&
    previous.modifiedAtMs === seen.modifiedAtMs
  return { ...seen, unchangedSinceMs: isUnchanged ? previous.unchangedSinceMs : nowMs }
}

/** Whether a tracked file has stayed the same for at least `settleMs` (and is not empty). */
export function isSyncedFileStill(
  track: SyncedFileTrack,
  nowMs: number,
  settleMs: number,
): boolean {
  return track.sizeBytes > 0 && nowMs - track.unchangedSinceMs >= settleMs
}
