import { stat } from 'node:fs/promises'
import type { PackContainer } from './packContainer'
import type { PackLimits } from './packLimits'
import { openFolderPackContainer } from './folderPackContainer'
import { openZipPackContainer } from './zipPackContainer'

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
  return isFolder
    ? openFolderPackContainer(sourcePath, limits)
    : openZipPackContainer(sourcePath, limits)
}
