import { describe, expect, it } from 'vitest'
import {
  bitmapFromRows,
  createBitmap,
  mirrorHorizontally,
  valueAt,
  type Bitmap,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { CoverageField } from '../../../../src/exhibits/woodblockPrinting/coverageField'
import {
  computePrint,
  judgePrint,
  transferFromRub,
} from '../../../../src/exhibits/woodblockPrinting/printImpression'
import {
  estimateRubPressure,
  unmeasuredRubPressure,
} from '../../../../src/exhibits/woodblockPrinting/rubPressure'

/** An "F": no left–right symmetry, so a print that is not mirrored back would show. */
const sampleF = bitmapFromRows([
  '........',
  '.#####..',
  '.#......',
  '.####...',
  '.#......',
  '.#......',
  '........',
])

function filled(like: Bitmap, value: number): Bitmap {
  const bitmap = createBitmap(like.width, like.height)
  bitmap.data.fill(value)
  return bitmap
}

function rows(bitmap: Bitmap, threshold = 0.5): string[] {
  const out: string[] = []
  for (let y = 0; y < bitmap.height; y++) {
    let row = ''
    for (let x = 0; x < bitmap.width; x++) row += valueAt(bitmap, x, y) >= threshold ? '#' : '.'
    out.push(row)
  }
  return out
}

describe('mirror reversal', () => {
  it('carves the block as the mirror of the sample, and the print reads like the sample again', () => {
    const block = mirrorHorizontally(sampleF)
    expect(rows(block)).toEqual([
      '........',
      '..#####.',
      '......#.',
      '...####.',
      '......#.',
      '......#.',
      '........',
    ])
    expect(rows(block)).not.toEqual(rows(sampleF))

    const { sheet } = computePrint({ relief: block, ink: filled(block, 1), rub: filled(block, 3) })
    expect(rows(sheet)).toEqual(rows(sampleF))
  })
})

describe('ink coverage from strokes', () => {
  it('inks only where the brush passed, more at its centre than its rim', () => {
    const field = new CoverageField(40, 40, 2)
    const dirty = field.stroke({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }, 0.1, 0.5)
    expect(dirty).toBeDefined()
    expect(dirty!.y0).toBeGreaterThan(10)
    expect(dirty!.y1).toBeLessThan(30)
    expect(valueAt(field.bitmap, 20, 20)).toBeGreaterThan(0.45)
    expect(valueAt(field.bitmap, 20, 23)).toBeLessThan(valueAt(field.bitmap, 20, 20))
    expect(valueAt(field.bitmap, 20, 2)).toBe(0)
    expect(valueAt(field.bitmap, 20, 38)).toBe(0)
  })

  it('builds up over repeated passes up to the field maximum', () => {
    const field = new CoverageField(20, 20, 2)
    const pass = () => field.stroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, 0.2, 0.5)
    pass()
    const once = valueAt(field.bitmap, 10, 10)
    pass()
    expect(valueAt(field.bitmap, 10, 10)).toBeCloseTo(once * 2, 5)
    for (let i = 0; i < 10; i++) pass()
    expect(valueAt(field.bitmap, 10, 10)).toBe(2)
    pass()
    expect(valueAt(field.bitmap, 10, 10)).toBe(2)
  })

  it('reports the share of a mask that is covered', () => {
    const mask = bitmapFromRows(['##..', '##..', '....', '....'])
    const field = new CoverageField(4, 4, 2)
    field.bitmap.data[0] = 1
    field.bitmap.data[1] = 1
    expect(field.coveredFraction(mask, 0.5)).toBe(0.5)
  })

  it('ignores a stroke entirely off the field', () => {
    const field = new CoverageField(10, 10, 2)
    expect(field.stroke({ x: 2, y: 2 }, { x: 3, y: 3 }, 0.05, 1)).toBeUndefined()
  })
})

