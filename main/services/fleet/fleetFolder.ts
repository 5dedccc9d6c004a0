import { randomBytes } from 'node:crypto'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { HeartbeatFile } from '../../../src/fleet/fleetStatus'
import { kioskIdSchema } from '../../../src/settings/settingsSchema'
import { writeFileAtomically } from '../atomicFile'

/** The fleet folder's layout (docs/fleet.md). */
export const fleetLayout = {
  packs: (fleetDir: string) => path.join(fleetDir, 'packs'),
  commands: (fleetDir: string) => path.join(fleetDir, 'commands'),
  kiosks: (fleetDir: string) => path.join(fleetDir, 'kiosks'),
  kiosk: (fleetDir: string, kioskId: string) => path.join(fleetDir, 'kiosks', kioskId),
  status: (fleetDir: string, kioskId: string) =>
    path.join(fleetDir, 'kiosks', kioskId, 'status.json'),
  analytics: (fleetDir: string, kioskId: string) =>
    path.join(fleetDir, 'kiosks', kioskId, 'analytics'),
}

/**
 * The kiosk id used when `settings.kioskId` is absent: this machine's host name, made safe as a
 * folder name (venues name their kiosk PCs; two with one name are reported, not merged).
 */
export function defaultKioskId(hostName = os.hostname()): string {
  const cleaned = hostName
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64)
    .replace(/[-_]+$/, '')
  return kioskIdSchema.safeParse(cleaned).success ? cleaned : 'kiosk'
}

/**
 * A random id kept in the data folder: it tells two kiosks that were given the same kiosk id
 * apart, while one kiosk restarting keeps its own.
 */
export async function installationIdOf(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'fleet', 'installation-id')
  try {
    const text = (await readFile(file, 'utf8')).trim()
    if (/^[0-9a-f]{16}$/.test(text)) return text
  } catch {
    // First start with a fleet folder: make one below.
  }
  const id = randomBytes(8).toString('hex')
  await mkdir(path.dirname(file), { recursive: true })
  await writeFileAtomically(file, `${id}\n`)
  return id
}

/** Every kiosk's `status.json`, read but not yet checked; a folder without one is left out. */
export async function readHeartbeatFiles(fleetDir: string): Promise<HeartbeatFile[]> {
  const entries = await readdir(fleetLayout.kiosks(fleetDir), { withFileTypes: true })
  const files: HeartbeatFile[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue
    let text: string
    try {
      text = await readFile(fleetLayout.status(fleetDir, entry.name), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      files.push({ folderName: entry.name, content: { error: (error as Error).message } })
      continue
    }
    try {
      files.push({ folderName: entry.name, content: { json: JSON.parse(text) as unknown } })
    } catch (error) {
      files.push({
        folderName: entry.name,
        content: { error: `status.json is not JSON: ${(error as Error).message}` },
      })
    }
  }
  return files
}
