import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

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
  /** The mount folder. */
  readonly path: string
  /** What staff see: the volume's label (its folder name). */
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
 * The removable volumes mounted now: folders directly under a root, or one level deeper (a
 * per-user folder), that are mount points. `requireMountPoint: false` lets tests use plain folders.
 */
export async function listRemovableVolumes(
  roots: readonly string[] = defaultRemovableMediaRoots,
  requireMountPoint = true,
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
