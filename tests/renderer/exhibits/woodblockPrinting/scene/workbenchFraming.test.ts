import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  framedCameraPosition,
  viewWindowInside,
  type BenchBox,
  type ViewWindow,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/workbenchFraming'
import { stationWorkArea } from '../../../../../renderer/exhibits/woodblockPrinting/scene/stationCamera'
import type { WorkshopParts } from '../../../../../renderer/exhibits/woodblockPrinting/scene/workshopParts'

const elevationRadians = (64 * Math.PI) / 180
const fullView: ViewWindow = { left: -1, right: 1, bottom: -1, top: 1 }
/** A 1 × 1 block face with its paper round it, and the brushes resting in front. */
const inkingArea: BenchBox = {
  minX: -0.57,
  maxX: 0.57,
  minY: 0,
  maxY: 0.035,
  minZ: -0.57,
  maxZ: 0.73,
}
/** The block with the written sample beside it on the right. */
const sampleArea: BenchBox = { ...inkingArea, maxX: 0.57 + 1.14 }

/** A camera placed as the scene places it: fitted position, fixed downward look. */
function fittedCamera(
  box: BenchBox,
  aspect: number,
  window: ViewWindow = fullView,
): PerspectiveCamera {
  const camera = new PerspectiveCamera(34, aspect, 0.05, 40)
  framedCameraPosition(
    box,
    { verticalFovDegrees: 34, aspect, elevationRadians, window },
    camera.position,
  )
  camera.rotation.set(-elevationRadians, 0, 0)
  camera.updateMatrixWorld()
  return camera
}

/** The box's corners projected to normalised device coordinates: their extent each way. */
function projectedExtent(box: BenchBox, camera: PerspectiveCamera) {
  const xs: number[] = []
  const ys: number[] = []
  for (const x of [box.minX, box.maxX]) {
    for (const y of [box.minY, box.maxY]) {
      for (const z of [box.minZ, box.maxZ]) {
        const ndc = new Vector3(x, y, z).project(camera)
        xs.push(ndc.x)
        ys.push(ndc.y)
      }
    }
  }
  return {
    left: Math.min(...xs),
    right: Math.max(...xs),
    bottom: Math.min(...ys),
    top: Math.max(...ys),
  }
}

