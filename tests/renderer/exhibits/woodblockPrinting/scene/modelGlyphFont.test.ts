import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  loadModelGlyphFont,
  modelGlyphFontFamily,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/modelGlyphFont'

/** A stand-in FontFace (the test DOM has none): loads unless its family is told to fail. */
class RecordedFontFace {
  static made: RecordedFontFace[] = []
  static isFailing = false
  constructor(
    readonly family: string,
    readonly source: string,
  ) {
    RecordedFontFace.made.push(this)
  }
  async load(): Promise<this> {
    if (RecordedFontFace.isFailing) throw new DOMException('404', 'NetworkError')
    return this
  }
}

/** A font set that records what is added to it (document.fonts or a worker's self.fonts). */
const fontSet = () => {
  const added: unknown[] = []
  return { added, set: { add: (face: unknown) => added.push(face) } as unknown as FontFaceSet }
}

afterEach(() => {
  vi.unstubAllGlobals()
  RecordedFontFace.made.length = 0
  RecordedFontFace.isFailing = false
})

describe('loadModelGlyphFont', () => {
  it('loads the model face into the font set it is given, once per set', async () => {
    vi.stubGlobal('FontFace', RecordedFontFace)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const page = fontSet()
    const worker = fontSet()
    expect(await loadModelGlyphFont(page.set)).toBe(true)
    expect(await loadModelGlyphFont(page.set)).toBe(true)
    expect(page.added).toHaveLength(1)
    expect((page.added[0] as RecordedFontFace).family).toBe(modelGlyphFontFamily)
    // Another set (a worker's) does not see the page's fonts: the face is loaded into it too.
    expect(await loadModelGlyphFont(worker.set)).toBe(true)
    expect(worker.added).toHaveLength(1)
    expect(RecordedFontFace.made).toHaveLength(2)
  })

  it('resolves false, adding nothing, without a font set or where the face cannot be loaded', async () => {
    vi.stubGlobal('FontFace', RecordedFontFace)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(await loadModelGlyphFont(undefined)).toBe(false)
    RecordedFontFace.isFailing = true
    const failing = fontSet()
    expect(await loadModelGlyphFont(failing.set)).toBe(false)
    expect(failing.added).toHaveLength(0)
    expect(warn).toHaveBeenCalledOnce()
  })
})
