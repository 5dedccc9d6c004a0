import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const outRenderer = fileURLToPath(new URL('../../../out/renderer/', import.meta.url))

/** The `@font-face` rules of a style sheet, by family. */
function fontFaceFamilies(css: string): string[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*?font-family:\s*["']?([^;"'}]+)/g)].map(
    ([, family = '']) => family.trim(),
  )
}

// Needs `npm run build` first, as `npm test` does. The page's own style sheet blocks the
// starting screen's first frame and its scripts: the CJK faces' 300 rules (300 kB) once cost
// every start a parse and a style pass of 100–500 ms (docs/performance.md, Start-up), though
// the first screen draws only its own cut glyphs. They come after the load event
// (renderer/startup/declareCjkFacesAfterLoad.ts).
describe('the built page’s own style sheet', () => {
  it('declares none of the CJK faces’ subsets; a style sheet of their own does', () => {
    const page = path.join(outRenderer, 'index.html')
    if (!existsSync(page)) throw new Error('run `npm run build` first')
    const html = readFileSync(page, 'utf8')
    const linked = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\.\/([^"]+)"/g)].map(
      ([, href = '']) => href,
    )
    expect(linked).toHaveLength(1)
    const pageFaces = linked.flatMap((href) =>
      fontFaceFamilies(readFileSync(path.join(outRenderer, href), 'utf8')),
    )
    expect(pageFaces.filter((family) => /Noto (Serif|Sans) SC/.test(family))).toEqual([])
    // The Latin faces stay (few rules): the attract screen's English is set in one of them.
    expect(pageFaces).toContain('Source Sans 3')

    const assets = path.join(outRenderer, 'assets')
    const deferred = readdirSync(assets).filter((file) => /^cjkFontFaces-.*\.css$/.test(file))
    expect(deferred).toHaveLength(1)
    const deferredFaces = fontFaceFamilies(readFileSync(path.join(assets, deferred[0]!), 'utf8'))
    expect(deferredFaces.filter((family) => family === 'Noto Serif SC').length).toBeGreaterThan(100)
    expect(deferredFaces.filter((family) => family === 'Noto Sans SC').length).toBeGreaterThan(50)
  })
})
