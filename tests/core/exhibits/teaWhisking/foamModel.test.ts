import { describe, expect, it } from 'vitest'
import { FoamModel } from '../../../../src/exhibits/teaWhisking/foamModel'
import {
  judgeTea,
  rimHold,
  waterLineSecondsFor,
} from '../../../../src/exhibits/teaWhisking/teaVerdict'
import {
  verdictCardStation,
  verdictLines,
} from '../../../../src/exhibits/teaWhisking/teaVerdictText'
import { heavyPourRatio } from '../../../../src/exhibits/teaWhisking/pourPrescription'
import { allAtOnceBowl, pourRing, prescribedBowl, stillSurfaceBowl, whiskFor } from './teaScripts'

describe('the foam model judged as a Song tea contest', () => {
  it('rewards the seven prescribed pours with bright white, fine, bowl-biting foam that wins', () => {
    const verdict = judgeTea(prescribedBowl())
    expect(verdict.whiteness).toBe('bright-white')
    expect(verdict.fineness).toBe('fine')
    expect(verdict.isBitingBowl).toBe(true)
    expect(verdict.outcome).toBe('wins')
    expect(verdict.faults).toEqual([])
  })

  it('judges 静面点 (heavy hand, light whisk) worse: no foam stands, the water line comes first', () => {
    const good = judgeTea(prescribedBowl())
    const stillModel = stillSurfaceBowl()
    const still = judgeTea(stillModel)
    expect(stillModel.state.foamHeight).toBeLessThan(0.2)
    expect(still.score).toBeLessThan(good.score - 30)
    expect(still.waterLineSeconds).toBeLessThan(good.waterLineSeconds)
    expect(still.outcome).toBe('loses')
    expect(still.faults[0]).toBe('still-surface')
  })

  it('judges 一发点 (pour and whisk at once) worse: foam without body, an early water line', () => {
    const goodModel = prescribedBowl()
    const good = judgeTea(goodModel)
    const hastyModel = allAtOnceBowl()
    const hasty = judgeTea(hastyModel)
    // Foam does appear …
    expect(hastyModel.state.foamHeight).toBeGreaterThan(0.5)
    // … but it has no root and coarse bubbles, and breaks early.
    expect(hastyModel.state.root).toBeLessThan(0.2)
    expect(hastyModel.state.bubbleSizeMm).toBeGreaterThan(goodModel.state.bubbleSizeMm * 2)
    expect(hasty.waterLineSeconds).toBeLessThan(good.waterLineSeconds / 2)
    expect(hasty.score).toBeLessThan(good.score - 20)
    expect(hasty.faults[0]).toBe('pour-and-whisk-at-once')
  })

  it('lowers the result in a cold bowl, and in one left to cool', () => {
    const warm = judgeTea(prescribedBowl())
    const cold = judgeTea(prescribedBowl({ isBowlWarmed: false }))
    const cooled = judgeTea(prescribedBowl({ waitAfterWarmingSeconds: 600 }))
    expect(cold.score).toBeLessThan(warm.score)
    expect(cold.waterLineSeconds).toBeLessThan(warm.waterLineSeconds)
    expect(cold.faults).toContain('cold-bowl')
    expect(cooled.score).toBeLessThan(warm.score)
    expect(cooled.score).toBeGreaterThan(cold.score)
  })

  it('times the water line by foam quality: a better-rooted, finer foam holds longer', () => {
    const models = [0.3, 0.5, 0.7, 1].map((whiskScale) =>
      prescribedBowl({ whiskScale, whiskSeconds: 3 }),
    )
    const stabilities = models.map((m) => m.state.stability)
    const waterLines = models.map((m) => judgeTea(m).waterLineSeconds)
    for (let i = 1; i < models.length; i++) {
      expect(stabilities[i]).toBeGreaterThan(stabilities[i - 1]!)
      expect(waterLines[i]).toBeGreaterThan(waterLines[i - 1]!)
    }
    expect(waterLineSecondsFor(0)).toBeLessThan(waterLineSecondsFor(0.5))
    expect(waterLineSecondsFor(0.5)).toBeLessThan(waterLineSecondsFor(1))
  })

  it('flags a first pour that strikes the paste instead of ringing the edge', () => {
    const model = new FoamModel()
    model.warmBowl()
    model.addPowder()
    model.addPasteWater()
    whiskFor(model, 3, 4, 1)
    pourRing(model, 1, 0.06, 0.1)
    whiskFor(model, 5, 7)
    const ringed = prescribedBowl()
    expect(model.state.root).toBeLessThan(ringed.state.root)
    expect(judgeTea(model).faults).toContain('first-pour-on-tea')
  })

  it('makes the foam rise, whiten and refine pour by pour', () => {
    const model = new FoamModel()
    model.warmBowl()
    model.addPowder()
    model.addPasteWater()
    whiskFor(model, 3, 4, 1)
    const heights: number[] = []
    const whiteness: number[] = []
    const bubbles: number[] = []
    for (const [index, volume] of [0.06, 0.06, 0.08, 0.04, 0.06].entries()) {
      pourRing(model, index + 1, volume, index === 0 ? 0.95 : 0.5)
      whiskFor(model, 5, 7 * [1, 0.9, 0.7, 0.5, 0.45][index]!)
      heights.push(model.state.foamHeight)
      whiteness.push(model.state.whiteness)
      bubbles.push(model.state.bubbleSizeMm)
    }
    expect(heights.at(-1)!).toBeGreaterThan(heights[0]! * 2)
    expect(whiteness.at(-1)!).toBeGreaterThan(whiteness[0]!)
    expect(bubbles.at(-1)!).toBeLessThan(bubbles[0]!)
  })

  it('refuses pours out of order and water without an open pour, naming what is wrong', () => {
    const model = new FoamModel()
    model.addPowder()
    expect(() => model.startPour(2)).toThrow(/next pour is 1/)
    expect(() => model.pourWater(0.1, 0.5, 0)).toThrow(/no pour is running/)
    expect(() => model.startPour(8)).toThrow(/pours are 1–7/)
  })

  it('writes every verdict line in both languages', () => {
    for (const model of [prescribedBowl(), stillSurfaceBowl(), allAtOnceBowl()]) {
      const lines = verdictLines(judgeTea(model))
      expect(lines.length).toBeGreaterThanOrEqual(4)
      for (const line of lines) {
        expect(line['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
        expect(line.en).toMatch(/[a-z]/)
        // A Song contest asked whose water line showed first, never how many seconds it took:
        // the model's seconds rank the bowls, and the words say early or late.
        expect(line['zh-CN']).not.toMatch(/\d+\s*秒/)
        expect(line.en).not.toMatch(/\d+\s*s\b/)
      }
    }
  })

  it('offers the card of the station that explains the first fault, or the contest card', () => {
    expect(verdictCardStation(judgeTea(prescribedBowl({ isBowlWarmed: false })))).toBe('warm-bowl')
    expect(verdictCardStation(judgeTea(allAtOnceBowl()))).toBe('pour-1')
    expect(verdictCardStation(judgeTea(stillSurfaceBowl()))).toBe('pour-2')
    expect(verdictCardStation(judgeTea(prescribedBowl()))).toBe('pour-7')
  })

  it('follows the stream round the rim between samples, but not across the middle', () => {
    const ring = new FoamModel()
    ring.addPowder()
    ring.startPour(1)
    // Four quarter turns round the edge, sampled only at their ends (a slow frame rate).
    for (let i = 0; i <= 4; i++) ring.pourWater(0.01, 0.95, (i * Math.PI) / 2)
    expect(ring.endPour().ringCoverage).toBe(1)

    const zigzag = new FoamModel()
    zigzag.addPowder()
    zigzag.startPour(1)
    // From side to side through the middle: only the two ends are on the rim.
    for (let i = 0; i <= 4; i++) zigzag.pourWater(0.01, 0.95, (i % 2) * Math.PI)
    expect(zigzag.endPour().ringCoverage).toBeCloseTo(2 / 12)
  })

  it("never names the cake's colour grades (青白/灰白/黄白) as a verdict on the whisking", () => {
    const bowls = [
      prescribedBowl(),
      prescribedBowl({ isBowlWarmed: false }),
      prescribedBowl({ whiskScale: 0.3, whiskSeconds: 3 }),
      stillSurfaceBowl(),
      allAtOnceBowl(),
    ]
    for (const model of bowls) {
      const verdict = judgeTea(model)
      expect(verdict).not.toHaveProperty('colour')
      for (const line of verdictLines(verdict)) {
        expect(line['zh-CN']).not.toMatch(/青白|灰白|黄白|纯白/)
        expect(line.en).not.toMatch(/bluish|greyish|yellowish|pure white/i)
      }
    }
  })

  it('grades the foam by whiteness, fineness, 咬盏 and the water line: a worse foam is worse on each', () => {
    const good = judgeTea(prescribedBowl())
    const weak = judgeTea(prescribedBowl({ whiskScale: 0.3, whiskSeconds: 3 }))
    expect(weak.whiteness).not.toBe('bright-white')
    expect(weak.fineness).toBe('coarse')
    expect(weak.isBitingBowl).toBe(false)
    expect(weak.waterLineSeconds).toBeLessThan(good.waterLineSeconds)
    expect(weak.score).toBeLessThan(good.score)
  })

  it('counts 咬盏 only for foam set all round the rim: a high, fine foam with a gap does not bite', () => {
    const full = prescribedBowl().state
    expect(rimHold(full)).toBeGreaterThanOrEqual(0.55)
    const gapped = { ...full, coverage: 0.8 }
    expect(rimHold(gapped)).toBeLessThan(rimHold(full))
    const model = prescribedBowl()
    const verdict = judgeTea(model)
    expect(verdict.isBitingBowl).toBe(true)
    expect(verdictLines(verdict).map((line) => line['zh-CN'])).toContain(
      '乳沫周回凝而不动，是为“咬盏”。',
    )
  })

  it('does not call a bowl flooded whose every pour stopped short of the gauge’s “too much”', () => {
    const model = prescribedBowl({ pourScale: heavyPourRatio * 0.99 })
    expect(model.state.waterFraction).toBeGreaterThan(0.55)
    expect(judgeTea(model).faults).not.toContain('too-much-water')
  })

  it('teaches 量茶受汤 (the water fitted to the tea) when the bowl was flooded', () => {
    const model = prescribedBowl()
    model.startPour(7)
    model.pourWater(0.3, 0.5, 0)
    model.endPour()
    const verdict = judgeTea(model)
    expect(verdict.faults).toContain('too-much-water')
    const flooded = { ...verdict, faults: ['too-much-water' as const] }
    expect(verdictLines(flooded).at(-1)!['zh-CN']).toMatch(/^量茶受汤/)
  })
})
