import iconv from 'iconv-lite'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeEntryName } from '../../../main/services/packs/entryNameDecoding'
import { resolvePackEntries } from '../../../main/services/packs/packEntryList'
import {
  caseFoldedName,
  isOsJunk,
  unsafeEntryNameReason,
} from '../../../main/services/packs/packPathRules'

describe('decodeEntryName', () => {
  it('reads flagged UTF-8, unflagged valid UTF-8, and else GBK', () => {
    expect(decodeEntryName(Buffer.from('图/点茶.png'), 0x800, [])).toEqual({
      name: '图/点茶.png',
      encoding: 'utf-8',
    })
    expect(decodeEntryName(Buffer.from('图/点茶.png'), 0, [])).toEqual({
      name: '图/点茶.png',
      encoding: 'utf-8',
    })
    expect(decodeEntryName(iconv.encode('图/点茶.png', 'gbk'), 0, [])).toEqual({
      name: '图/点茶.png',
      encoding: 'gbk',
    })
  })

  it('refuses a name flagged UTF-8 that is not', () => {
    expect(decodeEntryName(iconv.encode('点茶.png', 'gbk'), 0x800, [])).toHaveProperty('error')
  })

  it('prefers the Unicode Path extra field when it belongs to the name', () => {
    const raw = Buffer.from('??.png')
    // Version 1, the CRC-32 of the header name it stands for, then the UTF-8 name.
    const field = (crc: number) => {
      const head = Buffer.alloc(5)
      head.writeUInt8(1, 0)
      head.writeUInt32LE(crc >>> 0, 1)
      return Buffer.concat([head, Buffer.from('点茶.png')])
    }
    expect(decodeEntryName(raw, 0, [{ id: 0x7075, data: Buffer.from(field(crc32(raw))) }])).toEqual(
      { name: '点茶.png', encoding: 'utf-8' },
    )
    expect(
      decodeEntryName(raw, 0, [{ id: 0x7075, data: Buffer.from(field(crc32(raw) ^ 1)) }]),
    ).toEqual({ name: '??.png', encoding: 'utf-8' })
  })

  it('normalizes to NFC, so a macOS (NFD) name matches the manifest', () => {
    const decomposed = 'cafe\u0301.png'
    expect(decodeEntryName(Buffer.from(decomposed), 0, [])).toEqual({
      name: 'café.png',
      encoding: 'utf-8',
    })
  })
})

describe('entry name rules', () => {
  it.each([
    ['../a.png', '".."'],
    ['a/../../b', '".."'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.png', 'drive letter'],
    ['c:x.png', 'drive letter'],
    ['a\\b.png', 'backslash'],
    ['a//b.png', 'empty segment'],
    ['./a.png', '"."'],
    ['a\u0000.png', 'control'],
    ['', 'empty name'],
    ['images/a.png:hidden', 'Windows forbids'],
    ['images/what?.png', 'Windows forbids'],
    ['NUL.png', 'device name'],
    ['audio/com1', 'device name'],
    ['images./a.png', 'ends with a dot'],
    ['images/a.png ', 'space'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(unsafeEntryNameReason(name)).toContain(reason)
  })

  it.each(['images/bowl.png', 'audio/清明 上河.ogg', 'dir/', '..hidden/x', 'a..b.png'])(
    'accepts %j',
    (name) => {
      expect(unsafeEntryNameReason(name)).toBeUndefined()
    },
  )

  it.each([
    '__MACOSX/images/._a.png',
    'images/._a.png',
    '.DS_Store',
    'x/.DS_Store',
    'THUMBS.DB',
    'x/Desktop.ini',
  ])('skips junk %j', (name) => {
    expect(isOsJunk(name)).toBe(true)
  })

  it.each(['images/a.png', 'macosx/a.png', 'thumbs.db.png'])('keeps %j', (name) => {
    expect(isOsJunk(name)).toBe(false)
  })

  it('folds case and normal form for duplicate detection', () => {
    expect(caseFoldedName('Images/Café.PNG')).toBe(caseFoldedName('images/cafe\u0301.png'))
  })
})

describe('resolvePackEntries', () => {
  const file = (name: string) => ({
    name,
    isDirectory: name.endsWith('/'),
    declaredSize: 1,
    source: name,
  })

  it('reads a single wrapper folder as the root, leaving junk out', () => {
    const resolved = resolvePackEntries(
      ['Pack/', 'Pack/manifest.json', 'Pack/images/a.png', '__MACOSX/Pack/._manifest.json'].map(
        file,
      ),
    )
    expect([...resolved.files.keys()]).toEqual(['manifest.json', 'images/a.png'])
    expect(resolved.problems).toEqual([])
  })

  it('does not unwrap when the root has its own manifest or two folders', () => {
    expect([
      ...resolvePackEntries(['manifest.json', 'Pack/manifest.json'].map(file)).files.keys(),
    ]).toEqual(['manifest.json', 'Pack/manifest.json'])
    expect([...resolvePackEntries(['A/manifest.json', 'B/x.png'].map(file)).files.keys()]).toEqual([
      'A/manifest.json',
      'B/x.png',
    ])
  })

  it('refuses a name that is both a file and a folder', () => {
    const resolved = resolvePackEntries(['manifest.json', 'img', 'img/a.png'].map(file))
    expect(resolved.problems).toEqual([
      { path: 'img', message: 'refused: the name is both a file and a folder' },
    ])
  })
})
