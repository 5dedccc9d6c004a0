import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { writeExamplePack } from '../../../main/services/packs/examplePack'
import { buildPackArchive } from '../../../main/services/packs/packBuilder'
import { useTempDirs } from '../support/tempDataDir'

vi.mock('electron')

function ffmpegLoudness(file: string) {
  const run = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostats',
      '-i',
      file,
      '-filter_complex',
      'ebur128=peak=true',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  )
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'))
  return {
    integratedLufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeakDbtp: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  }
}

describe('pack build measures loudness', () => {
  const makeDir = useTempDirs()

  it('writes each audio file’s integrated loudness and true peak as ffmpeg measures them', async () => {
    const root = await makeDir()
    const folder = path.join(root, 'pack')
    await writeExamplePack(folder)
    await mkdir(path.join(folder, 'audio'))
    const levels = { quiet: '0.05', loud: '0.9' }
    for (const [name, volume] of Object.entries(levels)) {
      execFileSync('sox', [
        '-n',
        '-r',
        '48000',
        '-c',
        '2',
        path.join(folder, 'audio', `${name}.wav`),
        'synth',
        '3',
        'pluck',
        '220',
        'vol',
        volume,
      ])
    }
    const built = await buildPackArchive(folder, path.join(root, 'out.songpack'), {
      appVersion: '0.1.0',
    })
    expect(built.warnings).toEqual([])
    for (const name of Object.keys(levels)) {
      const file = `audio/${name}.wav`
      const written = built.manifest.files[file]!.loudness!
      const measured = ffmpegLoudness(path.join(folder, file))
      expect(written.integratedLufs).toBeCloseTo(measured.integratedLufs, 1)
      expect(written.truePeakDbtp).toBeCloseTo(measured.truePeakDbtp, 1)
    }
    const quiet = built.manifest.files['audio/quiet.wav']!.loudness!.integratedLufs
    const loud = built.manifest.files['audio/loud.wav']!.loudness!.integratedLufs
    expect(loud - quiet).toBeGreaterThan(20)
    expect(built.manifest.files['images/tea-bowl.png']).not.toHaveProperty('loudness')
  }, 60_000)
})
