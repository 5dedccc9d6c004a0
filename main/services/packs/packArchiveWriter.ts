import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { deflateRawSync } from 'node:zlib'
import yazl from 'yazl'

/** One file to put in an archive: its path in the pack and where its bytes come from. */
export interface ArchiveFileSource {
  readonly path: string
  readonly bytes?: Buffer
  readonly open?: () => Promise<Readable>
  readonly size: number
}

// Media that is compressed already gains nothing from deflate; storing it is faster to read.
const storedExtensions =
  /\.(png|jpe?g|webp|avif|gif|ogg|oga|opus|mp3|m4a|aac|mp4|webm|glb|ktx2|woff2?|zip)$/i

/** How much of a file is deflated to judge whether deflating it pays. */
const compressionSampleBytes = 256 * 1024
/** Deflate must save more than this share of a sample, else the entry is stored (method 0). */
const minimumDeflateSaving = 0.05

/**
 * Whether an entry is deflated: never for media that are compressed already, and otherwise only
 * when a sample of its bytes shrinks by more than a few per cent, so installs do not inflate
 * hundreds of megabytes for nothing (the manifest's hashes are of the bytes either way).
 */
export async function shouldDeflate(file: ArchiveFileSource): Promise<boolean> {
  if (storedExtensions.test(file.path)) return false
  const sample = file.bytes
    ? file.bytes.subarray(0, compressionSampleBytes)
    : await readSample(file)
  if (sample.length === 0) return false
  return deflateRawSync(sample).length < sample.length * (1 - minimumDeflateSaving)
}

async function readSample(file: ArchiveFileSource): Promise<Buffer> {
  if (!file.open) return Buffer.alloc(0)
  const stream = await file.open()
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer)
      total += (chunk as Buffer).length
      if (total >= compressionSampleBytes) break
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks).subarray(0, compressionSampleBytes)
}

// A fixed time makes two builds of the same folder byte-identical.
const fixedEntryTime = new Date(Date.UTC(2020, 0, 1))

/**
 * Writes a pack archive with yazl (UTF-8 names, flagged), `manifest.json` first. The archive is
 * written beside the target and renamed into place, so a failed build leaves no half file.
 */
export async function writePackArchive(
  outFile: string,
  files: readonly ArchiveFileSource[],
): Promise<void> {
  const zip = new yazl.ZipFile()
  const tempFile = `${outFile}.partial`
  const written = pipeline(zip.outputStream, createWriteStream(tempFile))
  try {
    for (const file of files) {
      const compress = await shouldDeflate(file)
      if (file.bytes) {
        zip.addBuffer(file.bytes, file.path, { compress, mtime: fixedEntryTime })
      } else if (file.open) {
        zip.addReadStreamLazy(
          file.path,
          { compress, size: file.size, mtime: fixedEntryTime },
          (callback) => {
            file.open!().then(
              (stream) => callback(null, stream),
              (error: Error) => callback(error, undefined as unknown as Readable),
            )
          },
        )
      }
    }
    zip.end()
    await written
    await rename(tempFile, outFile)
  } catch (error) {
    await rm(tempFile, { force: true })
    throw error
  }
}
