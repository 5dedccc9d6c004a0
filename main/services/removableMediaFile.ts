import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { lstat, open, rename, unlink } from 'node:fs/promises'
import path from 'node:path'
import { RequestError } from '../../src/contract/requestError'

/**
 * Writes a file onto a USB stick (or any folder someone else prepared) without trusting what is
 * already there. A stick is hostile input: a symlink named like the export file would otherwise
 * make the write land wherever it points (write-file-atomic follows links), e.g. over the kiosk's
 * own `packs/state.json`. So the target is refused unless it is absent or a regular file, the
 * bytes go into a fresh temp file created exclusively without following links beside it, and a
 * rename puts them in place (a rename replaces a name; it never writes through a link).
 */
export async function writeFileOntoRemovableMedia(
  filePath: string,
  data: string | Buffer,
): Promise<void> {
  await refuseUnlessRegularOrAbsent(filePath)
  const folder = path.dirname(filePath)
  const tempPath = path.join(
    folder,
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
  )
  // O_NOFOLLOW is absent on Windows (0 there); O_EXCL alone already refuses any existing name.
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)
  const handle = await open(tempPath, flags, 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    // Checked again right before the rename: the stick may have changed while the data was written.
    await refuseUnlessRegularOrAbsent(filePath)
    await rename(tempPath, filePath)
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
}

async function refuseUnlessRegularOrAbsent(filePath: string): Promise<void> {
  let info: Stats
  try {
    info = await lstat(filePath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if (!info.isFile()) {
    throw new RequestError(
      'conflict',
      `"${filePath}" already exists and is not a plain file (a link or a folder); remove it from the stick and export again`,
    )
  }
}
