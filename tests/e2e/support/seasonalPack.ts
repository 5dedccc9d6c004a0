import { createHash, sign } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'

/**
 * A seasonal pack with one tea exhibit, as an operator would bring on a USB stick: signed with
 * `privateKey`, or unsigned without one. Written to `<folder>/season-<version>.songpack`.
 */
export async function seasonalPack(
  folder: string,
  version: string,
  title: string,
  privateKey: Parameters<typeof sign>[2] | undefined,
): Promise<string> {
  const image = Buffer.from(`seasonal image ${version}`)
  const manifest = Buffer.from(
    JSON.stringify({
      format: 'songyun-pack',
      formatVersion: 1,
      id: 'season.pack',
      version,
      title: { 'zh-CN': '时令', en: 'Seasonal' },
      publisher: 'e2e',
      createdAt: '2026-11-28T00:00:00Z',
      languages: ['zh-CN', 'en'],
      exhibits: [
        {
          kind: 'tea-whisking',
          id: 'season-tea',
          title: { 'zh-CN': `${title}（中文）`, en: title },
          teaser: { 'zh-CN': '时令茶会。', en: 'A seasonal tea gathering.' },
          image: 'images/season.png',
          stations: [
            {
              id: 'whisk',
              title: { 'zh-CN': '击拂', en: 'Whisk' },
              hint: { 'zh-CN': '划动。', en: 'Swipe.' },
            },
          ],
        },
      ],
      files: {
        'images/season.png': {
          sha256: createHash('sha256').update(image).digest('hex'),
          size: image.length,
        },
      },
    }),
  )
  const zip = new yazl.ZipFile()
  zip.addBuffer(manifest, 'manifest.json')
  // Without a key the pack is unsigned, as a careless export would be.
  if (privateKey) {
    zip.addBuffer(Buffer.from(sign(null, manifest, privateKey).toString('base64')), 'manifest.sig')
  }
  zip.addBuffer(image, 'images/season.png')
  zip.end()
  const file = path.join(folder, `season-${version}.songpack`)
  await pipeline(zip.outputStream, createWriteStream(file))
  return file
}
