import {
  firstScreenDataElementId,
  isFirstScreenRequest,
  type FirstScreenData,
  type FirstScreenOutcome,
} from '../../src/contract/firstScreenData'

/**
 * The first screen's answers the page arrived with (src/contract/firstScreenData.ts), each given
 * out once: the first `content:get` is answered from the page, a later one (after
 * `content:changed`) asks the services again.
 */
export class FirstScreenAnswers {
  readonly #outcomes: Map<string, FirstScreenOutcome>

  constructor(data: FirstScreenData = {}) {
    this.#outcomes = new Map(Object.entries(data))
  }

  /** Reads the page's data element; none, an empty one (the Electron shell) or bad JSON give none. */
  static fromDocument(doc: Document | undefined): FirstScreenAnswers {
    const text = doc?.getElementById(firstScreenDataElementId)?.textContent?.trim()
    if (!text) return new FirstScreenAnswers()
    try {
      return new FirstScreenAnswers(JSON.parse(text) as FirstScreenData)
    } catch {
      return new FirstScreenAnswers()
    }
  }

  /** The page's answer to `channel` with `args`, once; undefined when it must be asked for. */
  take(channel: string, args: unknown): FirstScreenOutcome | undefined {
    if (!isFirstScreenRequest(channel, args)) return undefined
    const outcome = this.#outcomes.get(channel)
    this.#outcomes.delete(channel)
    return outcome
  }
}
