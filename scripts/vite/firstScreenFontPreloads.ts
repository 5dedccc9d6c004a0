import path from 'node:path'
import subsetFont from 'subset-font'
import type { Plugin } from 'vite'

/** Text the first screen draws in one font face (family and weight as the style sheets name them). */
export interface FirstScreenFaceText {
  readonly family: string
  readonly weight: number
  readonly text: string
  /**
   * Cut the face's files down to the text's glyphs for the first screen (a CJK face: the few
   * dozen glyphs of the first screen are spread over ~17 of its ~100 subset files).
   */
  readonly isSubsetForFirstScreen?: boolean
}

/** One `@font-face` rule of a built style sheet: its woff2 file and the code points it covers. */
export interface BuiltFontFace {
  readonly family: string
  readonly weight: number
  /** The woff2 file, relative to the output folder (`assets/…`). */
  readonly woff2File: string
  /** Inclusive code point ranges of its `unicode-range` (all of Unicode when it has none). */
  readonly ranges: readonly (readonly [number, number])[]
}

/** Reads the `@font-face` rules of a built style sheet whose file is `cssFile` in the output. */
export function parseFontFaces(css: string, cssFile: string): BuiltFontFace[] {
  const faces: BuiltFontFace[] = []
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const descriptor = (name: string) =>
      new RegExp(`(?:^|;)\\s*${name}\\s*:([^;]*)`).exec(body)?.[1]?.trim()
    const family = descriptor('font-family')?.replace(/^["']|["']$/g, '')
    const woff2Url = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(descriptor('src') ?? '')?.[1]
    if (!family || !woff2Url) continue
    const weight = Number(descriptor('font-weight') ?? 400)
    const woff2File = path.posix.join(path.posix.dirname(cssFile), woff2Url)
    const rangeText = descriptor('unicode-range')
    faces.push({
      family,
      weight,
      woff2File,
      ranges: rangeText ? parseUnicodeRange(rangeText) : [[0, 0x10ffff]],
    })
  }
  return faces
}

/** `U+4E00-9FFF, U+3001, U+4??` as inclusive code point ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const token = part.trim().replace(/^U\+/i, '')
    const [from = '', to] = token.split('-')
    if (to !== undefined) return [parseInt(from, 16), parseInt(to, 16)]
    return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'F'), 16)]
  })
}

/** U+0020–U+007E. */
const printableAscii = String.fromCharCode(...Array.from({ length: 95 }, (_, index) => 32 + index))

/** One built woff2 file the first screen needs, and the characters it draws from it. */
export interface FirstScreenFontFile {
  readonly face: FirstScreenFaceText
  readonly woff2File: string
  readonly codePoints: readonly number[]
}

/**
 * The woff2 files the first screen's text needs, each with the code points it draws. For each
 * character the browser loads the last declared rule of the face whose range holds it (CSS Fonts:
 * the rules are tried in reverse order), so a subset that merely overlaps a later one is not
 * needed; white space draws nothing and loads nothing (but a cut face keeps the space). A face with no rule is an error naming it,
 * so a renamed family or weight cannot silently drop the preloads.
 */
export function fontFilesForFirstScreen(
  faces: readonly BuiltFontFace[],
  texts: readonly FirstScreenFaceText[],
): FirstScreenFontFile[] {
  const files: FirstScreenFontFile[] = []
  for (const text of texts) {
    const { family, weight } = text
    const candidates = faces.filter((face) => face.family === family && face.weight === weight)
    if (candidates.length === 0) {
      throw new Error(`first-screen font preloads: no @font-face for ${family} ${weight}`)
    }
    const codePointsByFile = new Map<string, number[]>()
    // White space draws nothing from a whole face; a cut face must still hold the space, or the
    // browser fetches the next family's file for it (collapsed, all white space is a space). The
    // markup around the text may hold a space, a digit or a separator the text does not: a cut
    // face carries printable ASCII and the middle dot too (a few kB).
    const drawnText = text.isSubsetForFirstScreen
      ? `${printableAscii}·${text.text.replace(/\s+/g, ' ')}`
      : text.text.replace(/\s/g, '')
    const codePoints = [...new Set(drawnText)].map((char) => char.codePointAt(0)!)
    for (const codePoint of codePoints) {
      const face = candidates.findLast(({ ranges }) =>
        ranges.some(([from, to]) => codePoint >= from && codePoint <= to),
      )
      if (!face) continue
      const drawn = codePointsByFile.get(face.woff2File) ?? []
      drawn.push(codePoint)
      codePointsByFile.set(face.woff2File, drawn)
    }
    for (const [woff2File, drawn] of codePointsByFile) {
      files.push({ face: text, woff2File, codePoints: drawn.sort((a, b) => a - b) })
    }
  }
  return files.sort((a, b) => a.woff2File.localeCompare(b.woff2File))
}

/** The woff2 files the first screen's text needs (see {@link fontFilesForFirstScreen}). */
export function fontFilesForText(
  faces: readonly BuiltFontFace[],
  texts: readonly FirstScreenFaceText[],
): string[] {
  return [...new Set(fontFilesForFirstScreen(faces, texts).map((file) => file.woff2File))].sort()
}

/** `U+5B8B,U+97F5`: exactly these code points, for a subset's `unicode-range`. */
export function unicodeRangeOf(codePoints: readonly number[]): string {
  return codePoints.map((codePoint) => `U+${codePoint.toString(16).toUpperCase()}`).join(',')
}

/**
 * The visible text of the element with this id in an HTML page (tags and comments removed), up to
 * its first closing tag: meant for a static block such as the starting screen, with no nested
 * element of its own kind.
 */
export function textOfElementById(html: string, id: string): string {
  const start = html.search(new RegExp(`<[a-z]+[^>]*\\sid="${id}"`))
  if (start < 0) throw new Error(`first-screen font preloads: no element #${id} in the page`)
  const tag = /^<([a-z]+)/.exec(html.slice(start))![1]!
  const end = html.indexOf(`</${tag}>`, start)
  return html
    .slice(start, end)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
}

/**
 * The first screen's fonts, small and with the page. For a face marked `isSubsetForFirstScreen`,
 * each built file the first screen draws from is cut down to exactly those glyphs (HarfBuzz, via
 * subset-font) and declared under `subsetFamily` with a `unicode-range` of those characters;
 * style sheets name `subsetFamily` before the face, so the first screen needs ~40 kB of font
 * instead of ~700 kB, and every other character still comes from the face's own files. The cut
 * files travel inside the page as `data:` URLs (font-src allows them): they are ~1 kB each, one
 * per subset of the face the text touches (~20), and as requests they came last, after the
 * scripts and the style sheet, on the browser's six connections (docs/performance.md). Other
 * faces' files are preloaded whole with `<link rel="preload" as="font">`, so they load beside the
 * scripts instead of after the app has mounted. `faceTexts` receives the page (to read its static
 * starting screen).
 */
export function firstScreenFontPreloads(
  faceTexts: (html: string) => readonly FirstScreenFaceText[],
  subsetFamily: string,
): Plugin {
  return {
    name: 'songyun:first-screen-font-preloads',
    apply: 'build',
    // After the HTML and style sheets are written: both are read and the page is edited here.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const page = bundle['index.html']
      if (page?.type !== 'asset') throw new Error('first-screen font preloads: no index.html')
      const html = String(page.source)
      const faces = Object.values(bundle).flatMap((output) =>
        output.type === 'asset' && output.fileName.endsWith('.css')
          ? parseFontFaces(String(output.source), output.fileName)
          : [],
      )
      const rules: string[] = []
      const preloads = new Set<string>()
      for (const file of fontFilesForFirstScreen(faces, faceTexts(html))) {
        if (!file.face.isSubsetForFirstScreen) {
          preloads.add(file.woff2File)
          continue
        }
        const built = bundle[file.woff2File]
        if (built?.type !== 'asset')
          throw new Error(`first-screen font preloads: ${file.woff2File} is not built`)
        const glyphs = await subsetFont(
          Buffer.from(built.source),
          String.fromCodePoint(...file.codePoints),
          { targetFormat: 'woff2' },
        )
        rules.push(
          `@font-face{font-family:'${subsetFamily}';font-style:normal;font-weight:${file.face.weight};` +
            `font-display:swap;src:url(data:font/woff2;base64,${Buffer.from(glyphs).toString('base64')}) format('woff2');` +
            `unicode-range:${unicodeRangeOf(file.codePoints)}}`,
        )
      }
      const links = [...preloads]
        .sort()
        .map(
          (file) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="./${file}">`,
        )
      const style = rules.length > 0 ? `<style>${rules.join('')}</style>` : ''
      page.source = html.replace('</head>', `${style}${links.join('')}</head>`)
    },
  }
}
