import { describe, expect, it } from 'vitest'
import { InteractiveResolution } from '../../../renderer/scenes/interactiveResolution'

/** Feeds `count` frames of `intervalMs`, each drawn at the scale the governor asks for at that time. */
function runFrames(
  governor: InteractiveResolution,
  count: number,
  costAtFullScaleMs: number,
  startMs = 0,
): { nowMs: number; scales: number[] } {
  let nowMs = startMs
  let scale = governor.scaleAt(nowMs)
  const scales: number[] = []
  for (let frame = 0; frame < count; frame++) {
    // A software rasteriser: a frame costs its pixels, i.e. the scale squared, at 60 Hz at best.
    const intervalMs = Math.max(1000 / 60, costAtFullScaleMs * scale * scale)
    nowMs += intervalMs
    governor.recordFrame(intervalMs, scale)
    scale = governor.scaleAt(nowMs)
    scales.push(scale)
  }
  return { nowMs, scales }
}

describe('InteractiveResolution', () => {
  it('never shrinks a scene whose frames keep within budget (a kiosk with a GPU)', () => {
    const governor = new InteractiveResolution()
    governor.beginTouch()
    const { scales } = runFrames(governor, 120, 12)
    expect(new Set(scales)).toEqual(new Set([1]))
  })

  it('shrinks a slow scene only while touched, to a frame within budget, and restores it after settling', () => {
    const governor = new InteractiveResolution({ frameBudgetMs: 36, settleMs: 600 })
    // Still frames at full size cost 70 ms: the still picture stays full size.
    const still = runFrames(governor, 20, 70)
    expect(still.scales.every((scale) => scale === 1)).toBe(true)
    // What it learnt from them applies from the first touched frame.
    governor.beginTouch()
    const firstTouched = governor.scaleAt(still.nowMs)
    expect(firstTouched).toBeLessThan(1)
    const touched = runFrames(governor, 60, 70, still.nowMs)
    const settledScale = touched.scales.at(-1)!
    expect(70 * settledScale * settledScale).toBeLessThanOrEqual(36 * 1.01)
    expect(settledScale).toBeGreaterThan(0.6) // as large as the budget allows, not the floor
    governor.endTouch(touched.nowMs)
    expect(governor.scaleAt(touched.nowMs + 300)).toBe(settledScale)
    expect(governor.scaleAt(touched.nowMs + 601)).toBe(1)
  })

  it('keeps to its floor however slow the frames are', () => {
    const governor = new InteractiveResolution({ minScale: 0.45 })
    governor.beginTouch()
    const { scales } = runFrames(governor, 60, 2000)
    expect(Math.min(...scales)).toBe(0.45)
  })

  it('keeps a drag legible by default: never below 0.6 of the full scale', () => {
    const governor = new InteractiveResolution()
    governor.beginTouch()
    const { scales } = runFrames(governor, 60, 2000)
    expect(Math.min(...scales)).toBe(0.6)
  })

  it('grows back a step at a time once frames are well under budget', () => {
    const governor = new InteractiveResolution({ frameBudgetMs: 36, minScale: 0.3 })
    governor.beginTouch()
    runFrames(governor, 30, 200)
    const shrunk = governor.touchedScale
    expect(shrunk).toBeLessThan(0.5)
    // The machine is quiet again: frames now cost a tenth.
    const { scales } = runFrames(governor, 40, 20)
    expect(scales.at(-1)).toBe(1)
    const steps = scales.slice(1).map((scale, i) => scale / scales[i]!)
    expect(Math.max(...steps)).toBeLessThanOrEqual(1.1 + 1e-9)
  })

  it('ignores nonsense intervals and forgets on reset', () => {
    const governor = new InteractiveResolution()
    governor.beginTouch()
    governor.recordFrame(Number.NaN, 1)
    governor.recordFrame(-5, 1)
    governor.recordFrame(0, 1)
    expect(governor.scaleAt(0)).toBe(1)
    runFrames(governor, 10, 300)
    expect(governor.touchedScale).toBeLessThan(1)
    governor.reset()
    expect(governor.isTouched).toBe(false)
    expect(governor.touchedScale).toBe(1)
    expect(governor.scaleAt(0)).toBe(1)
  })
})
