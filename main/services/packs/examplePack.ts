import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/** A plain PNG of one colour, made here so the example carries a real image. */
function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    typeAndData.copy(out, 4)
    out.writeUInt32BE(crc32(typeAndData), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The id `pack init` gives the example; a pack going to a kiosk needs its own. */
export const examplePackId = 'example.pack'

/** The example's placeholder image, always the same bytes. */
function placeholderImage(): Buffer {
  return solidPng(64, 64, [0x3e, 0x5c, 0x4f])
}

/**
 * What of the `pack init` example is still in a pack about to be built: its id, and files that
 * are still its placeholder image. Each as a sentence saying what to change.
 */
export function exampleLeftovers(manifest: {
  readonly id: string
  readonly files: Readonly<Record<string, { readonly sha256: string }>>
}): string[] {
  const leftovers: string[] = []
  if (manifest.id === examplePackId) {
    leftovers.push(
      `the id is still "${examplePackId}" from pack init; give the pack its own id (e.g. "hzmuseum.autumn-2026"), or it replaces every other pack that kept it`,
    )
  }
  const placeholderSha256 = createHash('sha256').update(placeholderImage()).digest('hex')
  for (const [filePath, file] of Object.entries(manifest.files)) {
    if (file.sha256 === placeholderSha256) {
      leftovers.push(`${filePath} is still the placeholder image from pack init; replace it`)
    }
  }
  return leftovers
}

/**
 * `songyun pack init`: a small pack folder that validates as it is: one bilingual tea exhibit
 * with a station, a knowledge card citing its source, a glossary term and an image, with the
 * `files` table filled in.
 */
export async function writeExamplePack(folder: string): Promise<void> {
  const image = placeholderImage()
  await mkdir(path.join(folder, 'images'), { recursive: true })
  await writeFile(path.join(folder, 'images', 'tea-bowl.png'), image)
  const manifest = {
    format: 'songyun-pack',
    formatVersion: 1,
    id: examplePackId,
    version: '1.0.0',
    title: { 'zh-CN': '示例内容包', en: 'Example pack' },
    publisher: 'Your museum',
    createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    languages: ['zh-CN', 'en'],
    exhibits: [
      {
        kind: 'tea-whisking',
        id: 'example-tea',
        title: { 'zh-CN': '点茶', en: 'Whisked tea' },
        teaser: { 'zh-CN': '击拂茶汤，点出白沫。', en: 'Whisk the tea until white foam rises.' },
        image: 'images/tea-bowl.png',
        stations: [
          {
            id: 'whisk',
            title: { 'zh-CN': '击拂', en: 'Whisk' },
            hint: { 'zh-CN': '在茶盏上来回划动。', en: 'Swipe back and forth over the bowl.' },
            cardId: 'foam',
          },
        ],
        cards: [
          {
            id: 'foam',
            title: { 'zh-CN': '汤花', en: 'The foam' },
            body: {
              'zh-CN': '宋人斗茶，以汤花色白、久聚不散为胜。',
              en: 'In Song tea contests, the whitest and longest-lasting foam won.',
            },
            source: { 'zh-CN': '蔡襄《茶录》', en: 'Cai Xiang, Record of Tea (Cha Lu)' },
          },
        ],
        glossary: [{ term: '点茶', pinyin: 'diǎnchá' }],
      },
    ],
    files: {
      'images/tea-bowl.png': {
        sha256: createHash('sha256').update(image).digest('hex'),
        size: image.length,
      },
    },
  }
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}
