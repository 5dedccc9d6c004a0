import { describe, expect, it } from 'vitest'
import {
  fontFilesForFirstScreen,
  fontFilesForText,
  parseFontFaces,
  parseUnicodeRange,
  textOfElementById,
} from '../../../scripts/vite/firstScreenFontPreloads'

// Two subsets of one face in the order fontsource declares them: a CJK subset that also covers
// basic Latin, then the Latin subset (which therefore wins for Latin letters).
const css = [
  '@font-face{font-family:Noto Serif SC;font-style:normal;font-weight:400;',
  'src:url(./serif-119-400.woff2)format("woff2"),url(./serif-119-400.woff)format("woff");',
  'unicode-range:U+20-7E,U+5B8B,U+97F5}',
  '@font-face{font-family:"Noto Serif SC";font-weight:400;src:url(./serif-latin-400.woff2)format("woff2");',
  'unicode-range:U+??,U+2000-206F}',
  '@font-face{font-family:Noto Serif SC;font-weight:600;src:url(./serif-119-600.woff2)format("woff2");',
  'unicode-range:U+5B8B,U+97F5}',
].join('')

describe('first-screen font preloads', () => {
  it('reads unicode ranges, single code points and wildcards', () => {
    expect(parseUnicodeRange('U+4E00-9FFF, U+3001,U+4??')).toEqual([
      [0x4e00, 0x9fff],
      [0x3001, 0x3001],
      [0x400, 0x4ff],
    ])
  })

  it('reads each @font-face rule with its woff2 file relative to the output folder', () => {
    const faces = parseFontFaces(css, 'assets/index-abc.css')
    expect(faces.map(({ family, weight, woff2File }) => [family, weight, woff2File])).toEqual([
      ['Noto Serif SC', 400, 'assets/serif-119-400.woff2'],
      ['Noto Serif SC', 400, 'assets/serif-latin-400.woff2'],
      ['Noto Serif SC', 600, 'assets/serif-119-600.woff2'],
    ])
    expect(faces[1]!.ranges).toEqual([
      [0, 0xff],
      [0x2000, 0x206f],
    ])
  })

  it('picks, for each character, the last declared subset that covers it, per family and weight', () => {
    const faces = parseFontFaces(css, 'assets/index.css')
    // Latin letters come from the later Latin subset, not the overlapping CJK one.
    expect(
      fontFilesForText(faces, [{ family: 'Noto Serif SC', weight: 400, text: 'Song' }]),
    ).toEqual(['assets/serif-latin-400.woff2'])
    expect(
      fontFilesForText(faces, [
        { family: 'Noto Serif SC', weight: 400, text: '宋 Song' },
        { family: 'Noto Serif SC', weight: 600, text: '宋韵' },
      ]),
    ).toEqual([
      'assets/serif-119-400.woff2',
      'assets/serif-119-600.woff2',
      'assets/serif-latin-400.woff2',
    ])
  })

  it('preloads nothing for white space alone', () => {
    const faces = parseFontFaces(css, 'assets/index.css')
    expect(
      fontFilesForText(faces, [{ family: 'Noto Serif SC', weight: 600, text: ' \n\t' }]),
    ).toEqual([])
  })

  it('gives each file the characters drawn from it; a face cut for the first screen keeps the space, ASCII and the middle dot', () => {
    const faces = parseFontFaces(css, 'assets/index.css')
    const whole = fontFilesForFirstScreen(faces, [
      { family: 'Noto Serif SC', weight: 600, text: '宋 韵' },
    ])
    expect(whole.map(({ woff2File, codePoints }) => [woff2File, codePoints])).toEqual([
      ['assets/serif-119-600.woff2', [0x5b8b, 0x97f5]],
    ])
    const cut = fontFilesForFirstScreen(faces, [
      { family: 'Noto Serif SC', weight: 400, text: '宋\n韵', isSubsetForFirstScreen: true },
    ])
    // Latin comes from the later Latin subset; the CJK subset keeps only its own two glyphs.
    expect(cut.map(({ woff2File }) => woff2File)).toEqual([
      'assets/serif-119-400.woff2',
      'assets/serif-latin-400.woff2',
    ])
    expect(cut[0]!.codePoints).toEqual([0x5b8b, 0x97f5])
    const latin = cut[1]!.codePoints
    expect(latin).toContain(0x20)
    expect(latin).toContain(0xb7)
    expect(latin).toContain('S'.codePointAt(0))
    expect(latin).not.toContain(0x0a)
  })

  it('fails the build, naming the face, when no rule has that family and weight', () => {
    const faces = parseFontFaces(css, 'assets/index.css')
    expect(() =>
      fontFilesForText(faces, [{ family: 'Noto Sans SC', weight: 400, text: 'a' }]),
    ).toThrow(/Noto Sans SC 400/)
  })

  it("reads an element's visible text without its tags and comments", () => {
    const html =
      '<body><div id="app"></div><div id="starting-screen" class="s"><!-- 注 --><p>宋韵</p>' +
      '<p lang="en">Ready</p></div><p>not this</p></body>'
    expect(textOfElementById(html, 'starting-screen').replace(/\s+/g, ' ').trim()).toBe(
      '宋韵 Ready',
    )
    expect(() => textOfElementById(html, 'missing')).toThrow(/#missing/)
  })
})
