import { describe, expect, it } from 'vitest'
import { readingPerCharacter } from '../../../src/i18n/pinyinSyllables'

describe('readingPerCharacter', () => {
  it('splits a written word into one syllable per character', () => {
    expect(readingPerCharacter('雕版', 'diāobǎn')).toEqual([
      { character: '雕', reading: 'diāo' },
      { character: '版', reading: 'bǎn' },
    ])
    expect(readingPerCharacter('松烟墨', 'sōngyānmò')?.map((p) => p.reading)).toEqual([
      'sōng',
      'yān',
      'mò',
    ])
    expect(readingPerCharacter('写样', 'xiěyàng')?.map((p) => p.reading)).toEqual(['xiě', 'yàng'])
    expect(readingPerCharacter('律吕', 'lǜlǚ')?.map((p) => p.reading)).toEqual(['lǜ', 'lǚ'])
  })

  it('keeps the spaces and capitals a reading is written with', () => {
    expect(readingPerCharacter('梦溪笔谈', 'Mèngxī Bǐtán')?.map((p) => p.reading)).toEqual([
      'Mèng',
      'xī',
      'Bǐ',
      'tán',
    ])
    expect(readingPerCharacter('宫商角徵羽', 'gōng shāng jué zhǐ yǔ')).toHaveLength(5)
  })

  it('splits at an apostrophe, and where the count of characters needs it (Xī’ān, not xiān)', () => {
    expect(readingPerCharacter('西安', 'Xī’ān')?.map((p) => p.reading)).toEqual(['Xī', 'ān'])
    expect(readingPerCharacter('天鹅', "tiān'é")?.map((p) => p.reading)).toEqual(['tiān', 'é'])
    expect(readingPerCharacter('先', 'xiān')?.map((p) => p.reading)).toEqual(['xiān'])
  })

  it('normalises to NFC, so a combining tone mark becomes the one precomposed letter', () => {
    const decomposed = 'dia\u0304oba\u030cn'
    const pairs = readingPerCharacter('雕版', decomposed)
    expect(pairs?.map((p) => p.reading)).toEqual(['diāo', 'bǎn'])
    expect(pairs?.every((p) => p.reading === p.reading.normalize('NFC'))).toBe(true)
  })

  it('gives up (the caller sets the reading whole) when the syllables do not match the characters', () => {
    expect(readingPerCharacter('雕版印刷', 'diāobǎn')).toBeUndefined()
    expect(readingPerCharacter('茶', 'xyz')).toBeUndefined()
    expect(readingPerCharacter('雕版', '')).toBeUndefined()
  })
})
