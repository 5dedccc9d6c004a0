import { appendFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { AnalyticsEvent } from '../../src/contract/areas/analytics'
import type { Clock } from '../../src/time/clock'
import { privateFileMode, privateFolderMode } from './privateDataFolder'

/** One line of an analytics day file: the event and when the services received it. */
export type AnalyticsRecord = AnalyticsEvent & { readonly at: string }

/** The UTC-independent local day `YYYY-MM-DD` of a moment, for the day file's name. */
export function localDayOf(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/**
 * Appends visitor events to `analytics/YYYY-MM-DD.jsonl`, one JSON object a line. Events carry
 * no personal data by construction (see the contract's schema); writes are serialised so lines
 * never interleave.
 */
export class AnalyticsService {
  #queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {}

  get folder(): string {
    return path.join(this.dataDir, 'analytics')
  }

  record(event: AnalyticsEvent): Promise<void> {
    const nowMs = this.clock.nowMs()
    const line = `${JSON.stringify({ ...event, at: new Date(nowMs).toISOString() })}\n`
    const file = path.join(this.folder, `${localDayOf(nowMs)}.jsonl`)
    this.#queue = this.#queue.then(async () => {
      await mkdir(this.folder, { recursive: true, mode: privateFolderMode })
      await appendFile(file, line, { encoding: 'utf8', mode: privateFileMode })
    })
    return this.#queue
  }
}
