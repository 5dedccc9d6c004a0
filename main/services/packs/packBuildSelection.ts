import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The file in a pack folder that lists what `pack build` leaves out, one pattern a line (`#`
 * starts a comment), as `--exclude` does. It is never packed itself.
 */
export const packIgnoreFileName = '.songpackignore'

/**
 * One exclude pattern, gitignore-like and small: `*` and `?` stay inside one folder level, `**`
 * crosses levels; a pattern without `/` matches a name at any depth (`*.psd`, `notes.txt`); a
 * trailing `/` (or a folder's name) leaves out everything under that folder.
 */
export function excludePatternMatcher(pattern: string): (packPath: string) => boolean {
  const trimmed = pattern.trim().replace(/^\.\//, '').replace(/^\//, '')
  const isFolder = trimmed.endsWith('/')
  const body = isFolder ? trimmed.slice(0, -1) : trimmed
  let source = ''
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!
    if (c === '*' && body[i + 1] === '*') {
      source += '.*'
      i += 1
      if (body[i + 1] === '/') i += 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  const anyDepth = body.includes('/') ? '' : '(?:.*/)?'
  // A match may name a file or any folder above it, so `drafts` leaves out `drafts/a.png`.
  const matcher = new RegExp(`^${anyDepth}${source}(?:/.*)?$`)
  return (packPath) => matcher.test(packPath)
}

/** The patterns of a folder's `.songpackignore` (none when it has no such file). */
export async function readPackIgnoreFile(folder: string): Promise<string[]> {
  const text = await readFile(path.join(folder, packIgnoreFileName), 'utf8').catch(() => '')
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
}
