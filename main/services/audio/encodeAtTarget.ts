import { loudnessTarget, type MeasuredLoudness } from '../../../src/audio/loudnessTarget'
import { runFfmpeg } from './ffmpegTool'
import { measureLoudness, parseEbur128Summary } from './measureLoudness'

const opusBitrate = '64k'
/** Opus shifts loudness by a few tenths: a second pass corrects anything further off than this. */
const correctionThresholdLu = 0.2
/** Peaks are held this far under the ceiling, for what Opus decoding adds. */
const peakMarginDb = 0.5

/** A recording encoded at the kiosk's target and what it measures afterwards. */
export interface EncodedAtTarget {
  readonly gainDb: number
  /** Of the one file, or of the stems played together. */
  readonly loudness: MeasuredLoudness
}

/**
 * Encodes recordings (WAV, FLAC, MP3: anything ffmpeg reads) to Ogg Opus at the kiosk's loudness target (docs/loudness.md) with ONE gain for
 * all of them, so the stems of a piece keep their balance: the gain is chosen from the loudness of
 * everything played together, measured with ffmpeg's EBU R128 meter, then checked on the encoded
 * files and corrected once. A true-peak limiter is added only where the gain alone would take a
 * peak over the ceiling (never needed at −23 LUFS by the demo scores, which all come down).
 */
export async function encodeAtTarget(
  wavPaths: readonly string[],
  opusPaths: readonly string[],
  options: {
    /**
     * `hold-peak`: keep the level as recorded, lowering it only to hold the true-peak ceiling (a
     * venue's single stem, whose piece is levelled as a whole at playback).
     */
    readonly level?: 'to-target' | 'hold-peak'
  } = {},
): Promise<EncodedAtTarget> {
  const before = await measureTogether(wavPaths)
  if (options.level === 'hold-peak') {
    const gainDb = Math.min(
      0,
      loudnessTarget.truePeakCeilingDbtp - peakMarginDb - before.truePeakDbtp,
    )
    await encodeAll(wavPaths, opusPaths, gainDb, false)
    return { gainDb, loudness: await measureTogether(opusPaths) }
  }
  let gainDb = loudnessTarget.integratedLufs - before.integratedLufs
  const needsLimiter =
    before.truePeakDbtp + gainDb > loudnessTarget.truePeakCeilingDbtp - peakMarginDb
  if (needsLimiter && wavPaths.length > 1) {
    throw new Error('the stems would need a limiter to reach the target; lower their peaks instead')
  }
  await encodeAll(wavPaths, opusPaths, gainDb, needsLimiter)
  let after = await measureTogether(opusPaths)
  const errorLu = loudnessTarget.integratedLufs - after.integratedLufs
  if (Math.abs(errorLu) > correctionThresholdLu) {
    gainDb += errorLu
    await encodeAll(wavPaths, opusPaths, gainDb, needsLimiter)
    after = await measureTogether(opusPaths)
  }
  return { gainDb, loudness: after }
}

async function encodeAll(
  wavPaths: readonly string[],
  opusPaths: readonly string[],
  gainDb: number,
  withLimiter: boolean,
): Promise<void> {
  const ceilingLinear = 10 ** ((loudnessTarget.truePeakCeilingDbtp - 2 * peakMarginDb) / 20)
  const filters = [`volume=${gainDb.toFixed(2)}dB`]
  if (withLimiter) filters.push(`alimiter=limit=${ceilingLinear.toFixed(4)}:level=false`)
  for (const [index, wavPath] of wavPaths.entries()) {
    await runFfmpeg([
      '-y',
      '-loglevel',
      'error',
      '-i',
      wavPath,
      '-af',
      filters.join(','),
      '-c:a',
      'libopus',
      '-b:a',
      opusBitrate,
      '-vbr',
      'on',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      opusPaths[index]!,
    ])
  }
}

/** The loudness of one file, or of several files mixed sample for sample (no normalising). */
async function measureTogether(paths: readonly string[]): Promise<MeasuredLoudness> {
  if (paths.length === 1) return measureLoudness(paths[0]!)
  const inputs = paths.flatMap((path) => ['-i', path])
  const { stderr } = await runFfmpeg([
    '-nostats',
    ...inputs,
    '-filter_complex',
    `amix=inputs=${paths.length}:normalize=0:duration=longest,ebur128=peak=true`,
    '-f',
    'null',
    '-',
  ])
  return parseEbur128Summary(stderr)
}
