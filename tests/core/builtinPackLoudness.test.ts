import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loudnessTarget } from '../../src/audio/loudnessTarget'
import { manifestSchema } from '../../src/pack/manifestSchema'

const packDir = fileURLToPath(new URL('../../assets/packs/songyun.core/', import.meta.url))
const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8')),
)
const folkMusic = manifest.exhibits.find((exhibit) => exhibit.kind === 'folk-music')!

/** ffmpeg's EBU R128 meter on files mixed sample for sample (one file: just that file). */
function measure(files: readonly string[]): { integratedLufs: number; truePeakDbtp: number } {
  const inputs = files.flatMap((file) => ['-i', join(packDir, file)])
  const chain =
    files.length === 1
      ? 'ebur128=peak=true'
      : `amix=inputs=${files.length}:normalize=0:duration=longest,ebur128=peak=true`
  const run = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostats', ...inputs, '-filter_complex', chain, '-f', 'null', '-'],
    { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  )
  if (run.error) throw run.error
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'))
  return {
    integratedLufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeakDbtp: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  }
}

const recordings = [
  ...new Set(
    folkMusic.kind === 'folk-music'
      ? folkMusic.instruments.flatMap((instrument) => instrument.tracks.map((t) => t.audio))
      : [],
  ),
].map((audio) => ({ name: audio, files: [audio] }))
const pieces =
  folkMusic.kind === 'folk-music'
    ? folkMusic.pieces.map((piece) => ({
        name: `${piece.id} (stems together)`,
        files: piece.stems.map((stem) => stem.audio),
      }))
    : []

describe('every built-in recording at the kiosk loudness (measured by ffmpeg, docs/loudness.md)', () => {
  it('has recordings and at least one ensemble piece of four or more stems', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(9)
    expect(pieces.some((piece) => piece.files.length >= 4)).toBe(true)
  })

  it.each([...recordings, ...pieces])(
    '$name is within ±1 LU of −23 LUFS with true peak ≤ −1 dBTP',
    ({ files }) => {
      const measured = measure(files)
      expect(Math.abs(measured.integratedLufs - loudnessTarget.integratedLufs)).toBeLessThanOrEqual(
        loudnessTarget.toleranceLu,
      )
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(loudnessTarget.truePeakCeilingDbtp)
    },
    30_000,
  )
})
