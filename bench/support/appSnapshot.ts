import { cp, mkdir, rm, symlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Copies the built app (package.json, bin/, out/, assets/) into `targetDir` with node_modules
 * linked, and returns that folder as an app root for `startKioskServer`. Several people build
 * into the one out/ folder; a soak or bench run from a snapshot is not broken halfway by a rebuild
 * (a lazily loaded exhibit chunk that vanished would look like an app error).
 */
export async function snapshotBuiltApp(targetDir: string): Promise<string> {
  // A build running elsewhere can delete files while they are copied: wait and copy again.
  for (let attempt = 1; ; attempt++) {
    try {
      await mkdir(targetDir, { recursive: true })
      for (const entry of ['package.json', 'bin', 'out', 'assets']) {
        await cp(path.join(repositoryRoot, entry), path.join(targetDir, entry), { recursive: true })
      }
      break
    } catch (error) {
      if (attempt >= 10 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      await rm(targetDir, { recursive: true, force: true })
      await sleep(3_000)
    }
  }
  await symlink(
    path.join(repositoryRoot, 'node_modules'),
    path.join(targetDir, 'node_modules'),
    'dir',
  )
  return targetDir
}
