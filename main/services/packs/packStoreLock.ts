import { open, readFile, unlink } from 'node:fs/promises'
import { RequestError } from '../../../src/contract/requestError'

/**
 * A lock file that lets one process at a time change the store (the kiosk and a `songyun pack`
 * command may share a data folder). It holds the owner's pid; a lock whose process is gone (a
 * kill, a power cut) is taken over.
 */
export async function acquirePackStoreLock(lockFile: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => unlink(lockFile).catch(() => undefined)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const ownerPid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
    if (
      Number.isInteger(ownerPid) &&
      ownerPid > 0 &&
      ownerPid !== process.pid &&
      isProcessAlive(ownerPid)
    ) {
      throw new RequestError(
        'conflict',
        `Another process (pid ${ownerPid}) is changing the installed packs; try again when it is done`,
      )
    }
    await unlink(lockFile).catch(() => undefined)
  }
  throw new RequestError('conflict', `Cannot take the pack store lock ${lockFile}`)
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
