import { describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import type { ChannelSpecs } from '../../../src/contract/channel'
import { eventNames, requestChannels, type RequestMap } from '../../../src/contract/contract'

describe('the contract', () => {
  it('names every request area:verb and gives it a runtime schema and an access level', () => {
    for (const [name, spec] of Object.entries(requestChannels)) {
      expect(name).toMatch(/^[a-z]+:[a-z-]+$/)
      expect(spec.args).toBeInstanceOf(z.ZodType)
      expect(['visitor', 'staff']).toContain(spec.access)
    }
    expect(eventNames).toContain('packs:changed')
  })

  it('refuses at compile time a channel list missing a request', () => {
    const { 'app:info': _missing, ...incomplete } = requestChannels
    // @ts-expect-error -- 'app:info' is missing from the runtime list, which must not compile.
    const checked: ChannelSpecs<RequestMap> = incomplete
    expect(Object.keys(checked)).not.toContain('app:info')
  })

  it('refuses at compile time a schema that does not fit its argument type', () => {
    expectTypeOf(requestChannels['settings:update'].args).toExtend<
      z.ZodType<RequestMap['settings:update']['args']>
    >()
    const wrong = {
      ...requestChannels,
      'app:log': { args: z.number(), access: 'visitor' as const },
    }
    // @ts-expect-error -- app:log takes a log entry, not a number.
    const checked: ChannelSpecs<RequestMap> = wrong
    expect(checked).toBeDefined()
  })
})
