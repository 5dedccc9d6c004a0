import { describe, expect, it } from 'vitest'
import { joinArrowsToWords } from '../../../src/i18n/arrowJoin'

describe('joinArrowsToWords', () => {
  it('holds an arrow to the word before or after it with a no-break space', () => {
    expect(joinArrowsToWords('盖上木版 →')).toBe('盖上木版\u00a0→')
    expect(joinArrowsToWords('Drag the paper right onto the block →')).toBe(
      'Drag the paper right onto the block\u00a0→',
    )
    expect(joinArrowsToWords('← drag left')).toBe('←\u00a0drag left')
  })

  it('leaves other spaces breakable and text without arrows as it was', () => {
    expect(joinArrowsToWords('onto the block → here')).toBe('onto the block\u00a0→\u00a0here')
    expect(joinArrowsToWords('Write here with your finger')).toBe('Write here with your finger')
  })
})
