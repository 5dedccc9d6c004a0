import { describe, expect, it } from 'vitest'
import { parseEbur128Summary } from '../../../main/services/audio/measureLoudness'

const ffmpegSummary = `[Parsed_ebur128_0 @ 0x55] t: 37.2  TARGET:-23 LUFS    M: -40.1 S: -30.2     I: -13.5 LUFS
[Parsed_ebur128_0 @ 0x55b2ad86bec0] Summary:

  Integrated loudness:
    I:         -13.4 LUFS
    Threshold: -23.8 LUFS

  Loudness range:
    LRA:         3.1 LU

  True peak:
    Peak:        0.6 dBFS
`

describe("ffmpeg's EBU R128 summary", () => {
  it('gives the integrated loudness and true peak of the summary, not of a running line', () => {
    expect(parseEbur128Summary(ffmpegSummary)).toEqual({ integratedLufs: -13.4, truePeakDbtp: 0.6 })
  })

  it('refuses silence and output that is not a summary, saying why', () => {
    const silent = ffmpegSummary.replace('-13.4 LUFS', '-70.0 LUFS')
    expect(() => parseEbur128Summary(silent)).toThrow(/silent/)
    expect(() => parseEbur128Summary('Invalid data found when processing input')).toThrow(
      /no EBU R128 summary/,
    )
  })
})
