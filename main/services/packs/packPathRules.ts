/**
 * The rules an entry name must follow before anything is written (docs/content-pack-format.md "Installing",
 * step 2): returns why a name is refused, or `undefined` when it is a safe relative path.
 * A trailing `/` (a directory entry) is allowed; everything else must be a clean relative path.
 */
export function unsafeEntryNameReason(name: string): string | undefined {
  if (name.length === 0) return 'the entry has an empty name'
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the name holds control characters'
  if (name.includes('\\')) return 'the name holds a backslash (a Windows path trick)'
  if (name.startsWith('/')) return 'the name is an absolute path'
  if (/^[a-zA-Z]:/.test(name)) return 'the name starts with a drive letter'
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.includes('..')) return 'the name holds a ".." segment'
  if (segments.includes('.')) return 'the name holds a "." segment'
  if (segments.includes('')) return 'the name holds an empty segment ("//")'
  if (name.length > 512) return 'the name is longer than 512 characters'
  // A pack must install the same on a Windows kiosk: there ":" opens an alternate data stream,
  // device names (CON, NUL…) swallow what is written, and trailing dots or spaces are dropped.
  if (/[<>:"|?*]/.test(name)) return 'the name holds a character Windows forbids (< > : " | ? *)'
  for (const segment of segments) {
    if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i.test(segment)) {
      return `"${segment}" is a Windows device name`
    }
    if (/[. ]$/.test(segment)) return 'a part of the name ends with a dot or a space'
  }
  return undefined
}

/** Names the operating systems add to archives and folders; skipped without a word. */
export function isOsJunk(name: string): boolean {
  const segments = name.replace(/\/$/, '').split('/')
  if (segments[0] === '__MACOSX') return true
  const base = segments[segments.length - 1] ?? ''
  const lowerBase = base.toLowerCase()
  return (
    base.startsWith('._') ||
    base === 'Icon\r' ||
    base === '.DS_Store' ||
    lowerBase === 'thumbs.db' ||
    lowerBase === 'desktop.ini'
  )
}

/** The key two names share when they differ only by letter case (or Unicode normal form). */
export function caseFoldedName(name: string): string {
  return name.normalize('NFC').toLowerCase()
}
