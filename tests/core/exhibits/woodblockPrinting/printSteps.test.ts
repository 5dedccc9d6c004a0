import { describe, expect, it } from 'vitest'
import { bitmapFromRows } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { CarvingField } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import {
  describePrintSteps,
  headlineFor,
} from '../../../../src/exhibits/woodblockPrinting/printSteps'

/** A block with one vertical stroke down its middle. */
const writing = bitmapFromRows([
  '..........',
  '....##....',
  '....##....',
  '....##....',
  '....##....',
  '..........',
])

const goodPrint = {
  inkCoverage: 1,
  rubCoverage: 1,
  clarity: 0.95,
  unevenness: 0.05,
  smudge: 0,
  overInked: 0,
}

function clearedBlock(): CarvingField {
  const carving = new CarvingField(writing)
  carving.clearGroundRows(0, writing.height)
  return carving
}

describe('what each step gave the print', () => {
  it('names the visitor’s hand and a clean carving, inking and rubbing when all went well', () => {
    expect(describePrintSteps(goodPrint, clearedBlock(), 'visitor')).toEqual({
      writing: 'visitor',
      carving: 'clean',
      nickedCells: 0,
      inking: 'even',
      rubbing: 'firm',
    })
  })

  it('puts a nick on the carving, not on the inking or the rubbing', () => {
    const carving = clearedBlock()
    carving.cut({ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, 'knife')
    const steps = describePrintSteps(goodPrint, carving, 'scribe')
    expect(steps.writing).toBe('scribe')
    expect(steps.carving).toBe('nicked')
    expect(steps.nickedCells).toBeGreaterThan(0)
    expect(steps.inking).toBe('even')
    expect(steps.rubbing).toBe('firm')
  })

  it('names ground left standing as specks', () => {
    const carving = new CarvingField(writing)
    carving.clearGroundRows(0, 3)
    expect(describePrintSteps(goodPrint, carving, 'visitor').carving).toBe('specks')
  })

  it('tells thin from heavy inking, and light rubbing apart from both', () => {
    const carving = clearedBlock()
    // Ink above what the relief holds is not a fault until it smudges the paper beside the strokes.
    expect(describePrintSteps({ ...goodPrint, overInked: 0.3 }, carving, 'visitor').inking).toBe(
      'even',
    )
    expect(describePrintSteps({ ...goodPrint, inkCoverage: 0.5 }, carving, 'visitor').inking).toBe(
      'thin',
    )
    expect(
      describePrintSteps({ ...goodPrint, overInked: 0.3, smudge: 0.05 }, carving, 'visitor').inking,
    ).toBe('heavy')
    const light = describePrintSteps({ ...goodPrint, rubCoverage: 0.4 }, carving, 'visitor')
    expect(light.rubbing).toBe('light')
    expect(light.inking).toBe('even')
  })
})

describe('the headline above the step lines', () => {
  const allWell = describePrintSteps(goodPrint, clearedBlock(), 'visitor')

  it('praises the print only when every step went well', () => {
    expect(headlineFor('crisp', allWell)).toBe('crisp')
  })

  it('names a nicked stroke even when the ink measures crisp', () => {
    expect(headlineFor('crisp', { ...allWell, carving: 'nicked' })).toBe('nicked')
    expect(headlineFor('crisp', { ...allWell, carving: 'specks' })).toBe('specked')
  })

  it('follows the worst step: smudges, then faintness, then a nick, then unevenness, then specks', () => {
    const everything = {
      ...allWell,
      carving: 'nicked' as const,
      inking: 'heavy' as const,
      rubbing: 'light' as const,
    }
    expect(headlineFor('blotchy', everything)).toBe('smudged')
    expect(headlineFor('blotchy', { ...everything, inking: 'even' })).toBe('faint')
    expect(headlineFor('blotchy', { ...allWell, carving: 'nicked' })).toBe('nicked')
    expect(headlineFor('blotchy', { ...allWell, carving: 'specks' })).toBe('blotchy')
    expect(headlineFor('crisp', { ...allWell, inking: 'thin' })).toBe('faint')
  })
})
