import { describe, expect, it } from 'vitest'
import { FoamSketch } from '../../../../src/exhibits/teaWhisking/foamSketch'

describe('a picture drawn on the foam (茶百戏)', () => {
  it('marks the cells under the finger and fades away within moments', () => {
    const sketch = new FoamSketch(64)
    for (let x = -0.5; x <= 0.5; x += 0.05) sketch.paint(x, 0, 0.1)
    expect(sketch.isVisible).toBe(true)
    const centre = 32 * 64 + 32
    expect(sketch.values[centre]).toBeGreaterThan(0.5)
    expect(sketch.values[2 * 64 + 2]).toBe(0)

    sketch.fade(0.5)
    expect(sketch.isVisible).toBe(true)
    expect(sketch.values[centre]).toBeLessThan(1)
    for (let t = 0; t < 7; t += 0.1) sketch.fade(0.1)
    expect(sketch.isVisible).toBe(false)
    expect(Math.max(...sketch.values)).toBe(0)
  })

  it('writes its values as texture bytes and rejects a buffer of the wrong size', () => {
    const sketch = new FoamSketch(16)
    sketch.paint(0, 0, 0.5)
    const bytes = new Uint8Array(256)
    sketch.writeBytes(bytes)
    expect(Math.max(...bytes)).toBeGreaterThan(200)
    expect(() => sketch.writeBytes(new Uint8Array(10))).toThrow(/needs 256/)
    expect(() => new FoamSketch(3)).toThrow(/sketch size/)
  })
})
