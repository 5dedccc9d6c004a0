import type { RotatingLogFile } from '../services/rotatingLogFile'

/**
 * A log file that takes lines at once and opens later: `songyun serve` opens its log only after
 * the host listens, so the log library's code does not load before the first page can be asked
 * for (docs/performance.md "Start-up"). Lines written meanwhile are kept in order and written
 * when it opens; a file that cannot be opened drops them, as an unwritable log always does.
 */
export class LogFileOpenedLater {
  #file: RotatingLogFile | undefined
  #waiting: string[] | undefined = []
  #opened: Promise<void> | undefined

  /** Opens the file (once) and writes the lines kept so far. */
  open(openFile: () => Promise<RotatingLogFile>): Promise<void> {
    this.#opened ??= openFile().then(
      (file) => {
        this.#file = file
        for (const line of this.#waiting ?? []) file.writeLine(line)
        this.#waiting = undefined
      },
      (error: unknown) => {
        this.#waiting = undefined
        process.stderr.write(`songyun: cannot open the log: ${(error as Error).message}\n`)
      },
    )
    return this.#opened
  }

  writeLine(line: string): void {
    if (this.#file) this.#file.writeLine(line)
    else this.#waiting?.push(line)
  }

  /** Waits for the file to open, if it is opening, then flushes and closes it. */
  async close(): Promise<void> {
    await this.#opened
    await this.#file?.close()
  }
}