describe('print from coverage and pressure', () => {
  const relief = bitmapFromRows([
    '..........',
    '.########.',
    '.########.',
    '.########.',
    '.########.',
    '..........',
  ])

  it('prints dark and crisp from an evenly inked, well rubbed block', () => {
    const { quality } = computePrint({ relief, ink: filled(relief, 1), rub: filled(relief, 2) })
    expect(quality.clarity).toBeGreaterThan(0.9)
    expect(quality.unevenness).toBeLessThan(0.05)
    expect(quality.verdict).toBe('crisp')
  })

  it('prints two overlapping brush passes evenly, without bands along the brush’s path', () => {
    // Between and under the passes of a zig-zag sweep the ink runs 0.85–1.15: all of it a
    // well-inked film, which must print as one even black, not in stripes.
    const ink = createBitmap(relief.width, relief.height)
    for (let y = 0; y < relief.height; y++)
      for (let x = 0; x < relief.width; x++) ink.data[y * relief.width + x] = y % 2 ? 0.85 : 1.15
    const { sheet, quality } = computePrint({ relief, ink, rub: filled(relief, 2) })
    expect(valueAt(sheet, 4, 1)).toBeCloseTo(valueAt(sheet, 4, 2), 6)
    expect(quality.unevenness).toBeLessThan(0.01)
    // Too little ink still prints pale.
    const thin = computePrint({ relief, ink: filled(relief, 0.3), rub: filled(relief, 2) })
    expect(valueAt(thin.sheet, 4, 2)).toBeLessThan(0.5 * valueAt(sheet, 4, 2))
  })

  it('prints faint where the paper was not rubbed, and light pressure transfers less', () => {
    expect(transferFromRub(0)).toBe(0)
    expect(transferFromRub(0.2)).toBeLessThan(transferFromRub(1))
    const unrubbed = computePrint({ relief, ink: filled(relief, 1), rub: filled(relief, 0) })
    expect(unrubbed.quality.clarity).toBe(0)
    expect(unrubbed.quality.verdict).toBe('faint')
    const light = computePrint({ relief, ink: filled(relief, 1), rub: filled(relief, 0.1) })
    expect(light.quality.verdict).toBe('faint')
  })

  it('prints blotchy when only half the relief was inked', () => {
    const ink = createBitmap(relief.width, relief.height)
    for (let y = 0; y < relief.height; y++)
      for (let x = 0; x < 5; x++) ink.data[y * relief.width + x] = 1
    const { sheet, quality } = computePrint({ relief, ink, rub: filled(relief, 2) })
    expect(quality.inkCoverage).toBeCloseTo(0.5, 5)
    expect(quality.verdict).toBe('blotchy')
    // The inked half is the left of the block, so it is the right of the sheet as read.
    expect(valueAt(sheet, 7, 2)).toBeGreaterThan(0.9)
    expect(valueAt(sheet, 2, 2)).toBe(0)
  })

  it('smudges the blank wood beside the strokes when the block is over-inked', () => {
    const { sheet, quality } = computePrint({
      relief,
      ink: filled(relief, 2),
      rub: filled(relief, 2),
    })
    expect(quality.smudge).toBeGreaterThan(0.03)
    expect(quality.verdict).toBe('smudged')
    expect(valueAt(sheet, 0, 2)).toBeGreaterThan(0.25)
    const clean = computePrint({ relief, ink: filled(relief, 1), rub: filled(relief, 2) })
    expect(valueAt(clean.sheet, 0, 2)).toBe(0)
  })

  it('never prints ink that lies on the carved-away ground, however much of it there is', () => {
    // A brush pass over the ground leaves a band of ink down in the cut; the paper never reaches it.
    const ink = filled(relief, 1)
    for (let x = 0; x < relief.width; x++) ink.data[5 * relief.width + x] = 2
    for (let x = 0; x < relief.width; x++) ink.data[0 * relief.width + x] = 2
    const { sheet, quality } = computePrint({ relief, ink, rub: filled(relief, 2) })
    for (let x = 0; x < relief.width; x++) expect(valueAt(sheet, x, 0)).toBe(0)
    expect(quality.smudge).toBe(0)
    expect(quality.overInked).toBe(0)
    expect(quality.verdict).toBe('crisp')
  })

  it('rejects bitmaps of different sizes, naming the one at fault', () => {
    expect(() => computePrint({ relief, ink: createBitmap(3, 3), rub: filled(relief, 1) })).toThrow(
      /ink bitmap is 3×3/,
    )
  })

  it('judges smudges before faintness before unevenness', () => {
    const base = {
      inkCoverage: 1,
      rubCoverage: 1,
      clarity: 0.9,
      unevenness: 0.1,
      smudge: 0,
      overInked: 0,
    }
    expect(judgePrint(base)).toBe('crisp')
    expect(judgePrint({ ...base, unevenness: 0.5 })).toBe('blotchy')
    expect(judgePrint({ ...base, clarity: 0.2, unevenness: 0.5 })).toBe('faint')
    expect(judgePrint({ ...base, clarity: 0.2, smudge: 0.2 })).toBe('smudged')
  })
})

