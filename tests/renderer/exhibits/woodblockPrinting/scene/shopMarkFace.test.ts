import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'

const { loadShopMarkFace, shopMarkFaceFamily, shopMarkFaceFiles } =
  await import('../../../../../renderer/exhibits/woodblockPrinting/scene/shopMarkFace')
const { shopMarkText } =
  await import('../../../../../renderer/exhibits/woodblockPrinting/scene/writingSheet')

/** A stand-in FontFace (the test DOM has none). */
class RecordedFontFace {
  constructor(
    readonly family: string,
    readonly source: string,
    readonly descriptors: FontFaceDescriptors,
  ) {}
  async load(): Promise<this> {
    return this
  }
}

afterEach(() => vi.unstubAllGlobals())

/** The unicode-range the package's own style sheet declares for the subset file `name`. */
function declaredRange(name: string): string {
  const require = createRequire(import.meta.url)
  const css = readFileSync(require.resolve('@fontsource/noto-serif-sc/400.css'), 'utf8')
  const rule = css.split('@font-face').find((each) => each.includes(`/${name}`))
  return /unicode-range:\s*([^;]+);/.exec(rule ?? '')?.[1] ?? ''
}

function rangeHolds(range: string, codePoint: number): boolean {
  return range.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/, '').split('-')
    return Number.parseInt(from!, 16) <= codePoint && codePoint <= Number.parseInt(to!, 16)
  })
}

describe('loadShopMarkFace', () => {
  it('names subset files whose declared ranges hold every character of the mark', () => {
    for (const character of shopMarkText) {
      const codePoint = character.codePointAt(0)!
      const file = shopMarkFaceFiles.find(({ unicodeRange }) => rangeHolds(unicodeRange, codePoint))
      expect(file, character).toBeDefined()
      const name = /noto-serif-sc-\d+-400-normal\.woff2/.exec(file!.url)?.[0] ?? ''
      expect(rangeHolds(declaredRange(name), codePoint), `${character} in ${name}`).toBe(true)
    }
  })

  it('loads the face into the set it is given (a worker sees none of the page’s), once per set', async () => {
    vi.stubGlobal('FontFace', RecordedFontFace)
    const added: RecordedFontFace[] = []
    const fonts = { add: (face: RecordedFontFace) => added.push(face) } as unknown as FontFaceSet
    expect(await loadShopMarkFace(fonts)).toBe(true)
    expect(await loadShopMarkFace(fonts)).toBe(true)
    expect(added.map((face) => face.family)).toEqual([shopMarkFaceFamily, shopMarkFaceFamily])
    expect(await loadShopMarkFace(undefined)).toBe(false)
  })
})
