import { open } from 'node:fs/promises'

/** Makes a folder's entries (a rename, a new file) durable. Not possible on Windows: skipped. */
export async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
