import { describe, expect, it } from 'vitest'
import { bitmapFromRows } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import {
  layoutBlockText,
  gridSizeFor,
  carvedCharacters,
} from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import { generatePlumMotif } from '../../../../src/exhibits/woodblockPrinting/plumMotif'
import {
  PrintingSession,
  foldProgressFromDrag,
  printingStationIds,
  type PrintingStationId,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { PrintResult } from '../../../../src/exhibits/woodblockPrinting/printImpression'

const relief = bitmapFromRows([
  '................',
  '.##############.',
  '.##############.',
  '.##############.',
  '.##############.',
  '.##############.',
  '.##############.',
  '................',
])

function recordingSession() {
  const log: string[] = []
  const prints: PrintResult[] = []
  const session = new PrintingSession(relief, {
    stationActive: (id: PrintingStationId) => log.push(`active:${id}`),
    stationComplete: (id: PrintingStationId) => log.push(`complete:${id}`),
    printed: (result) => prints.push(result),
  })
  return { session, log, prints }
}

/** Zig-zags the brush over the whole block face. */
function sweep(
  stroke: (from: { x: number; y: number }, to: { x: number; y: number }) => void,
  passes = 8,
): void {
  for (let i = 0; i < passes; i++) {
    const y = (i + 0.5) / passes
    stroke({ x: 0, y }, { x: 1, y })
  }
}

/** Chisels the ground round the raised rectangle and lets the master finish. */
function carveAway(session: PrintingSession): void {
  for (const y of [0.5 / 8, 7.5 / 8]) session.carveStroke({ x: 0, y }, { x: 1, y }, 'chisel')
  for (const x of [0.5 / 16, 15.5 / 16]) session.carveStroke({ x, y: 0 }, { x, y: 1 }, 'chisel')
  expect(session.moveOn()).toBe(true)
  session.masterCarve(Infinity)
}

function fold(session: PrintingSession, progress: number): boolean {
  session.foldTo(progress)
  return session.releaseFold()
}

/** 上版: turns the sample face down on the block and rubs its back off. */
function transfer(session: PrintingSession): void {
  expect(fold(session, 0.9)).toBe(true)
  sweep((a, b) => session.transferStroke(a, b), 10)
  expect(session.releaseTransferRub()).toBe(true)
}

describe('fold drags', () => {
  it('turn a drag in the station direction into progress and ignore the other way', () => {
    expect(foldProgressFromDrag(-150, 'left', 300)).toBe(0.5)
    expect(foldProgressFromDrag(150, 'left', 300)).toBe(0)
    expect(foldProgressFromDrag(600, 'right', 300)).toBe(1)
    expect(foldProgressFromDrag(100, 'right', 0)).toBe(0)
  })
})

describe('PrintingSession', () => {
  it('has no effects until started, then walks the seven stations in order to a print', () => {
    const { session, log, prints } = recordingSession()
    expect(log).toEqual([])
    session.start()
    expect(log).toEqual(['active:write-sample'])

    expect(session.moveOn()).toBe(true)
    expect(session.phase).toBe('transfer')
    transfer(session)
    expect(session.phase).toBe('carve')
    carveAway(session)
    expect(session.phase).toBe('ink')
    sweep((a, b) => session.inkStroke(a, b), 10)
    sweep((a, b) => session.inkStroke(a, b), 10)
    expect(session.moveOn()).toBe(true)
    expect(fold(session, 1)).toBe(true)
    sweep((a, b) => session.rubStroke(a, b, 1), 10)
    sweep((a, b) => session.rubStroke(a, b, 1), 10)
    expect(session.moveOn()).toBe(true)
    expect(session.phase).toBe('lift')
    expect(fold(session, 0.7)).toBe(true)

    expect(session.phase).toBe('printed')
    expect(log).toEqual(printingStationIds.flatMap((id) => [`active:${id}`, `complete:${id}`]))
    expect(prints).toHaveLength(1)
    expect(prints[0]!.quality.clarity).toBeGreaterThan(0.6)
    expect(session.print).toBe(prints[0])
  })

  it('lets a short fold fall back without completing the station', () => {
    const { session, log } = recordingSession()
    session.start()
    session.moveOn()
    session.foldTo(0.4)
    expect(session.foldProgress).toBe(0.4)
    expect(session.releaseFold()).toBe(false)
    expect(session.foldProgress).toBe(0)
    expect(session.phase).toBe('transfer')
    expect(log).not.toContain('complete:transfer')
  })

  it('at 上版 lays the sample face down, then completes only once its back is rubbed through', () => {
    const { session, log } = recordingSession()
    session.start()
    session.moveOn()
    // Rubbing before the sample is down does nothing.
    expect(session.transferStroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 })).toBeUndefined()
    expect(fold(session, 0.9)).toBe(true)
    expect(session.isSampleDown).toBe(true)
    expect(session.phase).toBe('transfer')
    expect(log).not.toContain('complete:transfer')
    // The sample stays down: a further drag does not turn it again.
    session.foldTo(0.2)
    expect(session.foldProgress).toBe(1)
    // One pass across the middle rubs some of the writing through, not enough to lift the rest.
    expect(session.transferStroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 })).toBeDefined()
    expect(session.transferCoverage).toBeGreaterThan(0)
    expect(session.transferCoverage).toBeLessThan(0.8)
    expect(session.releaseTransferRub()).toBe(false)
    expect(session.phase).toBe('transfer')
    sweep((a, b) => session.transferStroke(a, b), 10)
    expect(session.transferCoverage).toBeGreaterThanOrEqual(0.8)
    expect(session.releaseTransferRub()).toBe(true)
    expect(log).toContain('complete:transfer')
    expect(session.phase).toBe('carve')
  })

  it('ignores gestures that belong to another station', () => {
    const { session } = recordingSession()
    session.start()
    expect(session.inkStroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 })).toBeUndefined()
    session.foldTo(1)
    expect(session.releaseFold()).toBe(false)
    expect(session.phase).toBe('write-sample')
    session.moveOn()
    transfer(session)
    carveAway(session)
    expect(session.rubStroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, 1)).toBeUndefined()
    expect(session.inkStroke({ x: 0, y: 0.5 }, { x: 1, y: 0.5 })).toBeDefined()
  })

  it('asks for some ink before the visitor may lay the paper', () => {
    const { session } = recordingSession()
    session.start()
    session.moveOn()
    transfer(session)
    carveAway(session)
    expect(session.canMoveOn).toBe(false)
    expect(session.moveOn()).toBe(false)
    session.inkStroke({ x: 0.05, y: 0.2 }, { x: 0.2, y: 0.2 })
    expect(session.inkCoverage).toBeGreaterThan(0)
    expect(session.inkCoverage).toBeLessThan(0.3)
    expect(session.moveOn()).toBe(false)
    sweep((a, b) => session.inkStroke(a, b), 10)
    expect(session.inkCoverage).toBeGreaterThan(0.3)
    expect(session.moveOn()).toBe(true)
    expect(session.phase).toBe('lay-paper')
  })

  it('makes a lightly rubbed print fainter than a firmly rubbed one with the same strokes', () => {
    function pull(pressure: number, sweeps: number): PrintResult {
      const { session, prints } = recordingSession()
      session.start()
      session.moveOn()
      transfer(session)
      carveAway(session)
      sweep((a, b) => session.inkStroke(a, b), 10)
      sweep((a, b) => session.inkStroke(a, b), 10)
      session.moveOn()
      fold(session, 1)
      for (let i = 0; i < sweeps; i++) sweep((a, b) => session.rubStroke(a, b, pressure), 5)
      expect(session.moveOn()).toBe(true)
      fold(session, 1)
      return prints[0]!
    }
    // The fewest light sweeps that let the visitor move on.
    let sweeps = 1
    for (; sweeps < 20; sweeps++) {
      const { session } = recordingSession()
      session.start()
      session.moveOn()
      transfer(session)
      carveAway(session)
      sweep((a, b) => session.inkStroke(a, b), 10)
      session.moveOn()
      fold(session, 1)
      for (let i = 0; i < sweeps; i++) sweep((a, b) => session.rubStroke(a, b, 0.3), 5)
      if (session.canMoveOn) break
    }
    const light = pull(0.3, sweeps)
    const firm = pull(1, sweeps)
    expect(light.quality.clarity).toBeLessThan(firm.quality.clarity - 0.05)
  })
})