describe('framing the bench for the view', () => {
  it.each([0.56, 1.6, 1.78])(
    'puts every corner of the work inside the view at aspect %s',
    (aspect) => {
      for (const box of [inkingArea, sampleArea]) {
        const extent = projectedExtent(box, fittedCamera(box, aspect))
        expect(extent.left).toBeGreaterThanOrEqual(-1 - 1e-9)
        expect(extent.right).toBeLessThanOrEqual(1 + 1e-9)
        expect(extent.bottom).toBeGreaterThanOrEqual(-1 - 1e-9)
        expect(extent.top).toBeLessThanOrEqual(1 + 1e-9)
        // As large as it can be: it touches the view's edges along one axis, centred on the other.
        const touchesSides = Math.abs(extent.left + 1) < 1e-6 && Math.abs(extent.right - 1) < 1e-6
        const touchesTopAndBottom =
          Math.abs(extent.bottom + 1) < 1e-6 && Math.abs(extent.top - 1) < 1e-6
        expect(touchesSides || touchesTopAndBottom).toBe(true)
        expect(extent.left + extent.right).toBeCloseTo(0, 6)
        expect(extent.bottom + extent.top).toBeCloseTo(0, 6)
      }
    },
  )

  it('fills the width of a tall view and the height of a wide one', () => {
    const tall = projectedExtent(inkingArea, fittedCamera(inkingArea, 0.56))
    expect(tall.right - tall.left).toBeCloseTo(2, 6)
    expect(tall.top - tall.bottom).toBeLessThan(1.5)
    const wide = projectedExtent(inkingArea, fittedCamera(inkingArea, 1.78))
    expect(wide.top - wide.bottom).toBeCloseTo(2, 6)
    expect(wide.right - wide.left).toBeLessThan(1.5)
  })

  it('keeps the work inside a window clear of the overlays, off centre when the bands differ', () => {
    const window = viewWindowInside(1000, 1600, { topCssPx: 80, bottomCssPx: 400, sideCssPx: 20 })
    expect(window).toEqual({ left: -0.96, right: 0.96, top: 0.9, bottom: -0.5 })
    for (const aspect of [0.56, 1.6, 1.78]) {
      const extent = projectedExtent(sampleArea, fittedCamera(sampleArea, aspect, window))
      expect(extent.left).toBeGreaterThanOrEqual(window.left - 1e-9)
      expect(extent.right).toBeLessThanOrEqual(window.right + 1e-9)
      expect(extent.bottom).toBeGreaterThanOrEqual(window.bottom - 1e-9)
      expect(extent.top).toBeLessThanOrEqual(window.top + 1e-9)
    }
  })

  it('never lets the bands close the window, and names bad input', () => {
    const squeezed = viewWindowInside(100, 100, { topCssPx: 500, bottomCssPx: 500, sideCssPx: 500 })
    expect(squeezed.right - squeezed.left).toBeCloseTo(2 / 3, 9)
    expect(squeezed.top - squeezed.bottom).toBeCloseTo(2 / 3, 9)
    expect(() => viewWindowInside(0, 100, { topCssPx: 0, bottomCssPx: 0, sideCssPx: 0 })).toThrow(
      /size/,
    )
    const view = { verticalFovDegrees: 34, aspect: 1, elevationRadians, window: fullView }
    expect(() => framedCameraPosition({ ...inkingArea, minX: 1, maxX: 0 }, view)).toThrow(
      /inverted/,
    )
    expect(() => framedCameraPosition(inkingArea, { ...view, aspect: 0 })).toThrow(/aspect/)
    expect(() =>
      framedCameraPosition(inkingArea, { ...view, window: { ...fullView, top: -1 } }),
    ).toThrow(/window/)
  })
})

describe('the lift station’s work area', () => {
  // Only the sizes matter to the work area.
  const parts = {
    faceWidth: 1,
    faceHeight: 1,
    marginUnits: 0.07,
    bodyOverhangUnits: 0.12,
    paperWidth: 1.14,
    paperHeight: 1.14,
    sampleWidth: 1.3,
  } as unknown as WorkshopParts
  const focus = { phase: 'lift', isSampleDown: false, isReducedMotion: false } as const

  it('in portrait frames the block and the start of the curl, narrower than in landscape', () => {
    const landscape = stationWorkArea(parts, { ...focus, isPortrait: false })
    const portrait = stationWorkArea(parts, { ...focus, isPortrait: true })
    expect(portrait.maxX - portrait.minX).toBeLessThan(0.9 * (landscape.maxX - landscape.minX))
    // The whole block with its paper margin stays in the frame.
    expect(portrait.minX).toBeLessThanOrEqual(-0.57)
    expect(portrait.maxX).toBeGreaterThanOrEqual(0.57)
  })
})

describe('the work area while a sheet lies on the block', () => {
  const parts = {
    faceWidth: 1,
    faceHeight: 0.8,
    marginUnits: 0.07,
    bodyOverhangUnits: 0.12,
    paperWidth: 1.14,
    paperHeight: 0.94,
    sampleWidth: 1.3,
  } as unknown as WorkshopParts

  it('at 上版 and 刷印 takes in the block’s body round the paper, so the paper is seen on the block', () => {
    for (const focus of [
      { phase: 'transfer', isSampleDown: true },
      { phase: 'rub', isSampleDown: false },
    ] as const) {
      const area = stationWorkArea(parts, { ...focus, isReducedMotion: false })
      // The body's edges, beyond the paper's (0.57 across, 0.47 deep), are in the frame.
      expect(area.minX).toBeLessThanOrEqual(-0.62)
      expect(area.maxX).toBeGreaterThanOrEqual(0.62)
      expect(area.minZ).toBeLessThanOrEqual(-0.52)
      expect(area.maxZ).toBeGreaterThan(0.52)
    }
  })
})
