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

/** The chunk `songyun serve` imports for its command (main/cli/songyun.ts). */
function serveCommandChunk(): string {
  const entry = readFileSync(path.join(outMain, 'songyun.mjs'), 'utf8')
  const specifier = /import\("(\.\/chunks\/serveCommand-[^"]+)"\)/.exec(entry)?.[1]
  if (!specifier) throw new Error('out/main/songyun.mjs imports no serveCommand chunk')
  return path.join(outMain, specifier)
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
    expect(loaded.some((source) => source.includes('class KioskServices'))).toBe(false)
    // zod (the contract's schemas) and iconv-lite (the analytics export) were most of the bytes.
    expect(loaded.some((source) => /node_modules\/(zod|iconv-lite)\//.test(source))).toBe(false)
    const loadedBytes = loaded.reduce((sum, source) => sum + source.length, 0)
    expect(loadedBytes).toBeLessThan(400_000)
  })
})
