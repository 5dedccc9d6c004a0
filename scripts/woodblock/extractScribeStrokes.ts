/**
 * Writes renderer/exhibits/woodblockPrinting/scribeStrokeData.json: the stroke outlines and
 * medians from hanzi-writer-data (Arphic Public License; see docs/woodblock-stations.md) for just
 * the characters the built-in pack's woodblock blocks carve, so the kiosk bundles a few
 * kilobytes rather than the whole set and fetches nothing. Run after changing those blocks:
 *   npx tsx scripts/woodblock/extractScribeStrokes.ts
 */
import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { carvedCharacters } from '../../src/exhibits/woodblockPrinting/blockLayout'

const root = path.resolve(import.meta.dirname, '../..')
const manifestPath = path.join(root, 'assets/packs/songyun.core/manifest.json')
const outputPath = path.join(root, 'renderer/exhibits/woodblockPrinting/scribeStrokeData.json')
const require = createRequire(import.meta.url)

interface ManifestShape {
  exhibits: { kind: string; blocks?: { carving: string; text: string }[] }[]
}

const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ManifestShape
const characters = new Set<string>()
for (const exhibit of manifest.exhibits) {
  if (exhibit.kind !== 'woodblock-printing') continue
  for (const block of exhibit.blocks ?? []) {
    if (block.carving === 'motif') continue
    for (const character of carvedCharacters(block.text)) characters.add(character)
  }
}
const data: Record<string, { strokes: string[]; medians: number[][][] }> = {}
for (const character of [...characters].sort()) {
  const file = require.resolve(`hanzi-writer-data/${character}.json`)
  const { strokes, medians } = JSON.parse(await readFile(file, 'utf8')) as {
    strokes: string[]
    medians: number[][][]
  }
  data[character] = { strokes, medians }
}
await writeFile(outputPath, `${JSON.stringify(data)}\n`)
process.stdout.write(
  `Wrote ${Object.keys(data).length} characters to ${path.relative(root, outputPath)}\n`,
)
