import path from 'node:path'
import type { HtmlTagDescriptor, Plugin } from 'vite'

/** Text the first screen draws in one font face (family and weight as the style sheets name them). */
export interface FirstScreenFaceText {
  readonly family: string
  readonly weight: number
  readonly text: string
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

/**
 * The woff2 files the first screen's text needs. For each character the browser loads the last
 * declared rule of the face whose range holds it (CSS Fonts: the rules are tried in reverse
 * order), so a subset that merely overlaps a later one is not preloaded; white space draws
 * nothing and loads nothing. A face with no rule is an error naming it, so a renamed family or
 * weight cannot silently drop the preloads.
 */
export function fontFilesForText(
  faces: readonly BuiltFontFace[],
  texts: readonly FirstScreenFaceText[],
): string[] {
  const files = new Set<string>()
  for (const { family, weight, text } of texts) {
    const candidates = faces.filter((face) => face.family === family && face.weight === weight)
    if (candidates.length === 0) {
      throw new Error(`first-screen font preloads: no @font-face for ${family} ${weight}`)
    }
    const codePoints = [...new Set(text.replace(/\s/g, ''))].map((char) => char.codePointAt(0)!)
    for (const codePoint of codePoints) {
      const face = candidates.findLast(({ ranges }) =>
        ranges.some(([from, to]) => codePoint >= from && codePoint <= to),
      )
      if (face) files.add(face.woff2File)
    }
  }
  return [...files].sort()
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
 * Adds `<link rel="preload" as="font">` for the font subsets the first screen draws, so they
 * load beside the scripts instead of after the app has mounted and laid the screen out (each
 * CJK face is split into ~100 subset files; the attract screen needs about twenty).
 * `faceTexts` receives the page (to read its static starting screen) and names each face's text.
 */
export function firstScreenFontPreloads(
  faceTexts: (html: string) => readonly FirstScreenFaceText[],
): Plugin {
  return {
    name: 'songyun:first-screen-font-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context): HtmlTagDescriptor[] {
        const faces = Object.values(context.bundle ?? {}).flatMap((output) =>
          output.type === 'asset' && output.fileName.endsWith('.css')
            ? parseFontFaces(String(output.source), output.fileName)
            : [],
        )
        return fontFilesForText(faces, faceTexts(html)).map((file) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'font',
            type: 'font/woff2',
            crossorigin: true,
            href: `./${file}`,
          },
          injectTo: 'head',
        }))
      },
    },
  }
}
