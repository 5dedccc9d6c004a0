import type { LanguageTag } from '../i18n/languages'
import type { LocalizedText } from '../i18n/localizedText'
import { keepsakePaperSizesMm, millimetresPerInch, type KeepsakePaper } from './keepsakePaper'

/**
 * The keepsake card as a printed page (docs/operators.md "Keepsake printer"): a double-ruled
 * frame (版框, thick outside and thin inside), a centre column (版心) with a fishtail mark (鱼尾)
 * over the exhibit's name, the visitor's picture, a bilingual caption, the date, the venue and a
 * cinnabar seal. Pure geometry in millimetres; the host draws it as HTML and prints it to PDF.
 */

/** The exhibits whose result a visitor can take home. */
export const keepsakeExhibitKinds = ['woodblock-printing', 'tea-whisking'] as const
export type KeepsakeExhibitKind = (typeof keepsakeExhibitKinds)[number]

/** The resolution the picture is made at: a printer's own, so no pixel shows on paper. */
export const keepsakePictureDpi = 300

/** A box on the page, millimetres from its top left corner. */
export interface BoxMm {
  readonly xMm: number
  readonly yMm: number
  readonly widthMm: number
  readonly heightMm: number
}

/** What a card says: from the pack (names, caption, venue, seal) and the moment it is printed. */
export interface KeepsakeCardContent {
  readonly paper: KeepsakePaper
  readonly kind: KeepsakeExhibitKind
  readonly exhibitTitle: LocalizedText
  /** One line on what the visitor made. */
  readonly caption: LocalizedText
  /** The seal's characters (one to four). */
  readonly sealText: string
  readonly venueName?: LocalizedText
  /** Whether the pack gives a venue mark (drawn in {@link KeepsakeLayout.venueMark}). */
  readonly hasVenueMark: boolean
  /** The date lines, already formatted in the pack's styles (keepsakeDate.ts). */
  readonly dateLines: readonly string[]
  /** The visitor's language: its caption comes first and larger. */
  readonly language: LanguageTag
  /** The picture's width over its height (a print sheet's, or 1 for the bowl). */
  readonly pictureAspect: number
}

/** Which part of the card a text is. */
export type KeepsakeTextRole =
  'exhibit-title' | 'exhibit-title-column' | 'caption' | 'date' | 'venue'

/** One text on the card, in its box. */
export interface KeepsakeText {
  readonly role: KeepsakeTextRole
  readonly text: string
  /** The language the text is in (for `lang`, so each script gets its face). */
  readonly language: LanguageTag
  readonly box: BoxMm
  /** Type size in points (1/72 inch). */
  readonly sizePt: number
  /** Written top to bottom, as the 版心 column is. */
  readonly isVertical: boolean
  readonly align: 'start' | 'centre' | 'end'
}

/** Where everything goes on one card. */
export interface KeepsakeLayout {
  readonly paper: KeepsakePaper
  readonly pageMm: { readonly widthMm: number; readonly heightMm: number }
  /** The thick outer rule of the 版框 and the thin one inside it. */
  readonly outerFrame: BoxMm
  readonly innerFrame: BoxMm
  readonly outerRuleMm: number
  readonly innerRuleMm: number
  /** The 版心 column, ruled off on its left, and the 鱼尾 at its top. */
  readonly centreColumn: BoxMm
  readonly fishTail: BoxMm
  /** The visitor's picture and the pixels it needs for {@link keepsakePictureDpi}. */
  readonly picture: BoxMm & { readonly widthPx: number; readonly heightPx: number }
  readonly texts: readonly KeepsakeText[]
  readonly seal: { readonly text: string; readonly box: BoxMm }
  readonly venueMark: BoxMm | undefined
}

/** The card is drawn for A6 (105 × 148 mm) and scaled for A5, whose proportions are the same. */
const designWidthMm = 105

/** The pixels a box needs at the print resolution. */
export function pixelsFor(lengthMm: number): number {
  return Math.ceil((lengthMm / millimetresPerInch) * keepsakePictureDpi)
}

/** The pixels the picture of a card needs: what the renderer draws the visitor's result at. */
export function keepsakePictureSize(
  paper: KeepsakePaper,
  pictureAspect: number,
): { readonly widthPx: number; readonly heightPx: number } {
  const { picture } = layoutKeepsake({
    paper,
    kind: 'woodblock-printing',
    exhibitTitle: {},
    caption: {},
    sealText: '',
    hasVenueMark: false,
    dateLines: [],
    language: 'zh-CN',
    pictureAspect,
  })
  return { widthPx: picture.widthPx, heightPx: picture.heightPx }
}

