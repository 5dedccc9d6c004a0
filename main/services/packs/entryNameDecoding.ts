import { crc32 } from 'node:zlib'
import iconv from 'iconv-lite'

/** How an entry name's bytes were read. */
export type EntryNameEncoding = 'utf-8' | 'gbk'

/** An entry name decoded to text, or why it could not be. */
export type DecodedEntryName =
  { readonly name: string; readonly encoding: EntryNameEncoding } | { readonly error: string }

/** ZIP general-purpose flag bit 11: the name and comment are UTF-8. */
const utf8NameFlag = 0x800
/** The Info-ZIP Unicode Path extra field, written by WinRAR, Bandizip and others. */
const unicodePathFieldId = 0x7075

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Decodes an entry name as docs/content-pack-format.md says: the Unicode Path extra field or the UTF-8 flag
 * first, else UTF-8 when the bytes are valid UTF-8 (macOS, 7-Zip, Python), else GBK (Windows
 * Explorer on a Chinese system writes the code page without a flag). The result is NFC-normalized
 * so that a name typed on macOS matches the manifest.
 */
export function decodeEntryName(
  rawName: Buffer,
  generalPurposeFlags: number,
  extraFields: readonly { readonly id: number; readonly data: Buffer }[],
): DecodedEntryName {
  for (const field of extraFields) {
    if (field.id !== unicodePathFieldId || field.data.length < 6 || field.data[0] !== 1) continue
    // The field applies only to the name it was written for (its CRC-32 says which).
    if (field.data.readUInt32LE(1) !== crc32(rawName)) continue
    const name = decodeUtf8(field.data.subarray(5))
    if (name !== undefined) return { name: name.normalize('NFC'), encoding: 'utf-8' }
  }
  const utf8 = decodeUtf8(rawName)
  if (utf8 !== undefined) return { name: utf8.normalize('NFC'), encoding: 'utf-8' }
  if ((generalPurposeFlags & utf8NameFlag) !== 0) {
    return { error: 'the name is flagged as UTF-8 but is not valid UTF-8' }
  }
  return { name: iconv.decode(rawName, 'gbk').normalize('NFC'), encoding: 'gbk' }
}
