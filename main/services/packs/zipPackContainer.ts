import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import type { Problem } from '../../../src/contract/requestError'
import { decodeEntryName } from './entryNameDecoding'
import type { PackContainer, PackEntry } from './packContainer'
import { resolvePackEntries, type ListedEntry } from './packEntryList'
import type { PackLimits } from './packLimits'

const unixFileTypeMask = 0o170000
const unixRegularFile = 0o100000
const unixDirectory = 0o040000
const unixSymlink = 0o120000
const dosDirectoryAttribute = 0x10
const storedMethod = 0
const deflatedMethod = 8
/**
 * The size of one read from the archive (and of one inflated chunk). yauzl's own entry streams
 * read 16 KiB at a time: 12,880 `pread`s for a 200 MB pack. Reading 1 MiB at a time brings that to
 * about two hundred (issue 20, docs/performance.md).
 */
const archiveReadBytes = 1024 * 1024

interface ZipPackEntry extends PackEntry {
  readonly zipEntry: Entry
}

/**
 * Opens a ZIP pack with yauzl, which reads the central directory without trusting it and never
 * writes anything itself. Names are decoded here (UTF-8 or GBK) and checked, with entry kinds,
 * sizes and compression ratios, before any byte is read; the bytes that really come out are
 * counted while streaming (stagePack), so a header cannot lie about them.
 */
export async function openZipPackContainer(
  archivePath: string,
  limits: PackLimits,
): Promise<PackContainer> {
  let zipFile: ZipFile
  try {
    zipFile = await yauzl.openPromise(archivePath, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      // Sizes are checked here per entry (naming it) and while streaming, not by yauzl, whose
      // check would abort the listing of the whole archive at the first bad entry.
      validateEntrySizes: false,
      strictFileNames: false,
    })
  } catch (error) {
    return brokenArchive(archivePath, `not a readable ZIP archive (${(error as Error).message})`)
  }

  const problems: Problem[] = []
  const listed: ListedEntry<Entry>[] = []
  if (zipFile.entryCount > limits.maxEntries) {
    problems.push({
      path: archivePath,
      message: `refused: the archive holds ${zipFile.entryCount} entries, more than ${limits.maxEntries}`,
    })
  } else {
    try {
      for await (const entry of zipFile.eachEntry()) {
        const listedEntry = listZipEntry(entry, limits, problems)
        if (listedEntry) listed.push(listedEntry)
      }
    } catch (error) {
      problems.push({
        path: archivePath,
        message: `the archive is damaged (${(error as Error).message})`,
      })
    }
  }

  // Entry bytes are read through a handle of our own, in large reads; yauzl still lists and
  // checks the entries and locates each one's data (its local header), which it does not trust.
  let dataHandle: FileHandle | undefined
  const resolved = resolvePackEntries(listed)
  const entries = new Map<string, ZipPackEntry>()
  for (const [relative, file] of resolved.files) {
    entries.set(relative, {
      path: file.path,
      sourceName: file.sourceName,
      declaredSize: file.declaredSize,
      zipEntry: file.source,
    })
  }
  return {
    sourcePath: archivePath,
    entries,
    problems: [...problems, ...resolved.problems],
    openEntry: async (entry) => {
      dataHandle ??= await open(archivePath, 'r')
      return openEntryData(zipFile, dataHandle, (entry as ZipPackEntry).zipEntry)
    },
    close: async () => {
      zipFile.close()
      await dataHandle?.close()
    },
  }
}

/**
 * An entry's uncompressed bytes: its data located by yauzl (local header checked against the
 * archive's size), read in {@link archiveReadBytes} pieces and inflated where deflated. Sizes are
 * counted by the reader (stagePack), not trusted from the header.
 */
async function openEntryData(
  zipFile: ZipFile,
  handle: FileHandle,
  entry: Entry,
): Promise<Readable> {
  const { fileDataStart } = await zipFile.readLocalFileHeaderPromise(entry, { minimal: true })
  if (entry.compressedSize === 0) {
    // Stored: an empty file. Deflated: no data at all, which inflate reports as a damaged entry.
    return entry.compressionMethod === storedMethod ? Readable.from([]) : createInflateRaw().end()
  }
  // The numeric descriptor, not the handle: a stream over a FileHandle registers a listener on it
  // per entry, and a pack has hundreds of entries.
  const raw = createReadStream('', {
    fd: handle.fd,
    start: fileDataStart,
    end: fileDataStart + entry.compressedSize - 1,
    highWaterMark: archiveReadBytes,
    autoClose: false,
  })
  if (entry.compressionMethod === storedMethod) return raw
  const inflate = createInflateRaw({ chunkSize: archiveReadBytes })
  raw.on('error', (error) => inflate.destroy(error))
  return raw.pipe(inflate)
}

function listZipEntry(
  entry: Entry,
  limits: PackLimits,
  problems: Problem[],
): ListedEntry<Entry> | undefined {
  const rawName = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer)
  const decoded = decodeEntryName(rawName, entry.generalPurposeBitFlag, entry.extraFields)
  if ('error' in decoded) {
    problems.push({ path: rawName.toString('latin1'), message: `refused: ${decoded.error}` })
    return undefined
  }
  const name = decoded.name
  const unixType = (entry.externalFileAttributes >>> 16) & unixFileTypeMask
  if (unixType === unixSymlink) {
    problems.push({ path: name, message: 'refused: the entry is a symbolic link' })
    return undefined
  }
  if (unixType !== 0 && unixType !== unixRegularFile && unixType !== unixDirectory) {
    problems.push({
      path: name,
      message: 'refused: the entry is a special file (device, pipe or socket)',
    })
    return undefined
  }
  const isDirectory =
    name.endsWith('/') ||
    unixType === unixDirectory ||
    ((entry.externalFileAttributes & dosDirectoryAttribute) !== 0 && entry.uncompressedSize === 0)
  if (isDirectory) {
    if (entry.uncompressedSize > 0) {
      problems.push({ path: name, message: 'refused: a folder entry that holds data' })
      return undefined
    }
    return { name, isDirectory: true, declaredSize: 0, source: entry }
  }
  if (entry.isEncrypted()) {
    problems.push({ path: name, message: 'refused: the entry is encrypted' })
    return undefined
  }
  if (entry.compressionMethod !== storedMethod && entry.compressionMethod !== deflatedMethod) {
    problems.push({
      path: name,
      message: `refused: compression method ${entry.compressionMethod} (only store and deflate are read)`,
    })
    return undefined
  }
  if (entry.compressionMethod === storedMethod && entry.compressedSize !== entry.uncompressedSize) {
    problems.push({
      path: name,
      message: `refused: a stored entry whose header claims ${entry.uncompressedSize} bytes but holds ${entry.compressedSize}`,
    })
    return undefined
  }
  if (entry.uncompressedSize >= limits.compressionRatioFloorBytes) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (ratio > limits.maxCompressionRatio) {
      problems.push({
        path: name,
        message: `refused: a compression ratio of ${Math.round(ratio)}:1 marks a zip bomb (limit ${limits.maxCompressionRatio}:1)`,
      })
      return undefined
    }
  }
  return { name, isDirectory: false, declaredSize: entry.uncompressedSize, source: entry }
}

function brokenArchive(archivePath: string, message: string): PackContainer {
  return {
    sourcePath: archivePath,
    entries: new Map(),
    problems: [{ path: archivePath, message }],
    openEntry: () => Promise.reject(new Error('the archive could not be opened')),
    close: async () => {},
  }
}