describe('block layout', () => {
  it('puts one character in a square and a verse line in columns read right to left', () => {
    expect(layoutBlockText('宋')).toMatchObject({ columns: 1, rows: 1, aspect: 1 })
    const verse = layoutBlockText('暖风熏得游人醉，')
    expect(verse.glyphs.map((g) => g.character).join('')).toBe('暖风熏得游人醉')
    expect(verse.columns).toBe(2)
    const first = verse.glyphs[0]!
    const fifth = verse.glyphs[verse.rows]!
    expect(first.centerX).toBeGreaterThan(fifth.centerX)
    expect(verse.glyphs[1]!.centerY).toBeGreaterThan(first.centerY)
    expect(verse.aspect).toBeLessThan(1)
  })

  it('rejects text with nothing to carve', () => {
    expect(carvedCharacters('，。 ')).toEqual([])
    expect(() => layoutBlockText('，。')).toThrow(/no characters/)
  })

  it('sizes the grid by the long side', () => {
    expect(gridSizeFor(0.5, 256)).toEqual({ width: 128, height: 256 })
    expect(gridSizeFor(2, 256)).toEqual({ width: 256, height: 128 })
  })
})

describe('plum motif', () => {
  it('is the same for the same seed and stays on the block', () => {
    const motif = generatePlumMotif(7)
    expect(generatePlumMotif(7)).toEqual(motif)
    expect(motif.branches.length).toBeGreaterThan(3)
    expect(motif.blossoms.length).toBeGreaterThan(2)
    for (const b of motif.branches) {
      for (const v of [b.fromX, b.fromY, b.toX, b.toY]) expect(v).toBeGreaterThanOrEqual(0)
      for (const v of [b.fromX, b.fromY, b.toX, b.toY]) expect(v).toBeLessThanOrEqual(1)
    }
  })
})
