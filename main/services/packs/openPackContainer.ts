import { stat } from 'node:fs/promises'
import type { PackContainer } from './packContainer'
import type { PackLimits } from './packLimits'
import { openFolderPackContainer } from './folderPackContainer'

/** Opens a pack given as an archive or a folder; a path that is neither is one problem. */
export async function openPackContainer(
  sourcePath: string,
  limits: PackLimits,
): Promise<PackContainer> {
  let isFolder: boolean
  try {
    const stats = await stat(sourcePath)
    if (!stats.isFile() && !stats.isDirectory()) throw new Error('not a file or folder')
    isFolder = stats.isDirectory()
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file or folder'
        : (error as Error).message
    return {
      sourcePath,
      entries: new Map(),
      problems: [{ path: sourcePath, message: `cannot read the pack: ${reason}` }],
      openEntry: () => Promise.reject(new Error('no pack')),
      close: async () => {},
    }
  }
  if (isFolder) return openFolderPackContainer(sourcePath, limits)
  // The zip reader (yauzl, and iconv-lite for old archives' GBK names: ~0.6 MB of code) loads
  // only when an archive is opened, not with the services: a kiosk's everyday start opens none
  // (main/services/packs/builtinArchiveIdentity.ts), and its code would delay the first screen.
  const { openZipPackContainer } = await import('./zipPackContainer')
  return openZipPackContainer(sourcePath, limits)
}
