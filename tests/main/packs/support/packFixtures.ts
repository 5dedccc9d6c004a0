import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'

/** Pack files by path; the manifest's `files` table is made from them. */
export type PackFiles = Record<string, Buffer>

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The `files` table (docs/content-pack-format.md) for some files. */
export function filesTable(files: PackFiles): Record<string, { sha256: string; size: number }> {
  return Object.fromEntries(
    Object.entries(files).map(([p, bytes]) => [p, { sha256: sha256(bytes), size: bytes.length }]),
  )
}

/** A small valid manifest (one tea exhibit whose image is `images/bowl.png`) for some files. */
export function manifestFor(
  files: PackFiles,
  overrides: { id?: string; version?: string; image?: string } = {},
): Record<string, unknown> {
  return {
    format: 'songyun-pack',
    formatVersion: 1,
    id: overrides.id ?? 'test.pack',
    version: overrides.version ?? '1.0.0',
    title: { 'zh-CN': '测试包', en: 'Test pack' },
    publisher: 'Tests',
    createdAt: '2026-11-28T00:00:00Z',
    languages: ['zh-CN', 'en'],
    exhibits: [
      {
        kind: 'tea-whisking',
        id: 'tea',
        title: { 'zh-CN': '点茶', en: 'Whisked tea' },
        teaser: { 'zh-CN': '点出白沫。', en: 'Whisk up white foam.' },
        image: overrides.image ?? 'images/bowl.png',
        stations: [
          {
            id: 'whisk',
            title: { 'zh-CN': '击拂', en: 'Whisk' },
            hint: { 'zh-CN': '来回划动。', en: 'Swipe back and forth.' },
          },
        ],
      },
    ],
    files: filesTable(files),
  }
}

/** The default media of a test pack. */
export function defaultPackFiles(seed = 'a'): PackFiles {
  return {
    'images/bowl.png': Buffer.from(`not really a png ${seed}`.repeat(40)),
    'audio/清明.ogg': Buffer.from(`not really audio ${seed}`.repeat(30)),
  }
}

export function manifestBytesOf(manifest: Record<string, unknown>): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
}

/** A test signing key pair, and the public key as PEM for `trusted-keys/`. */
export function testKeyPair(): {
  privateKey: KeyObject
  publicKeyPem: string
  privateKeyPem: string
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

export function signatureOf(manifestBytes: Buffer, privateKey: KeyObject): Buffer {
  return Buffer.from(`${sign(null, manifestBytes, privateKey).toString('base64')}\n`)
}

/** Writes a pack archive with yazl: manifest.json, manifest.sig (when given) and the files. */
export async function writeYazlPack(
  outFile: string,
  entries: readonly { name: string; data: Buffer; compress?: boolean }[],
): Promise<string> {
  const zip = new yazl.ZipFile()
  for (const entry of entries)
    zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? true })
  zip.end()
  await mkdir(path.dirname(outFile), { recursive: true })
  await pipeline(zip.outputStream, createWriteStream(outFile))
  return outFile
}

/** The entries of a whole pack: manifest, optional signature, files. */
export function packEntries(
  manifest: Record<string, unknown>,
  files: PackFiles,
  privateKey?: KeyObject,
): { name: string; data: Buffer }[] {
  const manifestBytes = manifestBytesOf(manifest)
  return [
    { name: 'manifest.json', data: manifestBytes },
    ...(privateKey ? [{ name: 'manifest.sig', data: signatureOf(manifestBytes, privateKey) }] : []),
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ]
}

/** Writes a pack as a plain folder. */
export async function writePackFolder(
  folder: string,
  entries: readonly { name: string; data: Buffer }[],
): Promise<string> {
  for (const entry of entries) {
    const target = path.join(folder, ...entry.name.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, entry.data)
  }
  return folder
}

/**
 * Every file and folder under a root with the SHA-256 of each file's bytes: two snapshots are
 * equal exactly when nothing was added, removed or changed.
 */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {}
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name)
      const relative = path.relative(root, full)
      if (entry.isDirectory()) {
        snapshot[`${relative}/`] = 'dir'
        await walk(full)
      } else {
        snapshot[relative] = entry.isFile() ? sha256(await readFile(full)) : 'special'
      }
    }
  }
  await walk(root)
  return snapshot
}
