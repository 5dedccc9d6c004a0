import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const outMain = fileURLToPath(new URL('../../../out/main/', import.meta.url))

/** The files a module loads before it runs: itself and its static imports, transitively. */
function staticImportClosure(entryFile: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, specifier = ''] of source.matchAll(
      /^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)";?$/gm,
    )) {
      visit(path.resolve(path.dirname(file), specifier))
    }
    for (const [, specifier = ''] of source.matchAll(/^import\s*"(\.[^"]+)";?$/gm)) {
      visit(path.resolve(path.dirname(file), specifier))
    }
  }
  visit(entryFile)
  return [...seen]
}

/** Whether a bundled file defines the services' class (esbuild writes `KioskServices = class _KioskServices`). */
function definesKioskServices(source: string): boolean {
  return /\bKioskServices = class\b|\bclass KioskServices\b/.test(source)
}

/** The chunk `songyun serve` imports for its command (main/cli/songyun.ts). */
function serveCommandChunk(): string {
  const entry = readFileSync(path.join(outMain, 'songyun.mjs'), 'utf8')
  const specifier = /import\("(\.\/chunks\/serveCommand-[^"]+)"\)/.exec(entry)?.[1]
  if (!specifier) throw new Error('out/main/songyun.mjs imports no serveCommand chunk')
  return path.join(outMain, specifier)
}

/** The services' chunk, which `songyun serve` imports once it listens (main/web/browserShell.ts). */
function servicesChunk(): string {
  const serve = readFileSync(serveCommandChunk(), 'utf8')
  const specifier = /import\("(\.\/kioskServices-[^"]+)"\)/.exec(serve)?.[1]
  if (!specifier) throw new Error('the serveCommand chunk imports no kioskServices chunk')
  return path.join(outMain, 'chunks', specifier)
}

// Needs `npm run build` first, as `npm test` does. Listening first is the point of the split
// (scripts/buildMain.mjs): the services' code, most of the bundle, loads while the page does.
describe('the built `songyun serve`', () => {
  it('loads neither the services nor their libraries before it listens', () => {
    if (!existsSync(path.join(outMain, 'songyun.mjs'))) throw new Error('run `npm run build` first')
    const files = [
      ...staticImportClosure(path.join(outMain, 'songyun.mjs')),
      ...staticImportClosure(serveCommandChunk()),
    ]
    const loaded = [...new Set(files)].map((file) => readFileSync(file, 'utf8'))
    expect(loaded.some((source) => source.includes('createServer('))).toBe(true)
    expect(loaded.some((source) => definesKioskServices(source))).toBe(false)
    // zod (the contract's schemas) and iconv-lite (the analytics export) were most of the bytes.
    expect(loaded.some((source) => /node_modules\/(zod|iconv-lite)\//.test(source))).toBe(false)
    // The log file opens after listening (main/cli/logFileOpenedLater.ts).
    expect(loaded.some((source) => /node_modules\/rotating-file-stream\//.test(source))).toBe(false)
    const loadedBytes = loaded.reduce((sum, source) => sum + source.length, 0)
    expect(loadedBytes).toBeLessThan(400_000)
  })

  it('starts the services without the zip reader, which loads only when an archive is opened', () => {
    if (!existsSync(path.join(outMain, 'songyun.mjs'))) throw new Error('run `npm run build` first')
    const loaded = staticImportClosure(servicesChunk()).map((file) => readFileSync(file, 'utf8'))
    expect(loaded.some((source) => definesKioskServices(source))).toBe(true)
    // yauzl and iconv-lite's code pages were ~0.6 MB compiled before the first screen's data.
    expect(loaded.some((source) => /node_modules\/(yauzl|iconv-lite)\//.test(source))).toBe(false)
  })
})