/** Lays a card out: everything in the A6 design, scaled to the paper. */
export function layoutKeepsake(content: KeepsakeCardContent): KeepsakeLayout {
  const page = keepsakePaperSizesMm[content.paper]
  const scale = page.widthMm / designWidthMm
  const box = (xMm: number, yMm: number, widthMm: number, heightMm: number): BoxMm => ({
    xMm: xMm * scale,
    yMm: yMm * scale,
    widthMm: widthMm * scale,
    heightMm: heightMm * scale,
  })
  const pt = (sizePt: number) => Math.round(sizePt * scale * 10) / 10

  const marginMm = 6
  const frameInsetMm = 1.2
  const outerWidthMm = designWidthMm - 2 * marginMm
  const outerHeightMm = page.heightMm / scale - 2 * marginMm
  const inner = {
    x: marginMm + frameInsetMm,
    y: marginMm + frameInsetMm,
    w: outerWidthMm - 2 * frameInsetMm,
    h: outerHeightMm - 2 * frameInsetMm,
  }
  const columnWidthMm = 10
  const column = { x: inner.x + inner.w - columnWidthMm, y: inner.y, w: columnWidthMm, h: inner.h }
  // The main field: the frame's inside, left of the column, with a little air at its edges.
  const field = { x: inner.x + 5, y: inner.y + 6, w: column.x - inner.x - 10 }

  // The picture: as wide as the field allows, no taller than 80 mm, in its own proportions.
  const maxPictureHeightMm = 78
  const aspect = content.pictureAspect > 0 ? content.pictureAspect : 1
  const pictureWidthMm = Math.min(field.w, maxPictureHeightMm * aspect)
  const pictureHeightMm = pictureWidthMm / aspect
  const picture = box(
    field.x + (field.w - pictureWidthMm) / 2,
    field.y,
    pictureWidthMm,
    pictureHeightMm,
  )

  const [first, second] = orderedLanguages(content.language)
  const texts: KeepsakeText[] = []
  let lineTopMm = field.y + pictureHeightMm + 6
  texts.push({
    role: 'caption',
    text: content.caption[first] ?? '',
    language: first,
    box: box(field.x, lineTopMm, field.w, 7),
    sizePt: pt(first === 'en' ? 10 : 11),
    isVertical: false,
    align: 'centre',
  })
  lineTopMm += 7
  texts.push({
    role: 'caption',
    text: content.caption[second] ?? '',
    language: second,
    box: box(field.x, lineTopMm, field.w, 6),
    sizePt: pt(second === 'en' ? 8 : 8.5),
    isVertical: false,
    align: 'centre',
  })

  // The foot: the exhibit's name in the visitor's language, the date lines and the venue on
  // the left; the seal on the right, where a collector's seal would sit.
  const sealSizeMm = 15
  const footBottomMm = inner.y + inner.h - 5
  const footLines: { role: KeepsakeTextRole; text: string; language: LanguageTag }[] = [
    { role: 'exhibit-title' as const, text: content.exhibitTitle[second] ?? '', language: second },
    ...content.dateLines.map((line) => ({
      role: 'date' as const,
      text: line,
      language: /[\u3400-\u9fff]/.test(line) ? 'zh-CN' : 'en',
    })),
    ...(content.venueName
      ? [
          { role: 'venue' as const, text: content.venueName['zh-CN'] ?? '', language: 'zh-CN' },
          { role: 'venue' as const, text: content.venueName.en ?? '', language: 'en' },
        ]
      : []),
  ].filter((line) => line.text !== '')
  const footLineMm = 4.6
  const venueMarkSizeMm = 11
  const markWidthMm = content.hasVenueMark ? venueMarkSizeMm + 3 : 0
  const footTopMm = footBottomMm - footLines.length * footLineMm
  footLines.forEach((line, index) => {
    texts.push({
      role: line.role,
      text: line.text,
      language: line.language,
      box: box(
        field.x + markWidthMm,
        footTopMm + index * footLineMm,
        field.w - sealSizeMm - 3 - markWidthMm,
        footLineMm,
      ),
      sizePt: pt(line.role === 'exhibit-title' ? 7.5 : 7),
      isVertical: false,
      align: 'start',
    })
  })

  // The 版心: the fishtail a fifth of the way down, the exhibit's Chinese name read down below it.
  const fishTailTopMm = column.y + 18
  texts.push({
    role: 'exhibit-title-column',
    text: content.exhibitTitle['zh-CN'] ?? content.exhibitTitle[first] ?? '',
    language: 'zh-CN',
    box: box(column.x, fishTailTopMm + 8, column.w, 60),
    sizePt: pt(10),
    isVertical: true,
    align: 'start',
  })

  return {
    paper: content.paper,
    pageMm: page,
    outerFrame: box(marginMm, marginMm, outerWidthMm, outerHeightMm),
    innerFrame: box(inner.x, inner.y, inner.w, inner.h),
    outerRuleMm: 0.9 * scale,
    innerRuleMm: 0.25 * scale,
    centreColumn: box(column.x, column.y, column.w, column.h),
    fishTail: box(column.x + 1.5, fishTailTopMm, column.w - 3, 5),
    picture: {
      ...picture,
      widthPx: pixelsFor(picture.widthMm),
      heightPx: pixelsFor(picture.heightMm),
    },
    texts,
    seal: {
      text: content.sealText,
      box: box(field.x + field.w - sealSizeMm, footBottomMm - sealSizeMm, sealSizeMm, sealSizeMm),
    },
    venueMark: content.hasVenueMark
      ? box(field.x, footBottomMm - venueMarkSizeMm, venueMarkSizeMm, venueMarkSizeMm)
      : undefined,
  }
}

/** The visitor's language first, then the other of the card's two (Chinese and English). */
function orderedLanguages(language: LanguageTag): [LanguageTag, LanguageTag] {
  return language === 'en' ? ['en', 'zh-CN'] : ['zh-CN', 'en']
}

/** What a card says when its pack gives no caption of its own. */
export const defaultKeepsakeCaptions: Readonly<Record<KeepsakeExhibitKind, LocalizedText>> = {
  'woodblock-printing': {
    'zh-CN': '亲手刻版、刷墨、印成的一页',
    en: 'A page I carved, inked and printed by hand',
  },
  'tea-whisking': {
    'zh-CN': '亲手点成的一盏茶，沫上作画',
    en: 'A bowl of tea I whisked, with a picture in its foam',
  },
}

/** The seal a card carries when its exhibit has none of its own. */
export const defaultKeepsakeSealText = '宋韵'
