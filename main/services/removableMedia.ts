import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { runCommandWithExecFile, type CommandRunner } from './commandRunner'
import type { Logger } from './logger'
import { listWindowsRemovableDrives } from './windowsRemovableDrives'

/**
 * The folders under which desktop systems mount USB sticks: udisks on Linux (`/media/<user>/<label>`
 * and `/run/media/<user>/<label>`), plain mounts in `/media/<label>` and `/mnt/<label>`, and
 * `/Volumes/<label>` on macOS.
 */
export const defaultRemovableMediaRoots: readonly string[] = [
  '/media',
  '/run/media',
  '/mnt',
  '/Volumes',
]

/** One mounted removable volume. */
export interface RemovableVolume {
  /** The mount folder, or the drive root (`E:\`) on Windows. */
  readonly path: string
  /** What staff see: the volume's label (its folder name; on Windows its label, else `E:`). */
  readonly label: string
}

async function subfolders(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true })
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => path.join(folder, entry.name))
  } catch {
    return []
  }
}

async function isMountPoint(folder: string): Promise<boolean> {
  try {
    const [own, parent] = await Promise.all([stat(folder), stat(path.dirname(folder))])
    return own.dev !== parent.dev
  } catch {
    return false
  }
}

/**
 * The removable volumes mounted now under the given roots: folders directly under a root, or one
 * level deeper (a per-user folder), that are mount points. `requireMountPoint: false` counts every
 * folder directly under a root (`songyun serve --media-root`, tests).
 */
export async function listMountedVolumesUnder(
  roots: readonly string[],
  requireMountPoint: boolean,
): Promise<RemovableVolume[]> {
  const volumes: RemovableVolume[] = []
  for (const root of roots) {
    for (const child of await subfolders(root)) {
      if (!requireMountPoint || (await isMountPoint(child))) {
        volumes.push({ path: child, label: path.basename(child) })
        continue
      }
      for (const grandchild of await subfolders(child)) {
        if (await isMountPoint(grandchild)) {
          volumes.push({ path: grandchild, label: path.basename(grandchild) })
        }
      }
    }
  }
  return volumes
}

/** Where and how to look for USB sticks. */
export interface RemovableMediaLookup {
  /** Receives why no stick could be listed (a failed or garbled Windows listing). */
  readonly logger: Logger
  /**
   * Folders whose every subfolder counts as a stick, on any system (`songyun serve
   * --media-root`); without them the system is asked.
   */
  readonly mediaRoots?: readonly string[]
  /** Which system to ask; by default this process's. */
  readonly platform?: NodeJS.Platform
  /** How programs are run (PowerShell on Windows); by default `execFile`. */
  readonly runCommand?: CommandRunner
}

/**
 * The USB sticks (and memory cards) mounted now, whatever the system: the given media roots'
 * folders; else on Windows the removable drives by letter (`E:\`); else the mount points under
 * {@link defaultRemovableMediaRoots}. Never throws: a listing that fails gives no volumes.
 */
export async function listRemovableVolumes(
  lookup: RemovableMediaLookup,
): Promise<RemovableVolume[]> {
  if (lookup.mediaRoots !== undefined) return listMountedVolumesUnder(lookup.mediaRoots, false)
  if ((lookup.platform ?? process.platform) === 'win32') {
    return listWindowsRemovableDrives({
      runCommand: lookup.runCommand ?? runCommandWithExecFile,
      logger: lookup.logger,
    })
  }
  return listMountedVolumesUnder(defaultRemovableMediaRoots, true)
}
