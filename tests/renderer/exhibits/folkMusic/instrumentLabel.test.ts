import { describe, expect, it } from 'vitest'
import { chooserLabel } from '../../../../renderer/exhibits/folkMusic/instrumentLabel'

describe('chooserLabel', () => {
  it('drops a trailing gloss in brackets, Latin or full-width', () => {
    expect(chooserLabel('Dizi (side-blown flute)')).toBe('Dizi')
    expect(chooserLabel('Paiban (wooden clappers)')).toBe('Paiban')
    expect(chooserLabel('拍板（檀板）')).toBe('拍板')
  })

  it('keeps names without a gloss, and a name that is only brackets', () => {
    expect(chooserLabel('古琴')).toBe('古琴')
    expect(chooserLabel('Pipa')).toBe('Pipa')
    expect(chooserLabel('(guqin)')).toBe('(guqin)')
  })
})
