import type { Readable } from 'node:stream'
import type { Problem } from '../../../src/contract/requestError'

/** A file of a pack, whether it lives in an archive or a folder. */
export interface PackEntry {
  /** The path relative to the pack root (after a wrapper folder is removed), NFC, `/`-separated. */
  readonly path: string
  /** The name as the archive or folder has it, for messages. */
  readonly sourceName: string
  /** The uncompressed size its header claims (checked again while streaming). */
  readonly declaredSize: number
}

/**
 * A pack's files, listed and checked for unsafe names and entry kinds, not yet read. Both an
 * archive and a plain folder are read through this, so they obey the same rules.
 */
export interface PackContainer {
  readonly sourcePath: string
  /** The pack's files by their path, OS junk and directory entries left out, in reading order. */
  readonly entries: ReadonlyMap<string, PackEntry>
  /** What was wrong with the names, kinds and headers; each names its entry. */
  readonly problems: readonly Problem[]
  /** The bytes of an entry, uncompressed; the stream fails if they exceed its declared size. */
  openEntry(entry: PackEntry): Promise<Readable>
  close(): Promise<void>
}
