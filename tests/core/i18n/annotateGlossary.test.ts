import { describe, expect, it } from 'vitest'
import { annotateGlossary } from '../../../src/i18n/annotateGlossary'

const glossary = [
  { term: '雕版', pinyin: 'diāobǎn' },
  { term: '雕版印刷', pinyin: 'diāobǎn yìnshuā' },
  { term: '点茶', pinyin: 'diǎnchá' },
]

describe('annotateGlossary', () => {
  it('puts readings on the terms and keeps the text between them', () => {
    expect(annotateGlossary('宋人点茶，先温盏。', glossary)).toEqual([
      { text: '宋人' },
      { text: '点茶', reading: 'diǎnchá' },
      { text: '，先温盏。' },
    ])
  })

  it('prefers the longest term where terms overlap', () => {
    expect(annotateGlossary('雕版印刷与雕版', glossary)).toEqual([
      { text: '雕版印刷', reading: 'diāobǎn yìnshuā' },
      { text: '与' },
      { text: '雕版', reading: 'diāobǎn' },
    ])
  })

  it('returns text without terms as one plain run, and nothing for empty text', () => {
    expect(annotateGlossary('Whisked tea', glossary)).toEqual([{ text: 'Whisked tea' }])
    expect(annotateGlossary('', glossary)).toEqual([])
    expect(annotateGlossary('点茶', [])).toEqual([{ text: '点茶' }])
  })

  it('joins back to exactly the original text', () => {
    const text = '点茶点茶雕版x雕版印刷'
    expect(
      annotateGlossary(text, glossary)
        .map((s) => s.text)
        .join(''),
    ).toBe(text)
  })
})
