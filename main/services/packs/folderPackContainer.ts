import { createReadStream } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../../../src/contract/requestError'
import type { PackContainer, PackEntry } from './packContainer'
import { resolvePackEntries, type ListedEntry } from './packEntryList'
import type { PackLimits } from './packLimits'

interface FolderPackEntry extends PackEntry {
  readonly filePath: string
}

/**
 * Reads a pack that is a plain folder (authoring, preview, `pack build`) under the same rules as
 * an archive: symbolic links and special files are refused, never followed.
 */
export async function openFolderPackContainer(
  folder: string,
  limits: PackLimits,
): Promise<PackContainer> {
  const problems: Problem[] = []
  const listed: ListedEntry<string>[] = []
  const walk = async (dir: string, prefix: string): Promise<boolean> => {
    for (const dirent of await readdir(dir, { withFileTypes: true })) {
      if (listed.length >= limits.maxEntries) {
        problems.push({
          path: folder,
          message: `refused: the folder holds more than ${limits.maxEntries} entries`,
        })
        return false
      }
      const name = `${prefix}${dirent.name.normalize('NFC')}`
      const filePath = path.join(dir, dirent.name)
      const stats = await lstat(filePath)
      if (stats.isSymbolicLink()) {
        problems.push({ path: name, message: 'refused: the entry is a symbolic link' })
      } else if (stats.isDirectory()) {
        listed.push({ name: `${name}/`, isDirectory: true, declaredSize: 0, source: filePath })
        if (!(await walk(filePath, `${name}/`))) return false
      } else if (stats.isFile()) {
        listed.push({ name, isDirectory: false, declaredSize: stats.size, source: filePath })
      } else {
        problems.push({
          path: name,
          message: 'refused: the entry is a special file (device, pipe or socket)',
        })
      }
    }
    return true
  }
  try {
    await walk(folder, '')
  } catch (error) {
    problems.push({
      path: folder,
      message: `the folder could not be read (${(error as Error).message})`,
    })
  }
  const resolved = resolvePackEntries(listed)
  const entries = new Map<string, FolderPackEntry>()
  for (const [relative, file] of resolved.files) {
    entries.set(relative, {
      path: file.path,
      sourceName: file.sourceName,
      declaredSize: file.declaredSize,
      filePath: file.source,
    })
  }
  return {
    sourcePath: folder,
    entries,
    problems: [...problems, ...resolved.problems],
    openEntry: async (entry) => createReadStream((entry as FolderPackEntry).filePath),
    close: async () => {},
  }
}
