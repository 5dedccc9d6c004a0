import { chmod, mkdir } from 'node:fs/promises'

/** Folders of the data folder: only the kiosk's own user may list or enter them. */
export const privateFolderMode = 0o700
/** Files of the data folder (the PIN hash, settings, analytics, logs): only the kiosk's user reads them. */
export const privateFileMode = 0o600

/**
 * Creates the data folder, or tightens an existing one, so other local users cannot read the PIN
 * hash, the analytics or the logs inside it. Windows keeps its own ACLs (the user's AppData).
 */
export async function preparePrivateDataFolder(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: privateFolderMode })
  if (process.platform !== 'win32') await chmod(dataDir, privateFolderMode)
}
