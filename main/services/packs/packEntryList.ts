import type { Problem } from '../../../src/contract/requestError'
import { caseFoldedName, isOsJunk, unsafeEntryNameReason } from './packPathRules'

/** One raw entry of an archive or folder, its name already decoded to text. */
export interface ListedEntry<Source> {
  readonly name: string
  readonly isDirectory: boolean
  readonly declaredSize: number
  readonly source: Source
}

/** The entries left once the pack root is found and junk removed, plus what was wrong. */
export interface ResolvedEntries<Source> {
  readonly files: Map<
    string,
    {
      readonly path: string
      readonly sourceName: string
      readonly declaredSize: number
      readonly source: Source
    }
  >
  readonly problems: Problem[]
}

/**
 * Applies the archive rules shared by archives and folders: unsafe names, OS junk, the single
 * wrapper folder, duplicate names (also equal but for letter case) and a name that is both a
 * file and a folder. Every problem names the entry as the archive has it.
 */
export function resolvePackEntries<Source>(
  listed: readonly ListedEntry<Source>[],
): ResolvedEntries<Source> {
  const problems: Problem[] = []
  const kept: ListedEntry<Source>[] = []
  for (const entry of listed) {
    // Junk is dropped before the name rules: it is never written, and macOS's "Icon\r" would
    // otherwise be refused for its control character.
    if (isOsJunk(entry.name)) continue
    const reason = unsafeEntryNameReason(entry.name)
    if (reason) {
      problems.push({ path: entry.name, message: `refused: ${reason}` })
      continue
    }
    kept.push(entry)
  }

  const prefix = wrapperFolderPrefix(kept)
  const files = new Map<
    string,
    { path: string; sourceName: string; declaredSize: number; source: Source }
  >()
  const seenFolded = new Map<string, string>()
  const folderNames = new Map<string, string>()
  for (const entry of kept) {
    const relative = entry.name.slice(prefix.length).replace(/\/$/, '')
    if (relative === '') continue
    if (entry.isDirectory) continue
    const folded = caseFoldedName(relative)
    const earlier = seenFolded.get(folded)
    if (earlier !== undefined) {
      problems.push({
        path: entry.name,
        message:
          earlier === relative
            ? 'refused: the archive holds this name twice'
            : `refused: the name differs from "${earlier}" only by letter case`,
      })
      continue
    }
    seenFolded.set(folded, relative)
    const segments = relative.split('/')
    for (let i = 1; i < segments.length; i++) {
      const folder = caseFoldedName(segments.slice(0, i).join('/'))
      if (!folderNames.has(folder)) folderNames.set(folder, entry.name)
    }
    files.set(relative, {
      path: relative,
      sourceName: entry.name,
      declaredSize: entry.declaredSize,
      source: entry.source,
    })
  }
  for (const [relative, file] of files) {
    if (folderNames.has(caseFoldedName(relative))) {
      problems.push({
        path: file.sourceName,
        message: 'refused: the name is both a file and a folder',
      })
      files.delete(relative)
    }
  }
  return { files, problems }
}

/**
 * The folder to read as the root: `""` when `manifest.json` is at the root, else `NAME/` when
 * every entry lies in the one folder NAME that holds a `manifest.json` (zipping a folder rather
 * than its contents makes that).
 */
function wrapperFolderPrefix(entries: readonly ListedEntry<unknown>[]): string {
  if (entries.some((e) => e.name === 'manifest.json')) return ''
  const firstSegments = new Set(entries.map((e) => e.name.split('/')[0]))
  if (firstSegments.size !== 1) return ''
  const [folder] = firstSegments
  const prefix = `${folder}/`
  const isWrapped = entries.every((e) => e.name.startsWith(prefix) || e.name === folder)
  return isWrapped && entries.some((e) => e.name === `${prefix}manifest.json`) ? prefix : ''
}
