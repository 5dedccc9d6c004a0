import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../../../src/contract/requestError'
import type { StoredVersion } from './packStoreState'
import { manifestFileName } from './stagePack'

/**
 * Checks an installed version against its manifest: the manifest is the one installed (its
 * SHA-256 is in the state file), and every file it lists has its size and SHA-256.
 */
export async function verifyInstalledVersion(
  rootDir: string,
  stored: StoredVersion,
): Promise<Problem[]> {
  const problems: Problem[] = []
  const manifestPath = path.join(rootDir, manifestFileName)
  let manifestBytes: Buffer
  try {
    manifestBytes = await readFile(manifestPath)
  } catch (error) {
    return [{ path: manifestPath, message: `cannot be read: ${(error as Error).message}` }]
  }
  if (createHash('sha256').update(manifestBytes).digest('hex') !== stored.manifestSha256) {
    return [{ path: manifestPath, message: 'differs from the manifest that was installed' }]
  }
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as {
    files: Record<string, { size: number; sha256: string }>
  }
  for (const [filePath, listed] of Object.entries(manifest.files)) {
    // The paths were checked when the version was installed.
    const onDisk = path.join(rootDir, ...filePath.split('/'))
    try {
      const stats = await stat(onDisk)
      if (stats.size !== listed.size) {
        problems.push({
          path: onDisk,
          message: `holds ${stats.size} bytes, the manifest says ${listed.size}`,
        })
        continue
      }
      const hash = createHash('sha256')
      for await (const chunk of createReadStream(onDisk)) hash.update(chunk as Buffer)
      if (hash.digest('hex') !== listed.sha256) {
        problems.push({
          path: onDisk,
          message: 'its SHA-256 differs from the manifest (the file is damaged)',
        })
      }
    } catch (error) {
      problems.push({ path: onDisk, message: `cannot be read: ${(error as Error).message}` })
    }
  }
  return problems
}
