import { crc32, deflateRawSync } from 'node:zlib'

/** One entry of a hand-made archive; every header field can be made to lie. */
export interface CraftedEntry {
  /** The name as bytes (for GBK and other non-UTF-8 names) or text (written as UTF-8). */
  readonly name: string | Buffer
  readonly data?: Buffer
  /** Deflate the data (default) or store it. */
  readonly method?: 'deflate' | 'store'
  /** Set the UTF-8 flag (bit 11); default: when the name is given as text and is not ASCII. */
  readonly utf8Flag?: boolean
  /** What the headers claim, when it should differ from the truth. */
  readonly claimedUncompressedSize?: number
  /** Unix mode bits (e.g. 0o120777 for a symbolic link); stored in the external attributes. */
  readonly unixMode?: number
}

/**
 * Writes a ZIP archive byte by byte, so tests can make what no well-behaved zip writer makes:
 * names in GBK without the UTF-8 flag, symbolic links, sizes that lie, `../` names.
 */
export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const nameBytes = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name
    const isAscii = typeof entry.name === 'string' && /^[\x20-\x7e]*$/.test(entry.name)
    const utf8Flag = entry.utf8Flag ?? (typeof entry.name === 'string' && !isAscii)
    const data = entry.data ?? Buffer.alloc(0)
    const isStored = entry.method === 'store'
    const payload = isStored ? data : deflateRawSync(data)
    const uncompressedSize = entry.claimedUncompressedSize ?? data.length
    const flags = utf8Flag ? 0x800 : 0
    const method = isStored ? 0 : 8
    const crc = crc32(data)

    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x5021, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(payload.length, 18)
    local.writeUInt32LE(uncompressedSize, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    local.writeUInt16LE(0, 28)
    locals.push(local, nameBytes, payload)

    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    // Made by: Unix (3) when a mode is given, so readers honour the mode bits; else MS-DOS.
    central.writeUInt16LE(entry.unixMode !== undefined ? (3 << 8) | 20 : 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x5021, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(payload.length, 20)
    central.writeUInt32LE(uncompressedSize, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt16LE(0, 30)
    central.writeUInt16LE(0, 32)
    central.writeUInt16LE(0, 34)
    central.writeUInt16LE(0, 36)
    central.writeUInt32LE(entry.unixMode !== undefined ? (entry.unixMode << 16) >>> 0 : 0, 38)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + payload.length
  }
  const centralDirectory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralDirectory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, centralDirectory, end])
}
