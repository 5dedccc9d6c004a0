import { open, readFile, rename } from 'node:fs/promises'
import { fsyncFolder } from '../durableFolder'

export { fsyncFolder }
import path from 'node:path'
import * as z from 'zod'

/** One installed version of a pack in the store. */
const storedVersionSchema = z.object({
  version: z.string(),
  /** Its folder under `packs/versions/<id>/`. */
  folder: z.string().regex(/^[A-Za-z0-9._+~-]+$/),
  installedAtMs: z.number(),
  /** SHA-256 of its manifest.json, to tell a damaged one at verify. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The fingerprint of the key that signed it, if any. */
  signedBy: z.string().optional(),
  isBuiltin: z.boolean().default(false),
})
export type StoredVersion = z.infer<typeof storedVersionSchema>

const storedPackSchema = z.object({
  id: z.string(),
  active: storedVersionSchema,
  /** Previously active versions kept for rollback, most recently active first. */
  previous: z.array(storedVersionSchema).default([]),
})
export type StoredPack = z.infer<typeof storedPackSchema>

/** `packs/state.json`: which version of each pack is live. Replaced whole by an atomic rename. */
export const packStoreStateSchema = z.object({
  stateFormat: z.literal(1),
  /** Installed pack ids in the order their exhibits are shown. */
  packs: z.array(storedPackSchema),
  /** The built-in pack versions this data folder has installed, by id (so each installs once). */
  builtinVersions: z.record(z.string(), z.string()).default({}),
})
export type PackStoreState = z.infer<typeof packStoreStateSchema>

export function emptyPackStoreState(): PackStoreState {
  return { stateFormat: 1, packs: [], builtinVersions: {} }
}

/** Reads the state file; a missing one is an empty store, a damaged one an Error naming it. */
export async function readPackStoreState(stateFile: string): Promise<PackStoreState> {
  let text: string
  try {
    text = await readFile(stateFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPackStoreState()
    throw error
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`${stateFile} is damaged: ${(error as Error).message}`)
  }
  const parsed = packStoreStateSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${stateFile} is damaged at /${issue?.path.join('/') ?? ''}: ${issue?.message ?? ''}`,
    )
  }
  return parsed.data
}

/**
 * Replaces the state file so that a kill or a power cut at any instant leaves either the old or
 * the new state: write a temp file, fsync it, rename it over the old one, fsync the folder.
 * The caller holds the store lock, so one temp name suffices.
 */
export async function writePackStoreState(stateFile: string, state: PackStoreState): Promise<void> {
  const tempFile = `${stateFile}.tmp`
  const handle = await open(tempFile, 'w')
  try {
    await handle.writeFile(`${JSON.stringify(state, null, 2)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tempFile, stateFile)
  await fsyncFolder(path.dirname(stateFile))
}
