import { describe, expect, it } from 'vitest'
import {
  bitmapFromRows,
  createBitmap,
  mirrorHorizontally,
  valueAt,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { CarvingField } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import { computePrint } from '../../../../src/exhibits/woodblockPrinting/printImpression'
import { PrintingSession } from '../../../../src/exhibits/woodblockPrinting/printingSession'

/** A 40 × 40 block with one vertical stroke, columns 18–21, rows 5–34. */
function strokeRows(): string[] {
  return Array.from({ length: 40 }, (_, y) =>
    Array.from({ length: 40 }, (_, x) => (x >= 18 && x < 22 && y >= 5 && y < 35 ? '#' : '.')).join(
      '',
    ),
  )
}

describe('CarvingField', () => {
  it('clears ground under the chisel and counts the cleared share of the ground only', () => {
    const field = new CarvingField(bitmapFromRows(strokeRows()))
    expect(field.clearedFraction).toBe(0)
    const rect = field.cut({ x: 0, y: 0.1 }, { x: 0.3, y: 0.1 }, 'chisel')
    expect(rect).toBeDefined()
    expect(valueAt(field.depth, 5, 4)).toBeGreaterThan(0.5)
    expect(field.clearedFraction).toBeGreaterThan(0)
    expect(field.clearedFraction).toBeLessThan(0.2)
    // A cut outside the block changes nothing.
    expect(field.cut({ x: 2, y: 2 }, { x: 3, y: 2 }, 'chisel')).toBeUndefined()
  })

  it('cuts a flat chisel’s band, not a disc: level across the blade, scalloped along the path, the same every time', () => {
    const blank = createBitmap(200, 200)
    const field = new CarvingField(blank)
    field.cut({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }, 'chisel')
    // Across the blade (radius 13 cells here): 70 % of the way out is nearly as deep as the middle,
    // where a round footprint would have fallen to half.
    const middle = valueAt(field.depth, 100, 100)
    expect(valueAt(field.depth, 100, 109) / middle).toBeGreaterThan(0.85)
    // Along the path the floor rises and falls in shallow scallops: gouge marks, not a smooth trough.
    const along = Array.from({ length: 60 }, (_, i) => valueAt(field.depth, 60 + i, 100))
    expect(Math.max(...along) - Math.min(...along)).toBeGreaterThan(0.05)
    expect(Math.min(...along)).toBeGreaterThan(0.5)
    // No randomness: the same pass carves the same floor.
    const again = new CarvingField(blank)
    again.cut({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 }, 'chisel')
    expect(Array.from(again.depth.data)).toEqual(Array.from(field.depth.data))
  })

  it('stops the chisel at a stroke, even swept right across it: the stroke stands, no nick', () => {
    const field = new CarvingField(bitmapFromRows(strokeRows()))
    field.cut({ x: 16.5 / 40, y: 0 }, { x: 16.5 / 40, y: 1 }, 'chisel')
    field.cut({ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, 'chisel')
    expect(valueAt(field.depth, 16, 20)).toBeGreaterThan(0.5)
    expect(valueAt(field.depth, 10, 20)).toBeGreaterThan(0.5)
    for (let y = 5; y < 35; y++) expect(valueAt(field.depth, 18, y)).toBe(0)
    expect(field.nicks).toEqual([])
  })

  it('records a nick exactly where a knife cut crosses a stroke', () => {
    const field = new CarvingField(bitmapFromRows(strokeRows()))
    field.cut({ x: 0.2, y: 20.5 / 40 }, { x: 0.8, y: 20.5 / 40 }, 'knife')
    const nicks = field.nicks
    expect(nicks.length).toBeGreaterThan(0)
    for (const nick of nicks) {
      expect(nick.x).toBeGreaterThanOrEqual(18)
      expect(nick.x).toBeLessThan(22)
      expect(Math.abs(nick.y - 20)).toBeLessThanOrEqual(1)
      expect(valueAt(field.depth, nick.x, nick.y)).toBe(1)
    }
    expect(field.isNicked(19, 20)).toBe(true)
    expect(field.isNicked(19, 10)).toBe(false)
  })

  it('lets the master clear the remaining ground without touching a stroke', () => {
    const field = new CarvingField(bitmapFromRows(strokeRows()))
    field.clearGroundRows(0, 40)
    expect(field.clearedFraction).toBe(1)
    expect(field.nicks).toEqual([])
    const relief = field.relief()
    expect(valueAt(relief, 19, 20)).toBe(1)
    expect(valueAt(relief, 5, 20)).toBe(0)
  })
})

/** Walks a session from a written sample through carving, inking and rubbing to its print. */
function printOf(sample: string[], carve: (session: PrintingSession) => void) {
  const session = new PrintingSession(bitmapFromRows(sample))
  session.start()
  session.moveOn()
  session.foldTo(1)
  session.releaseFold()
  // 上版: the face-down sample's back is rubbed off, leaving the writing on the wood.
  for (let i = 0; i < 12; i++)
    session.transferStroke({ x: 0, y: (i + 0.5) / 12 }, { x: 1, y: (i + 0.5) / 12 })
  session.releaseTransferRub()
  expect(session.phase).toBe('carve')
  carve(session)
  expect(session.phase).toBe('ink')
  // One even pass: enough ink for a crisp print, not so much that it floods the cuts.
  for (let i = 0; i < 12; i++)
    session.inkStroke({ x: 0, y: (i + 0.5) / 12 }, { x: 1, y: (i + 0.5) / 12 })
  session.moveOn()
  session.foldTo(1)
  session.releaseFold()
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < 20; i++)
      session.rubStroke({ x: 0, y: (i + 0.5) / 20 }, { x: 1, y: (i + 0.5) / 20 }, 1)
  }
  session.moveOn()
  session.foldTo(1)
  session.releaseFold()
  expect(session.phase).toBe('printed')
  return { session, sheet: session.print!.sheet }
}

