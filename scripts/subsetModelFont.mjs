// Subsets LXGW WenKai (@fontsource/lxgw-wenkai, OFL-1.1; a regular-script 楷 face) to the
// characters the built-in pack's woodblocks carve, for the faint model glyph of the 写样 station.
// The whole face is 7 MB; the subset is a few kilobytes. Run after changing a block's text:
//   node scripts/subsetModelFont.mjs
// It keeps every glyph id (so no table needs renumbering) but empties every glyph outside the
// subset, rebuilds cmap (format 4) and loca, and drops the layout tables a model glyph never
// uses; the result is written as WOFF 1.0 (zlib), which Node can write without extra packages.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync, inflateSync } from 'node:zlib'

const root = fileURLToPath(new URL('../', import.meta.url))
const sourceFont = path.join(
  root,
  'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
)
const manifestPath = path.join(root, 'assets/packs/songyun.core/manifest.json')
const outDir = path.join(root, 'renderer/exhibits/woodblockPrinting')
const outFont = path.join(outDir, 'modelGlyphFont.woff')

/** Every character a woodblock of the pack carves as writing (single characters and verse). */
function packCharacters() {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const characters = new Set()
  const visit = (value) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    if (
      (value.carving === 'characters' || value.carving === 'verse') &&
      typeof value.text === 'string'
    )
      for (const c of value.text) if (/[\p{L}\p{N}]/u.test(c)) characters.add(c)
    Object.values(value).forEach(visit)
  }
  visit(manifest)
  if (characters.size === 0) throw new Error(`${manifestPath} has no woodblock with characters`)
  return [...characters].sort()
}

