import path from 'node:path'

/**
 * Resolves a URL-ish relative path inside `rootDir`, or `undefined` if it could escape it.
 * Rejects `..` and `.` segments (also percent-encoded), encoded slashes, backslashes, NUL,
 * drive letters and absolute paths before joining, then checks the joined path once more.
 */
export function resolveInsideRoot(rootDir: string, requestPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return undefined
  }
  if (/%2f|%5c/i.test(requestPath)) return undefined
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined
  if (/^[a-zA-Z]:/.test(decoded)) return undefined
  const segments = decoded.replace(/^\/+/, '').split('/')
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined
  const root = path.resolve(rootDir)
  const resolved = path.resolve(root, ...segments.filter((segment) => segment !== ''))
  const relative = path.relative(root, resolved)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return resolved
}
