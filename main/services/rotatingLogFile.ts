import path from 'node:path'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import { privateFileMode } from './privateDataFolder'

/** Where the shells' logs go: `<data>/logs/songyun.log`, rotated files beside it. */
export function logsDir(dataDir: string): string {
  return path.join(dataDir, 'logs')
}

/** How much log a kiosk keeps: a few weeks of ordinary days in a few tens of MB. */
export interface LogRotationLimits {
  /** Rotate when the current file passes this size (rotating-file-stream notation, e.g. '5M'). */
  readonly maxFileSize: string
  /** Rotate at least this often, so one day's file is easy to find (e.g. '1d'). */
  readonly interval: string
  /** How many rotated files are kept; older ones are deleted. */
  readonly maxRotatedFiles: number
}

export const defaultLogRotationLimits: LogRotationLimits = {
  maxFileSize: '5M',
  interval: '1d',
  maxRotatedFiles: 20,
}

/** An open, rotating log file that takes whole lines. */
export interface RotatingLogFile {
  readonly filePath: string
  writeLine(line: string): void
  /** Flushes and closes the file. */
  close(): Promise<void>
}

/**
 * Opens `<data>/logs/songyun.log` (rotating-file-stream rotates it by size and day and deletes
 * the oldest). A log that cannot be written must never stop the kiosk: the first problem is
 * reported once on stderr and later lines are dropped.
 */
export function openRotatingLogFile(
  dataDir: string,
  limits: LogRotationLimits = defaultLogRotationLimits,
): RotatingLogFile {
  const dir = logsDir(dataDir)
  const stream: RotatingFileStream = createStream('songyun.log', {
    path: dir,
    size: limits.maxFileSize,
    interval: limits.interval,
    maxFiles: limits.maxRotatedFiles,
    mode: privateFileMode,
  })
  let isBroken = false
  const reportOnce = (error: Error) => {
    if (isBroken) return
    isBroken = true
    process.stderr.write(`songyun: cannot write the log in ${dir}: ${error.message}\n`)
  }
  stream.on('error', reportOnce)
  stream.on('warning', (error: Error) =>
    process.stderr.write(`songyun: log rotation: ${error.message}\n`),
  )
  return {
    filePath: path.join(dir, 'songyun.log'),
    writeLine(line) {
      if (!isBroken) stream.write(`${line}\n`)
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (isBroken || stream.destroyed) return resolve()
        stream.end(() => resolve())
      }),
  }
}
