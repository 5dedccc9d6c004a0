import { describe, expect, it } from 'vitest'
import {
  canDrawInWorker,
  isSoftwareRenderer,
  renderPixelRatio,
  softwareFramePixelBudget,
} from '../../../renderer/scenes/rendererCapability'

describe('renderPixelRatio', () => {
  it('draws at the device pixel ratio, at most 2, on a GPU', () => {
    expect(renderPixelRatio(1920, 1080, 1, false)).toBe(1)
    expect(renderPixelRatio(1920, 1080, 3, false)).toBe(2)
  })

  it('keeps a software-rendered frame within the pixel budget whatever the canvas size', () => {
    for (const [width, height] of [
      [1194, 538],
      [1920, 1000],
      [1080, 1700],
    ] as const) {
      const ratio = renderPixelRatio(width, height, 1, true)
      expect(ratio).toBeLessThan(1)
      const pixels = Math.round(width * ratio) * Math.round(height * ratio)
      expect(pixels).toBeLessThanOrEqual(softwareFramePixelBudget * 1.01)
      expect(pixels).toBeGreaterThan(softwareFramePixelBudget * 0.95)
    }
  })

  it('never draws a small software-rendered canvas above the device ratio', () => {
    expect(renderPixelRatio(300, 200, 1, true)).toBe(1)
  })
})

describe('isSoftwareRenderer', () => {
  it('knows SwiftShader and llvmpipe from a GPU', () => {
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      ),
    ).toBe(true)
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true)
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620, OpenGL 4.6)')).toBe(
      false,
    )
  })
})

describe('canDrawInWorker', () => {
  class Canvas {
    transferControlToOffscreen() {}
  }
  class OffscreenSurface {}
  class ModuleWorker {}

  it('draws in a worker where the canvas hands its drawing to an OffscreenCanvas and workers run', () => {
    expect(
      canDrawInWorker({
        HTMLCanvasElement: Canvas,
        OffscreenCanvas: OffscreenSurface,
        Worker: ModuleWorker,
      }),
    ).toBe(true)
  })

  it('keeps drawing on the main thread without transferControlToOffscreen, OffscreenCanvas or Worker', () => {
    class OldCanvas {}
    expect(
      canDrawInWorker({
        HTMLCanvasElement: OldCanvas,
        OffscreenCanvas: OffscreenSurface,
        Worker: ModuleWorker,
      }),
    ).toBe(false)
    expect(canDrawInWorker({ HTMLCanvasElement: Canvas, Worker: ModuleWorker })).toBe(false)
    expect(canDrawInWorker({ HTMLCanvasElement: Canvas, OffscreenCanvas: OffscreenSurface })).toBe(
      false,
    )
    expect(canDrawInWorker({})).toBe(false)
  })
})
