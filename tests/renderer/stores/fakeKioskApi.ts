import type {
  ArgsOf,
  EventMap,
  EventName,
  KioskApi,
  RequestChannel,
  ResultOf,
} from '../../../src/contract/contract'
import type { AnalyticsEvent } from '../../../src/contract/areas/analytics'
import { defaultSettings, type Settings } from '../../../src/settings/settingsSchema'

/** How a fake answers a channel: typed by the contract, so a wrong answer does not compile. */
export type FakeAnswers = {
  [C in RequestChannel]?: (args: ArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>
}

/** One request the fake received. */
export interface FakeCall {
  readonly channel: RequestChannel
  readonly args: unknown
  /** The staff session token, for `invokeAsStaff`. */
  readonly token?: string
}

/**
 * A KioskApi built from the contract for renderer tests: it answers the channels in `answers`
 * (settings:get answers `settings` unless given), records every request and every analytics
 * event, and emits events on demand. A channel without an answer resolves to undefined, which
 * is what the void channels (analytics:record, mode:report-visit, staff:keep-alive…) return.
 */
export function createFakeKioskApi(settings: Partial<Settings> = {}, answers: FakeAnswers = {}) {
  const recorded: AnalyticsEvent[] = []
  const calls: FakeCall[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const current: Settings = { ...defaultSettings(), ...settings }
  const allAnswers: FakeAnswers = {
    'settings:get': () => ({ settings: current, problems: [] }),
    ...answers,
  }

  async function answer<C extends RequestChannel>(
    channel: C,
    args: ArgsOf<C>,
  ): Promise<ResultOf<C>> {
    if (channel === 'analytics:record') recorded.push(args as AnalyticsEvent)
    const respond = allAnswers[channel] as ((args: ArgsOf<C>) => ResultOf<C>) | undefined
    return respond ? respond(args) : undefined
  }

  const api: KioskApi = {
    invoke: (channel, ...args) => {
      calls.push({ channel, args: args[0] })
      return answer(channel, args[0] as ArgsOf<typeof channel>)
    },
    invokeAsStaff: (token, channel, ...args) => {
      calls.push({ channel, args: args[0], token })
      return answer(channel, args[0] as ArgsOf<typeof channel>)
    },
    on: (event, listener) => {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      const entry = listener as (payload: never) => void
      set.add(entry)
      return () => set.delete(entry)
    },
  }
  return {
    api,
    recorded,
    calls,
    /** Sets or replaces how a channel is answered from now on. */
    answer<C extends RequestChannel>(channel: C, respond: NonNullable<FakeAnswers[C]>) {
      ;(allAnswers as Record<C, FakeAnswers[C]>)[channel] = respond
    },
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const listener of listeners.get(event) ?? [])
        (listener as (payload: EventMap[E]) => void)(payload)
    },
  }
}
