import { PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import {
  bowlHeightCm,
  bowlRimRadiusCm,
} from '../../../../../renderer/exhibits/teaWhisking/scene/bowlProfile'
import {
  stepVerdictSlide,
  teaCameraPose,
  teaFrameMargins,
  verdictColumnShare,
  verdictColumnShareFor,
  verdictRoomOf,
  verdictSlideSeconds,
} from '../../../../../renderer/exhibits/teaWhisking/scene/teaTableFraming'
import {
  landscapeTeaSet,
  portraitTeaSet,
  teaSetLayoutFor,
  teaSetOutlineCm,
  type TeaSetLayout,
} from '../../../../../renderer/exhibits/teaWhisking/scene/teaSetLayout'

/** The tea stage's canvas at the three screen sizes (the page's frame takes the rest). */
const stages = {
  '1920×1080': { width: 1836, height: 876 },
  '1280×800': { width: 1196, height: 596 },
  '1080×1920': { width: 1000, height: 1610 },
}
const fovDegrees = 32
/** What the scene's hit tests use (teaTableMeshes.ts). */
const ewerReachCm = 5.5
const caddyReachCm = 4
/** Height of the bowl's rim above the table: stand seat + bowl (teaTableMeshes.ts). */
const rimTopCm = 2.4 - 0.55 + bowlHeightCm

/** The camera for `layout`, its verdict column `verdictRoom` open (0 none, while whisking). */
function cameraFor(
  layout: TeaSetLayout,
  aspect: number,
  verdictRoom = 0,
  columnShare: number = verdictColumnShare.wide,
): PerspectiveCamera {
  const camera = new PerspectiveCamera(fovDegrees, aspect, 1, 400)
  const pose = teaCameraPose(layout, aspect, fovDegrees, verdictRoom, columnShare)
  camera.position.copy(pose.position)
  camera.lookAt(pose.target)
  camera.updateProjectionMatrix()
  camera.updateMatrixWorld()
  return camera
}

/** A world point in canvas pixels, y down. */
function toScreen(camera: PerspectiveCamera, size: { width: number; height: number }, p: Vector3) {
  const ndc = p.clone().project(camera)
  return { x: ((ndc.x + 1) / 2) * size.width, y: ((1 - ndc.y) / 2) * size.height }
}

/** A hit circle as the scene measures it: `reachCm` along x, projected at the piece. */
function hitCircle(
  camera: PerspectiveCamera,
  size: { width: number; height: number },
  centre: Vector3,
  reachCm: number,
) {
  const c = toScreen(camera, size, centre)
  const edge = toScreen(camera, size, centre.clone().add(new Vector3(reachCm, 0, 0)))
  return { ...c, radius: Math.abs(edge.x - c.x) }
}

describe('the tea table framed for the screen’s shape', () => {
  it('lays the set out in a row on a wide screen and up the picture on a tall one', () => {
    expect(teaSetLayoutFor(stages['1920×1080'].width / stages['1920×1080'].height)).toBe(
      landscapeTeaSet,
    )
    expect(teaSetLayoutFor(stages['1280×800'].width / stages['1280×800'].height)).toBe(
      landscapeTeaSet,
    )
    expect(teaSetLayoutFor(stages['1080×1920'].width / stages['1080×1920'].height)).toBe(
      portraitTeaSet,
    )
  })

  it.each(Object.entries(stages))(
    'keeps every piece of the set inside the frame at %s',
    (_, size) => {
      const aspect = size.width / size.height
      const layout = teaSetLayoutFor(aspect)
      const camera = cameraFor(layout, aspect)
      for (const corner of teaSetOutlineCm(layout)) {
        const ndc = corner.clone().project(camera)
        expect(Math.abs(ndc.x)).toBeLessThanOrEqual(1)
        expect(Math.abs(ndc.y)).toBeLessThanOrEqual(1)
      }
    },
  )

  it('lets the set fill most of a portrait frame: at least 85 % of its height and 80 % of its width', () => {
    const size = stages['1080×1920']
    const aspect = size.width / size.height
    const camera = cameraFor(portraitTeaSet, aspect)
    const ndc = teaSetOutlineCm(portraitTeaSet).map((p) => p.clone().project(camera))
    const span = (values: number[]) => (Math.max(...values) - Math.min(...values)) / 2
    expect(span(ndc.map((p) => p.y))).toBeGreaterThanOrEqual(0.85)
    expect(span(ndc.map((p) => p.x))).toBeGreaterThanOrEqual(0.8)
  })

  it.each([stages['1920×1080'], stages['1280×800']])(
    'on a wide screen, once the verdict shows, keeps every piece of the set out of its card’s column (%o)',
    (size) => {
      const aspect = size.width / size.height
      const share = verdictColumnShareFor(size.width, size.height)
      const camera = cameraFor(landscapeTeaSet, aspect, 1, share)
      const leftmostPx = Math.min(
        ...teaSetOutlineCm(landscapeTeaSet).map((p) => toScreen(camera, size, p).x),
      )
      // The card spans the column TeaExhibit.vue gives it; the caddy and whisk stand right of it.
      expect(leftmostPx / size.width).toBeGreaterThan(share)
    },
  )

  it.each([stages['1920×1080'], stages['1280×800']])(
    'on a wide screen stands the set in the middle while there is no verdict, then slides it aside at the same size (%o)',
    (size) => {
      const aspect = size.width / size.height
      const span = (verdictRoom: number) => {
        const camera = cameraFor(landscapeTeaSet, aspect, verdictRoom)
        const xs = teaSetOutlineCm(landscapeTeaSet).map((p) => toScreen(camera, size, p).x)
        return { left: Math.min(...xs), right: Math.max(...xs) }
      }
      const centred = span(0)
      const aside = span(1)
      // Centred: as much free table left of the set as right of it (within 1 % of the width).
      expect(Math.abs(centred.left - (size.width - centred.right)) / size.width).toBeLessThan(0.01)
      // Aside: the set has moved right by a good part of the column, and kept its size.
      expect(aside.left - centred.left).toBeGreaterThan(size.width * 0.12)
      expect(aside.right - aside.left).toBeCloseTo(centred.right - centred.left, -1)
      // Halfway, it is on its way.
      const halfway = span(0.5)
      expect(halfway.left).toBeGreaterThan(centred.left + 10)
      expect(halfway.left).toBeLessThan(aside.left - 10)
    },
  )

  it('gives the verdict a wider column on a short wide stage (1280×800), where its two languages need the width', () => {
    const short = stages['1280×800']
    const large = stages['1920×1080']
    const tall = stages['1080×1920']
    expect(verdictColumnShareFor(large.width, large.height)).toBe(verdictColumnShare.wide)
    expect(verdictColumnShareFor(short.width, short.height)).toBeGreaterThan(
      verdictColumnShare.wide,
    )
    expect(verdictColumnShareFor(tall.width, tall.height)).toBe(verdictColumnShare.tall)
  })

  it('in portrait, once the verdict shows, steps the set down from the card above it, every piece still in the frame', () => {
    const size = stages['1080×1920']
    const aspect = size.width / size.height
    const share = verdictColumnShareFor(size.width, size.height)
    const farRimY = (verdictRoom: number) =>
      toScreen(
        cameraFor(portraitTeaSet, aspect, verdictRoom, share),
        size,
        new Vector3(0, rimTopCm, -bowlRimRadiusCm),
      ).y
    // The card (top left) needs about a tenth of the stage more above the bowl.
    expect(farRimY(1) - farRimY(0)).toBeGreaterThan(size.height * 0.05)
    const camera = cameraFor(portraitTeaSet, aspect, 1, share)
    for (const corner of teaSetOutlineCm(portraitTeaSet)) {
      const ndc = corner.clone().project(camera)
      expect(Math.abs(ndc.x)).toBeLessThanOrEqual(1)
      expect(Math.abs(ndc.y)).toBeLessThanOrEqual(1)
    }
  })

  it('moves only the sides of a wide frame for the verdict, keeping their sum', () => {
    expect(teaFrameMargins(2, 0).left).toBeCloseTo(teaFrameMargins(2, 0).right, 6)
    expect(teaFrameMargins(2, 1).left).toBeGreaterThan(teaFrameMargins(2, 1).right)
    expect(teaFrameMargins(2, 1).left + teaFrameMargins(2, 1).right).toBeCloseTo(
      teaFrameMargins(2, 0).left + teaFrameMargins(2, 0).right,
      6,
    )
  })

  it('slides over verdictSlideSeconds, eased at both ends, back when the verdict goes, and at once under reduced motion', () => {
    let slide = 0
    const frameSeconds = 1 / 60
    let frames = 0
    while (slide < 1 && frames < 1000) {
      slide = stepVerdictSlide(slide, true, frameSeconds, false)
      frames++
    }
    expect(frames * frameSeconds).toBeCloseTo(verdictSlideSeconds, 1)
    expect(verdictRoomOf(0.1)).toBeLessThan(0.1)
    expect(verdictRoomOf(0.5)).toBeCloseTo(0.5, 6)
    expect(verdictRoomOf(0.9)).toBeGreaterThan(0.9)
    expect(stepVerdictSlide(1, false, 0.3, false)).toBeCloseTo(1 - 0.3 / verdictSlideSeconds, 6)
    expect(stepVerdictSlide(0, true, frameSeconds, true)).toBe(1)
    expect(stepVerdictSlide(1, false, frameSeconds, true)).toBe(0)
    // At rest it stays put (the scene then draws nothing new).
    expect(stepVerdictSlide(0, false, 0.5, false)).toBe(0)
    expect(stepVerdictSlide(1, true, 0.5, false)).toBe(1)
  })

  it('in portrait stands the ewer clear above the bowl’s far rim, its spout included', () => {
    const size = stages['1080×1920']
    const camera = cameraFor(portraitTeaSet, size.width / size.height)
    const farRim = toScreen(camera, size, new Vector3(0, rimTopCm, -bowlRimRadiusCm))
    const ewer = portraitTeaSet.ewerHome
    // The ewer's lowest front edge, and the spout's tip (teaTableMeshes.ts: (−8.9, 12.4) from
    // the ewer's foot), are higher in the picture than the far rim.
    const foot = toScreen(camera, size, ewer.clone().add(new Vector3(0, 0, 4)))
    const spoutTip = toScreen(camera, size, ewer.clone().add(new Vector3(-8.9, 12.4, 0)))
    expect(foot.y).toBeLessThan(farRim.y)
    expect(spoutTip.y).toBeLessThan(farRim.y - 40)
  })

  it.each(Object.entries(stages))(
    'keeps the ewer’s and the caddy’s touch circles off the bowl at %s (a stirring finger cannot catch them)',
    (_, size) => {
      const aspect = size.width / size.height
      const layout = teaSetLayoutFor(aspect)
      const camera = cameraFor(layout, aspect)
      const ewer = hitCircle(
        camera,
        size,
        layout.ewerHome.clone().add(new Vector3(0, 6, 0)),
        ewerReachCm,
      )
      const caddy = hitCircle(
        camera,
        size,
        layout.caddy.clone().add(new Vector3(0, 2, 0)),
        caddyReachCm,
      )
      // Every point of the rim a finger stirring or pouring may reach.
      for (let i = 0; i < 64; i++) {
        const angle = (i / 64) * 2 * Math.PI
        const rim = toScreen(
          camera,
          size,
          new Vector3(
            Math.cos(angle) * bowlRimRadiusCm,
            rimTopCm - 0.6,
            Math.sin(angle) * bowlRimRadiusCm,
          ),
        )
        for (const [name, circle] of [
          ['ewer', ewer],
          ['caddy', caddy],
        ] as const) {
          const gapPx = Math.hypot(rim.x - circle.x, rim.y - circle.y) - circle.radius
          expect(gapPx, `${name} at rim angle ${i}/64`).toBeGreaterThan(8)
        }
      }
    },
  )
})
