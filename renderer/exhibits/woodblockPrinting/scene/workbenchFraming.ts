import { Vector3 } from 'three'

/** A box on the workbench in scene units (y is up, the bench top is y = 0). */
export interface BenchBox {
  readonly minX: number
  readonly maxX: number
  readonly minY: number
  readonly maxY: number
  readonly minZ: number
  readonly maxZ: number
}

/** The part of the view a box must fit in, in normalised device coordinates (−1 to 1 each way). */
export interface ViewWindow {
  readonly left: number
  readonly right: number
  readonly bottom: number
  readonly top: number
}

/** Bands at the view's edges, in CSS pixels, that a framed box must stay clear of. */
export interface OverlayBands {
  readonly topCssPx: number
  readonly bottomCssPx: number
  /** Left and right alike. */
  readonly sideCssPx: number
}

/** The camera a box is framed for: its lens, the view's shape and how steeply it looks down. */
export interface BenchView {
  readonly verticalFovDegrees: number
  /** Width ÷ height of the view in CSS pixels. */
  readonly aspect: number
  /** Angle of the view direction below the horizon, looking towards −z. */
  readonly elevationRadians: number
  /** Where in the view the box may go: the rest lies under overlays or is kept as air. */
  readonly window: ViewWindow
}

/**
 * The window left inside a view of `widthCssPx` × `heightCssPx` once `insets` (CSS pixels) are
 * kept clear at its edges.
 */
export function viewWindowInside(
  widthCssPx: number,
  heightCssPx: number,
  insets: OverlayBands,
): ViewWindow {
  if (!(widthCssPx > 0 && heightCssPx > 0)) {
    throw new RangeError(`The bench view must have a size, got ${widthCssPx}×${heightCssPx} CSS px`)
  }
  // Never let overlays squeeze the window below a third of the view (a tiny or odd-shaped view).
  const sideShare = Math.min((2 * insets.sideCssPx) / widthCssPx, 2 / 3)
  const verticalShare = Math.min((insets.topCssPx + insets.bottomCssPx) / heightCssPx, 2 / 3)
  const topShare =
    verticalShare * (insets.topCssPx / Math.max(1e-9, insets.topCssPx + insets.bottomCssPx))
  return {
    left: -1 + sideShare,
    right: 1 - sideShare,
    top: 1 - 2 * topShare,
    bottom: -1 + 2 * (verticalShare - topShare),
  }
}

/**
 * The camera position that frames `box` as large as possible inside the view's window and centred
 * in it, for a camera turned by `-elevationRadians` about x (looking down towards −z), unrolled.
 *
 * In a frame turned with the camera, each edge of the window is a plane through the camera with a
 * fixed slope, and every corner of the box must lie inside both planes of an axis. The nearest
 * camera that satisfies one axis sits where the planes through its two outermost corners cross;
 * the axis that needs the camera farther back wins, and along the other the box's projection is
 * centred in the window (or kept inside it when it cannot be).
 */
export function framedCameraPosition(
  box: BenchBox,
  view: BenchView,
  target = new Vector3(),
): Vector3 {
  const { window } = view
  if (!(view.aspect > 0))
    throw new RangeError(`The bench view's aspect must be positive, got ${view.aspect}`)
  if (!(window.left < window.right && window.bottom < window.top)) {
    throw new RangeError(`The bench view's window is empty: ${JSON.stringify(window)}`)
  }
  if (!(box.maxX >= box.minX && box.maxY >= box.minY && box.maxZ >= box.minZ)) {
    throw new RangeError(`The bench box to frame is inverted: ${JSON.stringify(box)}`)
  }
  const tanVertical = Math.tan((view.verticalFovDegrees * Math.PI) / 360)
  const tanHorizontal = tanVertical * view.aspect
  const slopes = {
    left: window.left * tanHorizontal,
    right: window.right * tanHorizontal,
    bottom: window.bottom * tanVertical,
    top: window.top * tanVertical,
  }
  // World → camera-aligned frame: undo the camera's turn of −elevation about x.
  const cos = Math.cos(view.elevationRadians)
  const sin = Math.sin(view.elevationRadians)
  // A corner at lateral offset u and aligned z seen from a camera at (c, depthZ) lies at slope
  // (u − c) / (depthZ − z); it must stay within [low, high]: u + high·z ≤ c + high·depthZ and
  // u + low·z ≥ c + low·depthZ.
  const corners: AlignedCorner[] = []
  let xHigh = -Infinity
  let xLow = Infinity
  let yHigh = -Infinity
  let yLow = Infinity
  for (const x of [box.minX, box.maxX]) {
    for (const y of [box.minY, box.maxY]) {
      for (const z of [box.minZ, box.maxZ]) {
        const alignedY = y * cos - z * sin
        const alignedZ = y * sin + z * cos
        corners.push({ x, y: alignedY, z: alignedZ })
        xHigh = Math.max(xHigh, x + slopes.right * alignedZ)
        xLow = Math.min(xLow, x + slopes.left * alignedZ)
        yHigh = Math.max(yHigh, alignedY + slopes.top * alignedZ)
        yLow = Math.min(yLow, alignedY + slopes.bottom * alignedZ)
      }
    }
  }
  const depthZ = Math.max(
    (xHigh - xLow) / (slopes.right - slopes.left),
    (yHigh - yLow) / (slopes.top - slopes.bottom),
  )
  // The camera's lateral position may lie anywhere in [high − slopeHigh·depth, low − slopeLow·depth].
  const cameraX = centredOffset(
    corners.map((corner) => ({ offset: corner.x, depth: depthZ - corner.z })),
    slopes.left,
    slopes.right,
    xHigh - slopes.right * depthZ,
    xLow - slopes.left * depthZ,
  )
  const cameraY = centredOffset(
    corners.map((corner) => ({ offset: corner.y, depth: depthZ - corner.z })),
    slopes.bottom,
    slopes.top,
    yHigh - slopes.top * depthZ,
    yLow - slopes.bottom * depthZ,
  )
  // Camera-aligned frame → world: turn by −elevation about x.
  return target.set(cameraX, cameraY * cos + depthZ * sin, -cameraY * sin + depthZ * cos)
}

/** A corner of the box in the camera-aligned frame. */
interface AlignedCorner {
  readonly x: number
  readonly y: number
  readonly z: number
}

/**
 * The camera offset along one axis, within [lowest, highest], that puts the corners' projected
 * extent in the middle of the window's [lowSlope, highSlope]. The corners' depths do not depend
 * on the offset, so the extent's middle falls steadily as the offset grows: bisection finds it.
 */
function centredOffset(
  corners: readonly { readonly offset: number; readonly depth: number }[],
  lowSlope: number,
  highSlope: number,
  lowest: number,
  highest: number,
): number {
  const windowMiddle = (lowSlope + highSlope) / 2
  const excess = (camera: number) => {
    let high = -Infinity
    let low = Infinity
    for (const corner of corners) {
      const slope = (corner.offset - camera) / corner.depth
      high = Math.max(high, slope)
      low = Math.min(low, slope)
    }
    return (high + low) / 2 - windowMiddle
  }
  if (excess(lowest) <= 0) return lowest
  if (excess(highest) >= 0) return highest
  let below = lowest
  let above = highest
  for (let step = 0; step < 60; step++) {
    const middle = (below + above) / 2
    if (excess(middle) > 0) below = middle
    else above = middle
  }
  return (below + above) / 2
}
