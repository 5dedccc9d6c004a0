import { Vector3, type PerspectiveCamera } from 'three'
import { teaSetLayoutFor, teaSetOutlineCm, type TeaSetLayout } from './teaSetLayout'
import { layTeaSet, type TeaTable } from './teaTableMeshes'

/**
 * Share of the stage's width the verdict card takes at the end (TeaExhibit.vue sizes the card
 * from it): on a wide screen a column at the left that the framing keeps the whole set out of,
 * wider on a short one (1280×800), where the card's lines in both languages need the width its
 * height lacks; on a tall one the top left, beside the ewer's spout.
 */
export const verdictColumnShare = { wide: 0.3, wideShort: 0.38, tall: 0.46 } as const

/** A wide stage lower than this (CSS px; 1280×800's is about 596) is a short one. */
const shortStageHeightPx = 720

/** The verdict column's share of a stage `widthPx` × `heightPx` CSS px (`verdictColumnShare`). */
export function verdictColumnShareFor(widthPx: number, heightPx: number): number {
  if (widthPx < heightPx) return verdictColumnShare.tall
  return heightPx < shortStageHeightPx ? verdictColumnShare.wideShort : verdictColumnShare.wide
}

/**
 * Share of the frame left free at each side, as a fraction of its half-width and half-height.
 * A wide screen, once the verdict shows, keeps its column free at the left (and a little air
 * beyond it), so no piece of the set stands under the card; until then the same free width is
 * shared equally by both sides and the set stands in the middle, at the same size. A tall one
 * gives the set most of the frame, as a hanging scroll does its subject; once the verdict shows
 * the set steps a little down and back (a wider top margin) so the card above it, in both
 * languages, ends above the bowl.
 */
const landscapeVerdictMargin = (columnShare: number) => ({
  left: 2 * columnShare + 0.04,
  right: 0.06,
})
const landscapeVertical = { top: 0.16, bottom: 0.16 }
const portraitMargin = { left: 0.05, right: 0.05, top: 0.07, bottom: 0.07 }
/** How much the tall frame's top margin grows for the verdict's card (of the half-height). */
const portraitVerdictTop = 0.2

/** Seconds the wide framing takes to slide the set aside for the verdict (or back). */
export const verdictSlideSeconds = 0.9

/**
 * The frame's margins on a screen `aspect` wide when the verdict's column (`columnShare` of the
 * width) is `verdictRoom` (0 none … 1 all) of the way open. On a wide screen only the left and
 * right margins move, and their sum stays the same, so the set keeps its size and slides sideways;
 * on a tall one the top margin grows, so the set steps down and back from the card above it.
 */
export function teaFrameMargins(
  aspect: number,
  verdictRoom: number,
  columnShare: number = verdictColumnShare.wide,
): { left: number; right: number; top: number; bottom: number } {
  const room = Math.min(1, Math.max(0, verdictRoom))
  if (aspect < 1) return { ...portraitMargin, top: portraitMargin.top + portraitVerdictTop * room }
  const aside = landscapeVerdictMargin(columnShare)
  const side = (aside.left + aside.right) / 2
  return {
    left: side + (aside.left - side) * room,
    right: side + (aside.right - side) * room,
    ...landscapeVertical,
  }
}

/**
 * The verdict's slide one step on: `slide` (0 set centred … 1 column open) moves towards 1 while
 * the verdict shows and back to 0 once it has gone, taking `verdictSlideSeconds` end to end; at
 * once under reduced motion.
 */
export function stepVerdictSlide(
  slide: number,
  isVerdictShown: boolean,
  deltaSeconds: number,
  isReducedMotion: boolean,
): number {
  const goal = isVerdictShown ? 1 : 0
  if (isReducedMotion) return goal
  const step = Math.max(0, deltaSeconds) / verdictSlideSeconds
  return goal > slide ? Math.min(goal, slide + step) : Math.max(goal, slide - step)
}

/** The column's opening for a slide's progress: eased at both ends, as a camera on a dolly. */
export function verdictRoomOf(slide: number): number {
  const t = Math.min(1, Math.max(0, slide))
  return t * t * (3 - 2 * t)
}

