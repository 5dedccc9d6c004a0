import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** One file held in memory: its bytes and what identified it on disk when it was read. */
interface HeldFile {
  readonly bytes: Buffer
  readonly modifiedMs: number
  readonly size: number
}

/**
 * The first screen's files in memory: index.html and the assets its `<head>` names (the entry
 * script, its module preloads, the style sheet, the preloaded fonts).
 */
export interface FirstScreenFiles {
  /** index.html as it is on disk now, or undefined when there is none. */
  page(): string | undefined
  /** An asset the page names (`assets/…`, relative to the renderer folder), or undefined. */
  asset(relativePath: string): Buffer | undefined
}

/** `./assets/…` files named by `src` or `href` in a page's head. */
export function assetsNamedInHead(html: string): string[] {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')))
  const named = [...head.matchAll(/\s(?:src|href)="\.\/(assets\/[^"?#]+)"/g)].map(
    ([, file = '']) => file,
  )
  return [...new Set(named)]
}

function readHeld(filePath: string): HeldFile | undefined {
  try {
    const info = statSync(filePath)
    if (!info.isFile()) return undefined
    return { bytes: readFileSync(filePath), modifiedMs: info.mtimeMs, size: info.size }
  } catch {
    return undefined
  }
}

function isUnchanged(filePath: string, held: HeldFile): boolean {
  try {
    const info = statSync(filePath)
    return info.mtimeMs === held.modifiedMs && info.size === held.size
  } catch {
    return false
  }
}

/**
 * Reads index.html and the assets its head names, once, at the host's start (a few hundred kB,
 * about a millisecond). While the services' code compiles on the one Node thread after the host
 * listens, each event-loop turn a request needs waits behind that work: a file stream takes
 * several turns (stat, open, reads, close), an answer from memory one, so the first screen's
 * scripts reach the browser sooner (docs/performance.md, Start-up). The page is checked against
 * the disk (one synchronous stat) on every read, so a rebuild under a running `serve` is seen;
 * the assets' names carry their content's hash, so a name always means the same bytes.
 */
export function loadFirstScreenFiles(rendererDir: string): FirstScreenFiles {
  const pagePath = path.join(rendererDir, 'index.html')
  let page: HeldFile | undefined
  let assets = new Map<string, Buffer>()
  const reload = () => {
    page = readHeld(pagePath)
    assets = new Map()
    if (!page) return
    for (const file of assetsNamedInHead(page.bytes.toString('utf8'))) {
      const held = readHeld(path.join(rendererDir, ...file.split('/')))
      if (held) assets.set(file, held.bytes)
    }
  }
  reload()
  return {
    page: () => {
      if (!page || !isUnchanged(pagePath, page)) reload()
      return page?.bytes.toString('utf8')
    },
    asset: (relativePath) => assets.get(relativePath),
  }
}
