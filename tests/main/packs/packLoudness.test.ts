import { describe, expect, it } from 'vitest'
import { FfmpegMissingError } from '../../../main/services/audio/ffmpegTool'
import { addLoudnessToFiles, loudnessWarnings } from '../../../main/services/packs/packLoudness'

const hashA = 'a'.repeat(64)
const hashB = 'b'.repeat(64)

describe('loudness in pack build', () => {
  it('measures audio files, keeps an unchanged file’s earlier measurement, skips images', async () => {
    const files = {
      'audio/new.opus': { sha256: hashA, size: 10 },
      'audio/same.opus': { sha256: hashB, size: 10 },
      'images/a.svg': { sha256: hashA, size: 10 },
    }
    const previous = {
      'audio/same.opus': {
        sha256: hashB,
        size: 10,
        loudness: { integratedLufs: -23, truePeakDbtp: -9 },
      },
    }
    const measured: string[] = []
    const warnings = await addLoudnessToFiles(
      files,
      previous,
      (p) => `/pack/${p}`,
      async (file) => {
        measured.push(file)
        return { integratedLufs: -16.04, truePeakDbtp: -1.26 }
      },
    )
    expect(warnings).toEqual([])
    expect(measured).toEqual(['/pack/audio/new.opus'])
    expect(files['audio/new.opus']).toMatchObject({
      loudness: { integratedLufs: -16, truePeakDbtp: -1.3 },
    })
    expect(files['audio/same.opus']).toMatchObject({
      loudness: { integratedLufs: -23, truePeakDbtp: -9 },
    })
    expect(files['images/a.svg']).not.toHaveProperty('loudness')
  })

  it('builds without ffmpeg, with one warning naming it', async () => {
    const files = {
      'audio/a.opus': { sha256: hashA, size: 1 },
      'audio/b.opus': { sha256: hashB, size: 1 },
    }
    const warnings = await addLoudnessToFiles(
      files,
      {},
      (p) => p,
      async () => {
        throw new FfmpegMissingError('ffmpeg')
      },
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/"ffmpeg" was not found.*apt-get install ffmpeg/)
    expect(files['audio/a.opus']).not.toHaveProperty('loudness')
  })
})

describe('loudness warnings in pack validate', () => {
  it('names audio files without loudness and quiet tracks, but not a piece’s stems', () => {
    const warnings = loudnessWarnings({
      files: {
        'audio/unmeasured.opus': { sha256: hashA, size: 1 },
        'audio/quiet.opus': {
          sha256: hashA,
          size: 1,
          loudness: { integratedLufs: -30, truePeakDbtp: -9 },
        },
        'audio/fine.opus': {
          sha256: hashA,
          size: 1,
          loudness: { integratedLufs: -23.4, truePeakDbtp: -9 },
        },
        'audio/stem.opus': {
          sha256: hashA,
          size: 1,
          loudness: { integratedLufs: -40, truePeakDbtp: -20 },
        },
      },
      exhibits: [
        {
          kind: 'folk-music',
          pieces: [{ stems: [{ instrumentId: 'x', audio: 'audio/stem.opus' }] }],
        },
      ] as never,
    })
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/^audio\/unmeasured\.opus: no loudness.*pack build/)
    expect(warnings[1]).toMatch(/^audio\/quiet\.opus: -30 LUFS is quieter than .*-23 LUFS/)
  })
})
