// Sets a real page of text into the menu's woodblock illustration
// (assets/packs/songyun.core/images/woodblock-printing.svg): 陆游《临安春雨初霁》, written while he
// lodged in Lin'an (1186), in the traditional forms a Song edition would print. The block carries
// the page mirror-reversed, as a carved block does; the lifted sheet carries it right-reading.
// The glyphs are stroke outlines from hanzi-writer-data (Arphic Public License, ARPHICPL.TXT in
// that package), drawn as paths, because an <img> SVG can load no web font and must not need one.
// Run: node scripts/drawWoodblockMenuArt.mjs (rewrites the file between its two markers).
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const svgFile = path.join('assets', 'packs', 'songyun.core', 'images', 'woodblock-printing.svg')
const require = createRequire(import.meta.url)
const glyphFolder = path.dirname(require.resolve('hanzi-writer-data/package.json'))

/** The page, column by column from the right: title, author, then the poem's eight lines. */
const columns = [
  '臨安春雨初霽',
  '　　　　　陸游',
  '世味年來薄似紗',
  '誰令騎馬客京華',
  '小樓一夜聽春雨',
  '深巷明朝賣杏花',
  '矮紙斜行閒作草',
  '晴窗細乳戲分茶',
  '素衣莫起風塵歎',
  '猶及清明可到家',
]
// The page inside the block's frame (the same units as the frame, 360 × 232): each half-page
// has five columns either side of the fold strip (版心, x 160–200).
const columnLeftEdges = [320, 290, 260, 230, 200, 130, 100, 70, 40, 8]
const columnWidth = 30
const glyphSize = 24
const rowPitch = 30
const topMargin = 12

/** A glyph's outline in a 100-unit box, y down (hanzi-writer-data is 1024 units, y up, 900 high). */
function glyphPath(character) {
  const { strokes } = JSON.parse(readFileSync(path.join(glyphFolder, `${character}.json`), 'utf8'))
  return strokes
    .map((stroke) => {
      const tokens = stroke.match(/[A-Za-z]|-?\d+(?:\.\d+)?/g)
      let out = ''
      let isX = true
      for (const token of tokens) {
        if (/[A-Za-z]/.test(token)) {
          out += token
          isX = true
          continue
        }
        const value = Number(token)
        const scaled = isX ? value / 10.24 : (900 - value) / 10.24
        out += `${/[A-Za-z]$/.test(out) ? '' : ' '}${Math.round(scaled)}`
        isX = !isX
      }
      return out
    })
    .join('')
}

const glyphs = []
columns.forEach((column, columnIndex) => {
  ;[...column].forEach((character, row) => {
    if (character === '　') return
    const x = columnLeftEdges[columnIndex] + (columnWidth - glyphSize) / 2
    const y = topMargin + row * rowPitch
    glyphs.push(
      `<path transform="translate(${x} ${y}) scale(${glyphSize / 100})" d="${glyphPath(character)}"/>`,
    )
  })
})
const page = glyphs.join('\n      ')

const block = `<!-- text:begin (scripts/drawWoodblockMenuArt.mjs) -->
    <!-- carved mirror-reversed, so that the print reads the right way round -->
    <g fill="#1f1d1a" transform="translate(360 0) scale(-1 1)">
      ${page}
    </g>
    <!-- text:end -->`
const print = `<!-- print:begin (scripts/drawWoodblockMenuArt.mjs) -->
      <g transform="translate(0 24) scale(0.611)" fill="#1f1d1a" opacity="0.85">
      ${page}
      </g>
      <!-- print:end -->`

let svg = readFileSync(svgFile, 'utf8')
const replaceBetween = (text, begin, end, replacement) => {
  const start = text.indexOf(begin)
  const stop = text.indexOf(end)
  if (start < 0 || stop < 0) throw new Error(`${svgFile} lacks the ${begin} … ${end} markers`)
  return text.slice(0, start) + replacement + text.slice(stop + end.length)
}
svg = replaceBetween(svg, '<!-- text:begin', '<!-- text:end -->', block)
svg = replaceBetween(svg, '<!-- print:begin', '<!-- print:end -->', print)
writeFileSync(svgFile, svg)
process.stdout.write(`${svgFile}: ${glyphs.length} glyphs, ${svg.length} bytes\n`)