/** Clears the ground well past the master's threshold by chisel, then lets the master finish. */
function chiselAndHandOver(
  session: PrintingSession,
  before: (session: PrintingSession) => void = () => {},
): void {
  before(session)
  for (let i = 0; i < 16; i++)
    session.carveStroke({ x: (i + 0.5) / 16, y: 0 }, { x: (i + 0.5) / 16, y: 1 }, 'chisel')
  expect(session.carving.clearedFraction).toBeGreaterThanOrEqual(0.6)
  expect(session.moveOn()).toBe(true)
  expect(session.isMasterCarving).toBe(true)
  while (session.phase === 'carve') session.masterCarve(4)
}

describe('the print follows the writing and the carving', () => {
  /** An “L”: asymmetric, so a wrong mirror shows. Stem at columns 8–11, foot to the right. */
  const letterL = Array.from({ length: 40 }, (_, y) =>
    Array.from({ length: 40 }, (_, x) =>
      (x >= 8 && x < 12 && y >= 6 && y < 34) || (x >= 8 && x < 30 && y >= 30 && y < 34) ? '#' : '.',
    ).join(''),
  )

  it('reads the right way round: the block is the mirror, the print is the sample again', () => {
    const { session, sheet } = printOf(letterL, (s) => chiselAndHandOver(s))
    // The transferred writing on the block is mirrored: its stem is on the right.
    expect(valueAt(session.relief, 40 - 1 - 9, 15)).toBe(1)
    expect(valueAt(session.relief, 9, 15)).toBe(0)
    // The print reads like the sample: stem on the left, foot running right.
    expect(valueAt(sheet, 9, 15)).toBeGreaterThan(0.6)
    expect(valueAt(sheet, 30, 15)).toBeLessThan(0.1)
    expect(valueAt(sheet, 25, 32)).toBeGreaterThan(0.6)
    expect(valueAt(sheet, 14, 15)).toBeLessThan(0.25)
  })

  it('shows a nick exactly where a cut crossed a stroke, and nowhere else', () => {
    const clean = printOf(letterL, (s) => chiselAndHandOver(s)).sheet
    // A knife across the stem at row 15: in block space the stem is at columns 28–31.
    const nicked = printOf(letterL, (s) =>
      chiselAndHandOver(s, (session) =>
        session.carveStroke({ x: 0.6, y: 15.5 / 40 }, { x: 0.9, y: 15.5 / 40 }, 'knife'),
      ),
    ).sheet
    const differing: { x: number; y: number }[] = []
    for (let y = 0; y < 40; y++) {
      for (let x = 0; x < 40; x++) {
        if (Math.abs(valueAt(clean, x, y) - valueAt(nicked, x, y)) > 0.3) differing.push({ x, y })
      }
    }
    expect(differing.length).toBeGreaterThan(0)
    for (const cell of differing) {
      // On the sheet the stem is back at columns 8–11.
      expect(cell.x).toBeGreaterThanOrEqual(8)
      expect(cell.x).toBeLessThan(12)
      expect(Math.abs(cell.y - 15)).toBeLessThanOrEqual(1)
      expect(valueAt(nicked, cell.x, cell.y)).toBeLessThan(valueAt(clean, cell.x, cell.y))
    }
  })

  it('prints ground left standing as specks', () => {
    // Hand-carved only (before the master): a patch of wood still stands in the block's top-right
    // corner, which is the sheet's top-left.
    const field = new CarvingField(mirrorHorizontally(bitmapFromRows(letterL)))
    for (let i = 0; i < 16; i++) {
      const x = (i + 0.5) / 16
      field.cut({ x, y: i >= 13 ? 0.3 : 0 }, { x, y: 1 }, 'chisel')
    }
    expect(valueAt(field.depth, 38, 2)).toBe(0)
    const full = createBitmap(40, 40)
    full.data.fill(1)
    const { sheet } = computePrint({ relief: field.relief(), ink: full, rub: full })
    expect(valueAt(sheet, 1, 2)).toBeGreaterThan(0.6)
    expect(valueAt(sheet, 20, 20)).toBeLessThan(0.1)
  })
})
