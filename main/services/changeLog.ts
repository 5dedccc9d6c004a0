import { appendFile, mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import type { Clock } from '../../src/time/clock'
import type { Logger } from './logger'
import { logsDir } from './rotatingLogFile'

/**
 * Where a change was made: a terminal (`songyun …` on the kiosk), the admin screen (staff behind
 * the PIN), the inbox folder, or the venue's fleet folder.
 */
export type ChangeSurface = 'terminal' | 'admin screen' | 'inbox' | 'fleet'

/** `<data>/logs/changes.log`: one line per change an operator made, kept beside the kiosk's log. */
export function changeLogFile(dataDir: string): string {
  return path.join(logsDir(dataDir), 'changes.log')
}

/** How many changes the admin screen's diagnostics show, newest last. */
export const shownChangeCount = 30

/**
 * The kiosk's record of what operators changed (installs, rollbacks, trusted keys, the PIN, the
 * mode), whatever surface they used. It is a plain appended file rather than a line in the
 * running kiosk's rotating log, because a terminal command runs while the kiosk holds that log
 * open, and the record must outlive log rotation. A record that cannot be written never undoes
 * the change: it is reported and the change stands.
 */
export class ChangeLog {
  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  get filePath(): string {
    return changeLogFile(this.dataDir)
  }

  /** Appends `<ISO time> <surface>: <what>` and tells the logger the same. */
  async record(surface: ChangeSurface, what: string): Promise<void> {
    const line = `${new Date(this.clock.nowMs()).toISOString()} ${surface}: ${what}`
    this.logger.info(`change: ${surface}: ${what}`)
    try {
      await mkdir(path.dirname(this.filePath), { recursive: true })
      // One short write with O_APPEND: a kiosk and a terminal appending at once do not interleave.
      await appendFile(this.filePath, `${line}\n`, 'utf8')
    } catch (error) {
      this.logger.warn(`change log: cannot write ${this.filePath}: ${(error as Error).message}`)
    }
  }

  /** The last changes, oldest first; none when nothing was recorded yet. */
  async recent(count = shownChangeCount): Promise<string[]> {
    let handle
    try {
      handle = await open(this.filePath, 'r')
    } catch {
      return []
    }
    try {
      // The file only grows; its tail holds the recent changes (a line is well under 512 bytes).
      const { size } = await handle.stat()
      const tailBytes = Math.min(size, count * 512)
      const buffer = Buffer.alloc(tailBytes)
      await handle.read(buffer, 0, tailBytes, size - tailBytes)
      const lines = buffer.toString('utf8').split('\n').filter(Boolean)
      // The first line may be cut in the middle when the tail starts inside it.
      if (tailBytes < size) lines.shift()
      return lines.slice(-count)
    } finally {
      await handle.close()
    }
  }
}
