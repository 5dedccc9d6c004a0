import { describe, expect, it } from 'vitest'
import { planPhrase, tonicInRegister } from '../../../src/audio/livePhrase'
import { padFrequenciesInMode } from '../../../src/audio/playAlong'

const piece = { grid: { originSeconds: 100, bpm: 90, subdivision: 2 }, tonicHz: 293.66 }
const stepSeconds = 60 / 90 / 2

describe('planPhrase: a tapped instrument alone, and over the ensemble', () => {
  it('alone: four notes on its own 宫 (宫 商 角 徵), at its own pace from just after the tap', () => {
    const plan = planPhrase(174.61, 50, undefined)
    expect(plan.notes.map((n) => n.frequencyHz)).toEqual(
      [1, 9 / 8, 81 / 64, 3 / 2].map((ratio) => 174.61 * ratio),
    )
    expect(plan.notes[0]!.whenSeconds).toBeCloseTo(50.01, 9)
    expect(plan.endsAtSeconds).toBeGreaterThan(plan.notes.at(-1)!.whenSeconds)
  })

  it("over the ensemble: every note is a tone of the piece's scale, in the instrument's register", () => {
    // The guqin's own 宫 is F3 (174.61 Hz); the piece is on D4: the phrase moves to D3.
    const plan = planPhrase(174.61, 100.9, piece)
    const scale = padFrequenciesInMode(piece.tonicHz / 2, 'gong')
    for (const note of plan.notes) {
      expect(scale.some((hz) => Math.abs(hz - note.frequencyHz) < 1e-9)).toBe(true)
    }
    expect(plan.notes[0]!.frequencyHz).toBeCloseTo(146.83, 9)
  })

  it("over the ensemble: the first note lands on the piece's grid and the rest follow on it", () => {
    const tappedAt = 100 + 5 * stepSeconds + 0.1 // a little after the fifth grid point
    const plan = planPhrase(293.66, tappedAt, piece)
    const gridIndexOf = (seconds: number) => (seconds - piece.grid.originSeconds) / stepSeconds
    for (const note of plan.notes) {
      const index = gridIndexOf(note.whenSeconds)
      expect(Math.abs(index - Math.round(index))).toBeLessThan(1e-9)
      expect(note.whenSeconds).toBeGreaterThanOrEqual(tappedAt)
    }
    // Never later than the next grid point: a tap is answered within one step.
    expect(plan.notes[0]!.whenSeconds - tappedAt).toBeLessThanOrEqual(stepSeconds)
  })
})

describe('tonicInRegister', () => {
  it('moves the piece’s 宫 by whole octaves to the nearest of the instrument’s own', () => {
    expect(tonicInRegister(293.66, 587.33)).toBeCloseTo(587.32, 9)
    expect(tonicInRegister(293.66, 311.13)).toBeCloseTo(293.66, 9)
    expect(tonicInRegister(293.66, 174.61)).toBeCloseTo(146.83, 9)
  })
})
