import { execFile } from 'node:child_process'

/** The system's ffmpeg is not installed (or not on the PATH): the message names it and the fix. */
export class FfmpegMissingError extends Error {
  constructor(readonly command: string) {
    super(
      `"${command}" was not found: this needs the system's ffmpeg (with libopus). Install it (Debian/Ubuntu: apt-get install ffmpeg; Windows: ffmpeg.org, then add it to PATH) or set SONGYUN_FFMPEG to its path`,
    )
  }
}

/** The ffmpeg to run: SONGYUN_FFMPEG if set, else `ffmpeg` from the PATH. */
export function ffmpegCommand(): string {
  return process.env.SONGYUN_FFMPEG || 'ffmpeg'
}

/** What one ffmpeg run printed. */
export interface FfmpegOutput {
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs ffmpeg with `args`. A missing binary rejects with {@link FfmpegMissingError}; a failed run
 * rejects with ffmpeg's own last lines, which say what was wrong with the input.
 */
export function runFfmpeg(
  args: readonly string[],
  command = ffmpegCommand(),
): Promise<FfmpegOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      ['-hide_banner', '-nostdin', ...args],
      { maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new FfmpegMissingError(command))
        } else if (error) {
          const lastLines = stderr.trim().split('\n').slice(-3).join(' / ')
          reject(new Error(lastLines || error.message))
        } else {
          resolve({ stdout, stderr })
        }
      },
    )
  })
}
