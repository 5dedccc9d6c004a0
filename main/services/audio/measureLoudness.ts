import type { MeasuredLoudness } from '../../../src/audio/loudnessTarget'
import { runFfmpeg } from './ffmpegTool'

/**
 * Reads the summary ffmpeg's `ebur128=peak=true` filter prints at the end of a run. Silence has no
 * integrated loudness ("-70.0" or "-inf"): it is reported as an error, since no gain can fix it.
 */
export function parseEbur128Summary(ffmpegLog: string): MeasuredLoudness {
  const summary = ffmpegLog.slice(ffmpegLog.lastIndexOf('Summary:'))
  const integrated = /I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(summary)?.[1]
  const peak = /True peak:\s+Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(summary)?.[1]
  if (integrated === undefined || peak === undefined) {
    throw new Error('ffmpeg printed no EBU R128 summary (is this an audio file?)')
  }
  const integratedLufs = integrated === '-inf' ? Number.NEGATIVE_INFINITY : Number(integrated)
  if (!(integratedLufs > -70))
    throw new Error('the recording is silent: it has no loudness to measure')
  return {
    integratedLufs,
    truePeakDbtp: peak === '-inf' ? -100 : Number(peak),
  }
}

/** The log of one run of ffmpeg's EBU R128 meter over a recording (the summary at its end). */
async function runLoudnessMeter(file: string): Promise<string> {
  const { stderr } = await runFfmpeg([
    '-nostats',
    '-i',
    file,
    '-filter_complex',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ])
  return stderr
}

/** Measures a recording's integrated loudness and true peak with the system's ffmpeg. */
export async function measureLoudness(file: string): Promise<MeasuredLoudness> {
  return parseEbur128Summary(await runLoudnessMeter(file))
}

/** The length ffmpeg states for its input ("Duration: 00:01:02.50"), in seconds. */
export function parseDurationSeconds(ffmpegLog: string): number | undefined {
  const match = /Duration:\s+(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(ffmpegLog)
  if (!match) return undefined
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

/** A recording's loudness and length, from one run of the meter. */
export async function measureRecording(
  file: string,
): Promise<{ loudness: MeasuredLoudness; durationSeconds: number }> {
  const stderr = await runLoudnessMeter(file)
  const loudness = parseEbur128Summary(stderr)
  const stated = parseDurationSeconds(stderr)
  // Without a stated length (a raw stream), the meter's last time stamp is the length.
  const measured = [...stderr.matchAll(/\bt:\s*([\d.]+)/g)].at(-1)?.[1]
  const durationSeconds = stated ?? (measured ? Number(measured) : 0)
  if (!(durationSeconds > 0)) throw new Error('ffmpeg could not tell the recording’s length')
  return { loudness, durationSeconds }
}
