import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { PackSourceFile, PackSourceLocation } from '../../../src/contract/areas/packs'

const archivePattern = /\.(songpack|zip)$/i
const maxSourcesPerRoot = 200

/**
 * The pack archives (and pack folders) at the top of each removable medium and in one level of
 * folders below it, and in `<data>/inbox/`. Unreadable media are skipped without a word.
 */
export async function findPackSources(
  dataDir: string,
  mediaRoots: readonly string[],
): Promise<PackSourceFile[]> {
  const sources: PackSourceFile[] = []
  await scanRoot(path.join(dataDir, 'inbox'), 'inbox', 0, sources)
  for (const root of mediaRoots) await scanRoot(root, 'removable', 1, sources)
  return sources
}

async function scanRoot(
  root: string,
  location: PackSourceLocation,
  depth: number,
  sources: PackSourceFile[],
): Promise<void> {
  let count = 0
  const visit = async (dir: string, levelsLeft: number) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (count >= maxSourcesPerRoot || entry.name.startsWith('.')) continue
      const fullPath = path.join(dir, entry.name)
      if (entry.isFile() && archivePattern.test(entry.name)) {
        const stats = await stat(fullPath).catch(() => undefined)
        if (!stats) continue
        sources.push(sourceOf(fullPath, location, stats.size, stats.mtimeMs, false))
        count++
      } else if (entry.isDirectory()) {
        if (existsSync(path.join(fullPath, 'manifest.json'))) {
          const stats = await stat(fullPath).catch(() => undefined)
          if (!stats) continue
          sources.push(sourceOf(fullPath, location, 0, stats.mtimeMs, true))
          count++
        } else if (levelsLeft > 0) {
          await visit(fullPath, levelsLeft - 1)
        }
      }
    }
  }
  await visit(root, depth)
}

function sourceOf(
  fullPath: string,
  location: PackSourceLocation,
  sizeBytes: number,
  modifiedAtMs: number,
  isFolder: boolean,
): PackSourceFile {
  return {
    path: fullPath,
    fileName: path.basename(fullPath),
    location,
    sizeBytes,
    modifiedAtMs: Math.round(modifiedAtMs),
    isFolder,
  }
}
