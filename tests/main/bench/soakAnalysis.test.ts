import { describe, expect, it } from 'vitest'
import { percentile, summariseFrameTimes } from '../../../bench/support/pageProbes'
import { renderSoakSvg } from '../../../bench/soak/soakPlot'
import { fitLinearTrend, judgeGrowth, type TrendPoint } from '../../../bench/soak/soakTrend'
import { seededRandom } from '../../../src/random/seededRandom'

const series = (values: readonly number[]): TrendPoint[] =>
  values.map((value, minute) => ({ minute, value }))
const heapTolerance = { absolute: 8, relative: 0.15 }

describe('soak trend', () => {
  it('fits the line through steady points, whatever one outlier does', () => {
    const trend = fitLinearTrend(series([10, 12, 14, 16]))
    expect(trend.slopePerMinute).toBeCloseTo(2)
    expect(trend.intercept).toBeCloseTo(10)
    expect(fitLinearTrend(series([10, 12, 14, 40, 18])).slopePerMinute).toBeCloseTo(2)
    expect(fitLinearTrend(series([5])).slopePerMinute).toBe(0)
  })

  it('calls a steady climb a leak', () => {
    const leak = judgeGrowth(
      'jsHeapUsedMb',
      series([40, 43, 46, 49, 52, 55, 58, 61, 64, 67]),
      heapTolerance,
    )
    expect(leak.isGrowing).toBe(true)
    expect(leak.fittedGrowth).toBeCloseTo(27)
  })

  it('lets noise and a sawtooth of garbage collection pass', () => {
    const noisy = judgeGrowth(
      'jsHeapUsedMb',
      series([40, 52, 41, 50, 39, 51, 42, 49, 40, 50]),
      heapTolerance,
    )
    expect(noisy.isGrowing).toBe(false)
    // One late outlier moves the fitted line far less than a first-versus-last comparison would.
    const spike = judgeGrowth(
      'jsHeapUsedMb',
      series([40, 40, 41, 40, 39, 40, 41, 40, 40, 58]),
      heapTolerance,
    )
    expect(spike.fittedGrowth).toBeLessThan(58 - 40)
    expect(spike.isGrowing).toBe(false)
  })

  it('holds WebGL counts to a few objects, and judges nothing from fewer than three samples', () => {
    expect(
      judgeGrowth('webglTextures', series([3, 3, 4, 5, 6, 7]), { absolute: 2, relative: 0 })
        .isGrowing,
    ).toBe(true)
    expect(
      judgeGrowth('webglTextures', series([3, 3, 3, 4, 3, 3]), { absolute: 2, relative: 0 })
        .isGrowing,
    ).toBe(false)
    expect(
      judgeGrowth('webglTextures', series([3, 30]), { absolute: 2, relative: 0 }).isGrowing,
    ).toBe(false)
  })
})

describe('frame-time percentiles', () => {
  it('uses nearest rank over the sorted intervals', () => {
    const intervals = [16, 17, 16, 50, 16, 17, 16, 16, 33, 16]
    expect(percentile(intervals, 0.5)).toBe(16)
    expect(percentile(intervals, 0.95)).toBe(50)
    expect(summariseFrameTimes(intervals)).toMatchObject({ frameCount: 10, p50Ms: 16, maxMs: 50 })
    expect(Number.isNaN(percentile([], 0.5))).toBe(true)
  })
})

describe('soak plot', () => {
  it('draws one panel per series with a line through every finite sample', () => {
    const svg = renderSoakSvg(
      'Soak <test>',
      [0, 1, 2],
      [
        { title: 'JS heap used', unit: 'MB', values: [40, 41, 42] },
        { title: 'Frame time', unit: 'ms', values: [16, Number.NaN, 17] },
      ],
    )
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('Soak &lt;test&gt;')
    expect(svg.match(/<polyline /g)).toHaveLength(2)
    expect(svg.match(/<circle /g)).toHaveLength(5)
    expect(svg).toContain('JS heap used (MB)')
  })
})

describe('seeded visitor randomness', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(7)
    const b = seededRandom(7)
    const c = seededRandom(8)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect([c(), c(), c()]).not.toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})
