import type { EventMap, EventName } from '../../src/contract/contract'

type Listener<E extends EventName> = (payload: EventMap[E]) => void

/** The services' typed event bus; each shell forwards every event to its renderer. */
export class EventBus {
  readonly #listeners = new Map<EventName, Set<Listener<EventName>>>()
  readonly #anyListeners = new Set<(event: EventName, payload: unknown) => void>()

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(payload)
    for (const listener of this.#anyListeners) listener(event, payload)
  }

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event)
    if (!set) this.#listeners.set(event, (set = new Set()))
    set.add(listener as Listener<EventName>)
    return () => set.delete(listener as Listener<EventName>)
  }

  /** Listens to every event (what the shells use to forward them). */
  onAny(listener: (event: EventName, payload: unknown) => void): () => void {
    this.#anyListeners.add(listener)
    return () => this.#anyListeners.delete(listener)
  }
}
