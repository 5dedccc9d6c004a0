import type { BoxMm, KeepsakeLayout, KeepsakeText } from '../../../src/keepsake/keepsakeLayout'

/** Ink, paper and cinnabar of the printed page (docs/architecture.md's visual language). */
const inkColour = '#1c1917'
const cinnabarColour = '#b23a2a'

/**
 * The keepsake card as one self-contained HTML page at its paper's `@page` size, for a browser's
 * print to PDF. Texts stay text (a PDF reader and `pdftotext` find them); the picture and the
 * venue mark are data URLs, so the page loads nothing.
 */
export function keepsakeCardPage(
  layout: KeepsakeLayout,
  pictureDataUrl: string,
  venueMarkDataUrl: string | undefined,
): string {
  const { widthMm, heightMm } = layout.pageMm
  const texts = layout.texts.map(textElement).join('\n')
  const mark =
    layout.venueMark && venueMarkDataUrl
      ? `<img class="box mark" alt="" src="${venueMarkDataUrl}" style="${place(layout.venueMark)}">`
      : ''
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>keepsake</title>
<style>
@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }
html, body { margin: 0; padding: 0; }
body {
  width: ${widthMm}mm; height: ${heightMm}mm; position: relative; overflow: hidden;
  background: #fff; color: ${inkColour};
  font-family: 'Noto Serif SC', 'Noto Serif CJK SC', 'Source Han Serif SC', serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.box { position: absolute; box-sizing: border-box; }
.text { line-height: 1.2; white-space: nowrap; overflow: hidden; }
.text[lang='en'] { font-family: 'Noto Serif', 'DejaVu Serif', Georgia, serif; }
.caption[lang='en'] { font-style: italic; }
.vertical { writing-mode: vertical-rl; letter-spacing: 0.3em; display: flex; align-items: center; }
.seal {
  border: ${(layout.seal.box.widthMm * 0.07).toFixed(2)}mm solid ${cinnabarColour};
  color: ${cinnabarColour}; display: grid; place-items: center; opacity: 0.9;
  writing-mode: vertical-rl; font-weight: 700; line-height: 1;
}
</style>
</head>
<body>
<div class="box" style="${place(layout.outerFrame)} border: ${mm(layout.outerRuleMm)} solid ${inkColour};"></div>
<div class="box" style="${place(layout.innerFrame)} border: ${mm(layout.innerRuleMm)} solid ${inkColour};"></div>
<div class="box" style="${place(layout.centreColumn)} border-left: ${mm(layout.innerRuleMm)} solid ${inkColour};"></div>
${fishTail(layout.fishTail)}
<img class="box picture" alt="" src="${pictureDataUrl}" style="${place(layout.picture)}">
${texts}
${seal(layout)}
${mark}
</body>
</html>
`
}

function mm(value: number): string {
  return `${value.toFixed(2)}mm`
}

function place(box: BoxMm): string {
  return `left: ${mm(box.xMm)}; top: ${mm(box.yMm)}; width: ${mm(box.widthMm)}; height: ${mm(box.heightMm)};`
}

/** The 鱼尾: a black band whose lower edge is notched into a swallow's tail, the way it points. */
function fishTail(box: BoxMm): string {
  return `<svg class="box" style="${place(box)}" viewBox="0 0 10 5" preserveAspectRatio="none" aria-hidden="true">
<path d="M0 0 H10 V5 L5 2.6 L0 5 Z" fill="${inkColour}"/>
<line x1="0" y1="-0.4" x2="10" y2="-0.4" stroke="${inkColour}" stroke-width="0.15"/>
</svg>`
}

function textElement(text: KeepsakeText): string {
  const align = { start: 'left', centre: 'center', end: 'right' }[text.align]
  const classes = ['box', 'text', text.role, text.isVertical ? 'vertical' : ''].join(' ').trim()
  return `<div class="${classes}" lang="${escapeHtml(text.language)}" data-role="${text.role}" style="${place(text.box)} font-size: ${text.sizePt}pt; text-align: ${align};">${escapeHtml(text.text)}</div>`
}

/** The seal: its characters in columns read right to left, cinnabar in a cinnabar square. */
function seal(layout: KeepsakeLayout): string {
  const characters = Array.from(layout.seal.text)
  const columns = characters.length > 2 ? 2 : 1
  const rows = Math.ceil(characters.length / columns)
  const sizeMm = (layout.seal.box.widthMm * 0.72) / Math.max(columns, rows)
  return `<div class="box seal" data-role="seal" style="${place(layout.seal.box)} font-size: ${mm(sizeMm)};">${escapeHtml(layout.seal.text)}</div>`
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  )
}