/** Where the camera stands and what it looks at. */
export interface TeaCameraPose {
  readonly position: Vector3
  readonly target: Vector3
}

/**
 * The camera pose that frames the set in `layout` on a screen `aspect` wide: looking down from
 * the layout's elevation, straight up the table (−z), as close as keeps every corner of the set
 * inside the frame with its margin, and centred on it; `verdictRoom` (0–1) is how far the
 * verdict's column (`columnShare` of the width) is open (teaFrameMargins). Pure three maths, no
 * renderer.
 */
export function teaCameraPose(
  layout: TeaSetLayout,
  aspect: number,
  fovDegrees: number,
  verdictRoom: number,
  columnShare: number = verdictColumnShare.wide,
): TeaCameraPose {
  const margin = teaFrameMargins(aspect, verdictRoom, columnShare)
  const elevation = (layout.elevationDegrees * Math.PI) / 180
  const forward = new Vector3(0, -Math.sin(elevation), -Math.cos(elevation))
  const right = new Vector3(1, 0, 0)
  const up = new Vector3(0, Math.cos(elevation), -Math.sin(elevation))
  const tanY = Math.tan((fovDegrees * Math.PI) / 360)
  const tanX = tanY * aspect
  const outline = teaSetOutlineCm(layout)
  const centre = outline
    .reduce((sum, p) => sum.add(p), new Vector3())
    .multiplyScalar(1 / outline.length)
  const position = centre.clone().addScaledVector(forward, -80)
  const offset = new Vector3()
  // Centre the set's picture and scale it to the frame; perspective makes each step a little
  // off, so a few rounds settle it (to well under a pixel).
  for (let round = 0; round < 12; round++) {
    let minX = Infinity
    let maxX = -Infinity
    let minY = Infinity
    let maxY = -Infinity
    for (const p of outline) {
      offset.subVectors(p, position)
      const depth = offset.dot(forward)
      const x = offset.dot(right) / (depth * tanX)
      const y = offset.dot(up) / (depth * tanY)
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
    }
    // The frame the set should fill, in normalised device coordinates (−1 … 1 each way).
    const frameLeft = -1 + margin.left
    const frameRight = 1 - margin.right
    const frameBottom = -1 + margin.bottom
    const frameTop = 1 - margin.top
    const scale = Math.max(
      (maxX - minX) / (frameRight - frameLeft),
      (maxY - minY) / (frameTop - frameBottom),
    )
    // Move so the set's middle lands on the frame's middle once scaled.
    const shiftX = (minX + maxX) / 2 - ((frameLeft + frameRight) / 2) * scale
    const shiftY = (minY + maxY) / 2 - ((frameBottom + frameTop) / 2) * scale
    const centreDepth = offset.subVectors(centre, position).dot(forward)
    position
      .addScaledVector(right, shiftX * centreDepth * tanX)
      .addScaledVector(up, shiftY * centreDepth * tanY)
      .addScaledVector(forward, -centreDepth * (scale - 1))
  }
  const target = position
    .clone()
    .addScaledVector(forward, centre.clone().sub(position).dot(forward))
  return { position, target }
}

/**
 * Lays the set out for a screen `widthPx` × `heightPx` (a tall screen has its own layout, see
 * teaSetLayout.ts) and points `camera` at it, with the verdict's column `verdictRoom` (0–1)
 * open. Called on every resize and through the verdict's slide; it re-lays the set only when
 * the screen's shape changes between wide and tall.
 */
export function frameTeaTable(
  camera: PerspectiveCamera,
  table: TeaTable,
  widthPx: number,
  heightPx: number,
  verdictRoom: number,
): void {
  const aspect = Math.max(1, widthPx) / Math.max(1, heightPx)
  const layout = teaSetLayoutFor(aspect)
  if (table.layout !== layout) layTeaSet(table, layout)
  const columnShare = verdictColumnShareFor(widthPx, heightPx)
  const pose = teaCameraPose(layout, aspect, camera.fov, verdictRoom, columnShare)
  camera.aspect = aspect
  camera.position.copy(pose.position)
  camera.up.set(0, 1, 0)
  camera.lookAt(pose.target)
  camera.updateProjectionMatrix()
  camera.updateMatrixWorld()
}
