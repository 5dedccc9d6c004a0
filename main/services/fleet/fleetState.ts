import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import * as z from 'zod'
import { commandResultSchema } from '../../../src/fleet/kioskHeartbeat'
import { writeJsonAtomically } from '../atomicFile'

const fleetStateSchema = z.object({
  /** Pack archives of the fleet folder this kiosk has taken, by the archive's SHA-256. */
  takenPacks: z.record(
    z.string(),
    z.object({
      fileName: z.string(),
      outcome: z.enum(['installed', 'rejected']),
      message: z.string(),
      atMs: z.number(),
    }),
  ),
  /** Commands this kiosk applied (or tried to), newest last; applied ones are never run again. */
  commandResults: z.array(commandResultSchema),
})
export type FleetState = z.infer<typeof fleetStateSchema>

/** How many command results are kept (and shown in the heartbeat). */
const keptCommandResults = 50

/**
 * `<data>/fleet/state.json`: what this kiosk has already done with the shared folder, so a pack
 * is installed once and a command applied once, across restarts. A missing or unreadable file
 * starts empty (the worst case is one pack installed again: the install is idempotent).
 */
export class FleetStateFile {
  #state: FleetState = { takenPacks: {}, commandResults: [] }

  constructor(private readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, 'fleet', 'state.json')
  }

  get state(): FleetState {
    return this.#state
  }

  async load(): Promise<void> {
    try {
      const parsed = fleetStateSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      if (parsed.success) this.#state = parsed.data
    } catch {
      // Absent or torn: start empty.
    }
  }

  async update(change: (state: FleetState) => void): Promise<void> {
    change(this.#state)
    this.#state.commandResults = this.#state.commandResults.slice(-keptCommandResults)
    await mkdir(path.dirname(this.file), { recursive: true })
    await writeJsonAtomically(this.file, this.#state)
  }
}
