import { describe, expect, it } from 'vitest'
import { packIdSchema } from '../../../src/pack/manifestSchema'

describe('pack ids', () => {
  it.each(['...', '.hidden', 'trailing.', 'trailing-', '-leading', 'a..b', 'songyun..core', 'ab'])(
    'refuses %s, which could name a path step or a folder Windows renames',
    (id) => {
      expect(packIdSchema.safeParse(id).success).toBe(false)
    },
  )

  it.each(['songyun.core', 'museum.tea-2026', 'abc', 'a-b', `a${'b'.repeat(62)}c`])(
    'accepts %s',
    (id) => {
      expect(packIdSchema.safeParse(id).success).toBe(true)
    },
  )

  it('says what a valid id looks like', () => {
    const result = packIdSchema.safeParse('...')
    expect(result.error?.issues[0]?.message).toContain('start and end with a letter or digit')
  })
})
