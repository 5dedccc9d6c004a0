import { describe, expect, it } from 'vitest'
import { TeaSession, whiskPathPerPourRadii } from '../../../../src/exhibits/teaWhisking/teaSession'
import { teaStationIds, type TeaStationId } from '../../../../src/exhibits/teaWhisking/teaStations'
import type { TeaVerdict } from '../../../../src/exhibits/teaWhisking/teaVerdict'
import { heavyPourRatio } from '../../../../src/exhibits/teaWhisking/pourPrescription'

function recordingSession() {
  const active: TeaStationId[] = []
  const complete: TeaStationId[] = []
  const verdicts: TeaVerdict[] = []
  const session = new TeaSession({
    stationActive: (id) => active.push(id),
    stationComplete: (id) => complete.push(id),
    verdict: (v) => verdicts.push(v),
  })
  return { session, active, complete, verdicts }
}

function whisk(session: TeaSession, pathRadii: number, speed = 6) {
  const step = 0.05
  for (let path = 0; path < pathRadii; path += speed * step) {
    session.whisk({
      durationSeconds: step,
      speedRadiiPerSecond: speed,
      distanceRadii: speed * step,
      pressure: 0.5,
      reversalsPerSecond: 2,
    })
  }
}

function pour(session: TeaSession, volume: number, radius: number) {
  expect(session.beginPour()).toBe(true)
  for (let i = 0; i < 10; i++) session.pourWater(volume / 10, radius, (i / 10) * 2 * Math.PI)
  session.endPour()
}

describe('a visitor’s bowl, station by station', () => {
  it('walks warm-bowl → add-powder → make-paste → seven pours → verdict → draw, in order', () => {
    const { session, active, complete, verdicts } = recordingSession()
    session.start()
    expect(session.tapBowl()).toBe(true)
    expect(session.tapPowder()).toBe(true)
    whisk(session, 12, 4)
    for (let n = 1; n <= 7; n++) {
      expect(session.station).toBe(`pour-${n}`)
      // Whisking before the pour does not finish the station.
      whisk(session, whiskPathPerPourRadii * 2)
      expect(session.station).toBe(`pour-${n}`)
      pour(session, n === 3 ? 0.08 : 0.06, n === 1 ? 0.95 : 0.5)
      expect(session.pourPhase).toBe('whisk')
      whisk(session, whiskPathPerPourRadii + 1)
    }
    expect(verdicts).toHaveLength(1)
    expect(session.station).toBe('draw')
    expect(session.draw(2)).toBe(true)
    session.endDrawing()
    expect(session.station).toBe('finished')
    expect(active).toEqual(teaStationIds)
    expect(complete).toEqual(teaStationIds)
  })

  it('never teaches 量茶受汤 to a visitor who lifts each pour 1.5 s after the gauge says enough', () => {
    const { session, verdicts } = recordingSession()
    session.start()
    session.tapBowl()
    session.tapPowder()
    whisk(session, 12, 4)
    const frameSeconds = 0.05
    for (let n = 1; n <= 7; n++) {
      expect(session.beginPour()).toBe(true)
      // Hold the ewer over the bowl frame by frame until the gauge says enough …
      while (session.pourFillRatio! < 1) session.pourFor(frameSeconds, n === 1 ? 0.95 : 0.5, n)
      // … then a slow hand, on a slow frame, lifts a second and a half later.
      session.pourFor(1.5, 0.5, n)
      expect(session.pourFillRatio!).toBeLessThan(heavyPourRatio)
      session.endPour()
      whisk(session, whiskPathPerPourRadii + 1)
    }
    expect(verdicts).toHaveLength(1)
    expect(verdicts[0]!.faults).not.toContain('too-much-water')
  })

  it('ignores gestures that belong to another station', () => {
    const { session, active } = recordingSession()
    session.start()
    expect(session.beginPour()).toBe(false)
    expect(session.draw(3)).toBe(false)
    whisk(session, 30)
    expect(active).toEqual(['warm-bowl'])
  })

  it('lets a visitor skip warming the bowl, and the cold bowl then counts against the tea', () => {
    const { session, complete } = recordingSession()
    session.start()
    expect(session.tapPowder()).toBe(true)
    expect(complete).not.toContain('warm-bowl')
    expect(session.foam.state.bowlHeat).toBe(0)
  })

  it('treats a touch on the ewer that pours almost nothing as a tap, not a pour', () => {
    const { session } = recordingSession()
    session.start()
    session.tapBowl()
    session.tapPowder()
    whisk(session, 12, 4)
    expect(session.beginPour()).toBe(true)
    session.pourWater(0.001, 0.9, 0)
    session.endPour()
    expect(session.pourPhase).toBe('pour')
  })

  it('gauges each pour against what that pour wants, top-ups included, and only at pour stations', () => {
    const { session } = recordingSession()
    session.start()
    expect(session.pourFillRatio).toBeUndefined()
    session.tapBowl()
    session.tapPowder()
    whisk(session, 12, 4)
    expect(session.pourFillRatio).toBe(0)
    expect(session.beginPour()).toBe(true)
    session.pourWater(0.03, 0.9, 0)
    expect(session.pourFillRatio).toBeCloseTo(0.5) // half of the first pour's 0.06
    session.endPour()
    // Lifting and pouring again tops up the same pour.
    expect(session.beginPour()).toBe(true)
    session.pourWater(0.03, 0.9, 1)
    session.endPour()
    expect(session.pourFillRatio).toBeCloseTo(1)
    whisk(session, whiskPathPerPourRadii + 1)
    expect(session.station).toBe('pour-2')
    expect(session.pourFillRatio).toBe(0)
  })
})