/** The sfnt tables of a WOFF 1.0 file, by tag. */
function readWoff(bytes) {
  if (bytes.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${sourceFont} is not WOFF 1.0`)
  const tableCount = bytes.readUInt16BE(12)
  const tables = new Map()
  for (let i = 0; i < tableCount; i++) {
    const entry = 44 + i * 20
    const tag = bytes.toString('latin1', entry, entry + 4)
    const offset = bytes.readUInt32BE(entry + 4)
    const compressed = bytes.readUInt32BE(entry + 8)
    const original = bytes.readUInt32BE(entry + 12)
    const data = bytes.subarray(offset, offset + compressed)
    tables.set(tag, compressed < original ? inflateSync(data) : Buffer.from(data))
  }
  return { flavor: bytes.readUInt32BE(4), tables }
}

/** Glyph id for a code point, from a format 4 or 12 cmap subtable. */
function glyphLookup(cmap) {
  const count = cmap.readUInt16BE(2)
  let best
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8)
    const encoding = cmap.readUInt16BE(6 + i * 8)
    const offset = cmap.readUInt32BE(8 + i * 8)
    const format = cmap.readUInt16BE(offset)
    if (format === 12 && (platform === 3 || platform === 0)) best = { format, offset }
    else if (format === 4 && platform === 3 && encoding === 1 && !best) best = { format, offset }
  }
  if (!best) throw new Error('The font has no Unicode cmap')
  const { format, offset } = best
  if (format === 12) {
    const groups = cmap.readUInt32BE(offset + 12)
    return (code) => {
      for (let g = 0; g < groups; g++) {
        const at = offset + 16 + g * 12
        const start = cmap.readUInt32BE(at)
        const end = cmap.readUInt32BE(at + 4)
        if (code >= start && code <= end) return cmap.readUInt32BE(at + 8) + code - start
      }
      return 0
    }
  }
  const segments = cmap.readUInt16BE(offset + 6) / 2
  const ends = offset + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (code) => {
    for (let s = 0; s < segments; s++) {
      if (code > cmap.readUInt16BE(ends + s * 2)) continue
      const start = cmap.readUInt16BE(starts + s * 2)
      if (code < start) return 0
      const delta = cmap.readInt16BE(deltas + s * 2)
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2)
      if (rangeOffset === 0) return (code + delta) & 0xffff
      const glyph = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}

/** A cmap with one format 4 subtable mapping each code point to its glyph. */
function buildCmap(pairs) {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0])
  const segments = [...sorted.map(([code, glyph]) => ({ code, glyph })), { code: 0xffff, glyph: 0 }]
  const n = segments.length
  const sub = Buffer.alloc(16 + n * 8)
  const searchRange = 2 * 2 ** Math.floor(Math.log2(n))
  sub.writeUInt16BE(4, 0)
  sub.writeUInt16BE(sub.length, 2)
  sub.writeUInt16BE(0, 4)
  sub.writeUInt16BE(n * 2, 6)
  sub.writeUInt16BE(searchRange, 8)
  sub.writeUInt16BE(Math.floor(Math.log2(n)), 10)
  sub.writeUInt16BE(n * 2 - searchRange, 12)
  segments.forEach(({ code, glyph }, i) => {
    sub.writeUInt16BE(code, 14 + i * 2) // end
    sub.writeUInt16BE(code, 16 + n * 2 + i * 2) // start
    sub.writeUInt16BE(code === 0xffff ? 1 : (glyph - code) & 0xffff, 16 + n * 4 + i * 2)
    sub.writeUInt16BE(0, 16 + n * 6 + i * 2)
  })
  const header = Buffer.alloc(12)
  header.writeUInt16BE(0, 0)
  header.writeUInt16BE(1, 2)
  header.writeUInt16BE(3, 4)
  header.writeUInt16BE(1, 6)
  header.writeUInt32BE(12, 8)
  return Buffer.concat([header, sub])
}

function pad4(buffer) {
  return buffer.length % 4 === 0
    ? buffer
    : Buffer.concat([buffer, Buffer.alloc(4 - (buffer.length % 4))])
}

function checksum(buffer) {
  const padded = pad4(buffer)
  let sum = 0
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0
  return sum
}

function writeWoff(flavor, tables) {
  const tags = [...tables.keys()].sort()
  const entries = tags.map((tag) => {
    const data = tables.get(tag)
    const deflated = deflateSync(data, { level: 9 })
    const stored = deflated.length < data.length ? deflated : data
    return { tag, data, stored, checksum: checksum(data) }
  })
  let offset = 44 + entries.length * 20
  const directory = Buffer.alloc(entries.length * 20)
  entries.forEach((entry, i) => {
    directory.write(entry.tag, i * 20, 'latin1')
    directory.writeUInt32BE(offset, i * 20 + 4)
    directory.writeUInt32BE(entry.stored.length, i * 20 + 8)
    directory.writeUInt32BE(entry.data.length, i * 20 + 12)
    directory.writeUInt32BE(entry.checksum, i * 20 + 16)
    offset += pad4(entry.stored).length
  })
  const sfntSize =
    12 + entries.length * 16 + entries.reduce((sum, e) => sum + pad4(e.data).length, 0)
  const header = Buffer.alloc(44)
  header.write('wOFF', 0, 'latin1')
  header.writeUInt32BE(flavor, 4)
  header.writeUInt32BE(offset, 8)
  header.writeUInt16BE(entries.length, 12)
  header.writeUInt32BE(sfntSize, 16)
  header.writeUInt16BE(1, 20)
  return Buffer.concat([header, directory, ...entries.map((e) => pad4(e.stored))])
}

const characters = packCharacters()
const { flavor, tables } = readWoff(readFileSync(sourceFont))
const glyphOf = glyphLookup(tables.get('cmap'))
const head = Buffer.from(tables.get('head'))
const glyphCount = tables.get('maxp').readUInt16BE(4)
const isLongLoca = head.readInt16BE(50) === 1
const loca = tables.get('loca')
const glyf = tables.get('glyf')
const glyphRange = (id) =>
  isLongLoca
    ? [loca.readUInt32BE(id * 4), loca.readUInt32BE(id * 4 + 4)]
    : [loca.readUInt16BE(id * 2) * 2, loca.readUInt16BE(id * 2 + 2) * 2]

const pairs = characters.map((c) => {
  const glyph = glyphOf(c.codePointAt(0))
  if (glyph === 0) throw new Error(`LXGW WenKai has no glyph for ${c}; choose another block text`)
  return [c.codePointAt(0), glyph]
})
// Glyph 0 (.notdef), the subset, and the components of any composite among them.
const kept = new Set([0, ...pairs.map(([, glyph]) => glyph)])
for (const id of [...kept]) {
  const [start, end] = glyphRange(id)
  if (end === start || glyf.readInt16BE(start) >= 0) continue
  let at = start + 10
  for (;;) {
    const flags = glyf.readUInt16BE(at)
    kept.add(glyf.readUInt16BE(at + 2))
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0)
    if (!(flags & 0x20)) break
  }
}
const pieces = []
const newLoca = Buffer.alloc((glyphCount + 1) * 4)
let glyfLength = 0
for (let id = 0; id < glyphCount; id++) {
  newLoca.writeUInt32BE(glyfLength, id * 4)
  if (!kept.has(id)) continue
  const [start, end] = glyphRange(id)
  const piece = pad4(glyf.subarray(start, end))
  pieces.push(piece)
  glyfLength += piece.length
}
newLoca.writeUInt32BE(glyfLength, glyphCount * 4)
head.writeInt16BE(1, 50)
head.writeUInt32BE(0, 8) // checkSumAdjustment: not checked by browsers
const post = Buffer.alloc(32)
tables.get('post').copy(post, 0, 0, 32)
post.writeUInt32BE(0x00030000, 0)

const out = new Map()
for (const tag of ['OS/2', 'hhea', 'hmtx', 'maxp', 'name', 'cvt ', 'fpgm', 'prep', 'gasp'])
  if (tables.has(tag)) out.set(tag, tables.get(tag))
out.set('head', head)
out.set('cmap', buildCmap(pairs))
out.set('loca', newLoca)
out.set('glyf', Buffer.concat(pieces))
out.set('post', post)
writeFileSync(outFont, writeWoff(flavor, out))
copyFileSync(
  path.join(root, 'node_modules/@fontsource/lxgw-wenkai/LICENSE'),
  path.join(outDir, 'modelGlyphFont.OFL.txt'),
)
process.stdout.write(
  `${path.relative(root, outFont)}: ${characters.join('')} (${kept.size} glyphs), ` +
    `${readFileSync(outFont).length} bytes\n`,
)
