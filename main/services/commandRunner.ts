import { execFile } from 'node:child_process'

/**
 * Runs a program (no shell) and resolves with what it wrote to stdout, decoded as UTF-8. It
 * rejects when the program cannot be started (`code: 'ENOENT'` when it is missing), exits with a
 * failure, or runs past `timeoutMs` ({@link CommandTimeoutError}). Services take one of these so
 * tests can answer for the program.
 */
export type CommandRunner = (
  program: string,
  args: readonly string[],
  timeoutMs: number,
) => Promise<string>

/** A program that was stopped because it ran past its time limit. */
export class CommandTimeoutError extends Error {
  constructor(
    readonly program: string,
    readonly timeoutMs: number,
  ) {
    super(`${program} did not finish within ${timeoutMs} ms and was stopped`)
    this.name = 'CommandTimeoutError'
  }
}

/** Far more than any listing a service asks for; a program that writes more has gone wrong. */
const maxStdoutBytes = 1024 * 1024

/**
 * The real {@link CommandRunner}: `execFile` with the time limit, and `windowsHide` so that no
 * console window flashes over the kiosk on Windows.
 */
export const runCommandWithExecFile: CommandRunner = (program, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      program,
      [...args],
      { timeout: timeoutMs, windowsHide: true, encoding: 'utf8', maxBuffer: maxStdoutBytes },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout)
        } else if (error.killed && typeof error.code !== 'string') {
          // Only the time limit kills without an error code of its own (a full buffer has
          // one); on Windows the killed program still reports exit code 1.
          reject(new CommandTimeoutError(program, timeoutMs))
        } else if (typeof error.code === 'number') {
          // execFile's own message repeats the whole command line; the program's complaint is
          // what helps.
          const complaint = stderr.trim().slice(0, 500) || 'no message'
          reject(new Error(`${program} failed with exit code ${error.code}: ${complaint}`))
        } else {
          // A spawn failure (ENOENT, EACCES): execFile's error, with its `code`, as it is.
          const spawnFailure: Error = error
          reject(spawnFailure)
        }
      },
    )
    // Nothing is ever sent; a program that reads a piped stdin (Windows PowerShell does) would
    // otherwise wait for it until the time limit.
    child.stdin?.end()
  })
