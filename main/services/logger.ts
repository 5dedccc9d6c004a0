/** Where services write what happened; the shells decide whether it goes to a file. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/**
 * A logger that writes to stderr with a timestamp and keeps the last lines for diagnostics;
 * `alsoWriteLine` receives every line too (the shells pass the rotating log file's writer).
 */
export function createConsoleLogger(
  keepLines = 200,
  alsoWriteLine?: (line: string) => void,
): Logger & { recentLines(): string[] } {
  const lines: string[] = []
  const write = (level: string, message: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}`
    lines.push(line)
    if (lines.length > keepLines) lines.shift()
    process.stderr.write(`${line}\n`)
    alsoWriteLine?.(line)
  }
  return {
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
    recentLines: () => [...lines],
  }
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