describe('rub pressure', () => {
  it('uses measured pointer pressure where the screen gives it', () => {
    expect(estimateRubPressure({ pointerPressure: 0.9 })).toBe(0.9)
    expect(estimateRubPressure({ pointerPressure: 0.05 })).toBe(0.2)
  })

  it('counts every pass as firm when pressure is not measured, however fast the finger moved', () => {
    // The print must not depend on how often a busy machine delivers pointer events.
    expect(estimateRubPressure({ pointerPressure: 0.5 })).toBe(unmeasuredRubPressure)
    expect(estimateRubPressure({ pointerPressure: 0 })).toBe(unmeasuredRubPressure)
    expect(unmeasuredRubPressure).toBeGreaterThan(0.5)
  })
})

describe('a drag made of several segments', () => {
  it('inks the joint between segments no more than the middle of a segment', () => {
    const field = new CoverageField(60, 20, 2)
    field.stroke({ x: 0.1, y: 0.5 }, { x: 0.5, y: 0.5 }, 0.05, 0.5)
    field.stroke({ x: 0.5, y: 0.5 }, { x: 0.9, y: 0.5 }, 0.05, 0.5, {
      from: { x: 0.1, y: 0.5 },
      to: { x: 0.5, y: 0.5 },
    })
    const joint = valueAt(field.bitmap, 30, 10)
    const middle = valueAt(field.bitmap, 18, 10)
    expect(joint).toBeCloseTo(middle, 5)

    const doubled = new CoverageField(60, 20, 2)
    doubled.stroke({ x: 0.1, y: 0.5 }, { x: 0.5, y: 0.5 }, 0.05, 0.5)
    doubled.stroke({ x: 0.5, y: 0.5 }, { x: 0.9, y: 0.5 }, 0.05, 0.5)
    expect(valueAt(doubled.bitmap, 30, 10)).toBeGreaterThan(joint * 1.5)
  })

  it('leaves the same deposit for one long segment and many short ones along the same line', () => {
    const quick = new CoverageField(60, 20, 2)
    quick.stroke({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }, 0.05, 0.5)
    const slow = new CoverageField(60, 20, 2)
    let previous: { from: { x: number; y: number }; to: { x: number; y: number } } | undefined
    for (let i = 0; i < 16; i++) {
      const segment = { from: { x: 0.1 + i * 0.05, y: 0.5 }, to: { x: 0.15 + i * 0.05, y: 0.5 } }
      slow.stroke(segment.from, segment.to, 0.05, 0.5, previous)
      previous = segment
    }
    for (let i = 0; i < quick.bitmap.data.length; i++) {
      expect(slow.bitmap.data[i]).toBeCloseTo(quick.bitmap.data[i]!, 4)
    }
  })
})
