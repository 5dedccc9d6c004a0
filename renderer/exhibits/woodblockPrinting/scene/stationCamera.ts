import { PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three'
import type { PrintingPhase } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import { pickOnHorizontalPlane } from '../../../scenes/horizontalPlanePick'
import {
  framedCameraPosition,
  viewWindowInside,
  type BenchBox,
  type OverlayBands,
} from './workbenchFraming'
import { toolRestOffset, toolRowDepth } from './toolLayout'
import { blockBodyDepth, reliefDepth, type WorkshopParts } from './workshopParts'

/** The camera looks down on the bench at this angle below the horizon. */
const cameraElevationRadians = (64 * Math.PI) / 180
/** Air kept above and below the work (留白), as a share of the view's height each side. */
const airShareOfHeight = 0.1
/**
 * A camera position (scene units) this close to where it is going is put there: an exponential
 * ease never arrives, and the picture could not come to rest.
 */
const settledDistanceUnits = 1e-4

/** A box on the canvas in CSS pixels from its top left (for tests, benches and the hint ring). */
export interface ScreenRect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** A canvas's size in CSS pixels (a pointer source's `sizeCssPx`). */
export interface CanvasSize {
  readonly width: number
  readonly height: number
}

/** What of the visit decides the part of the bench a station frames. */
export interface StationFocus {
  readonly phase: PrintingPhase
  /** At 上版: the sample lies face down on the block. */
  readonly isSampleDown: boolean
  /** One fixed view of the whole bench, no camera moves. */
  readonly isReducedMotion: boolean
  /** The view is taller than wide: its width, not its height, bounds how large the work is drawn. */
  readonly isPortrait?: boolean
}

/**
 * The part of the bench a station works on: across, the block with the sheet the visitor works
 * on (the sample on the right, the paper on the left) or the block alone while carving, inking
 * and rubbing; deep, always the sheets and the tools in front, so the camera never moves up or
 * down between stations. With reduced motion, the whole bench.
 */
export function stationWorkArea(parts: WorkshopParts, focus: StationFocus): BenchBox {
  const { faceWidth, faceHeight, marginUnits, paperWidth, sampleWidth, bodyOverhangUnits } = parts
  const blockHalfWidth = faceWidth / 2 + marginUnits
  // The block's body reaches beyond the paper: its edges frame the sheets lying on it.
  const bodyHalfWidth = faceWidth / 2 + bodyOverhangUnits
  const bodyHalfDepth = faceHeight / 2 + bodyOverhangUnits
  const depth = {
    minY: -blockBodyDepth,
    maxY: reliefDepth,
    minZ: -bodyHalfDepth,
    maxZ: bodyHalfDepth + toolRestOffset + toolRowDepth,
  }
  const { phase } = focus
  if (focus.isReducedMotion)
    return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth + sampleWidth, ...depth }
  if (phase === 'write-sample')
    return { minX: blockHalfWidth - marginUnits, maxX: blockHalfWidth + sampleWidth, ...depth }
  if (phase === 'transfer' && !focus.isSampleDown)
    return { minX: -blockHalfWidth, maxX: blockHalfWidth + sampleWidth, ...depth }
  if (phase === 'transfer' || phase === 'carve' || phase === 'ink' || phase === 'rub')
    return { minX: -bodyHalfWidth, maxX: bodyHalfWidth, ...depth }
  // 揭纸: the block and the curl peeling off it, not the whole bench the sheet will lie on
  // (framed to the sheet's full width, the work stood against the right edge of the frame). The
  // tools stay in the frame: framed to the sheet alone, the row was cut off at the frame's foot.
  // In portrait the width bounds the picture: the block and the first of the curl fill it across,
  // instead of the block drawn small with bare bench above and below.
  if (phase === 'lift')
    return {
      minX: -blockHalfWidth - (focus.isPortrait ? 0.05 : 0.45) * paperWidth,
      maxX: bodyHalfWidth,
      ...depth,
    }
  return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth, ...depth }
}

/**
 * The workshop's camera: it frames the part of the bench each station needs inside the view
 * left by the exhibit's overlays, eases between stations, and maps the canvas to the bench and
 * back (pointer picks, screen boxes).
 */
export class StationCamera {
  readonly camera = new PerspectiveCamera(34, 1, 0.05, 40)
  readonly #overlayBands: OverlayBands
  readonly #target = new Vector3()
  readonly #raycaster = new Raycaster()
  readonly #pointerNdc = new Vector2()
  readonly #hit = new Vector3()
  #viewWidthCssPx = 1
  #viewHeightCssPx = 1
  #isPlaced = false

  constructor(overlayBands: OverlayBands | undefined) {
    this.#overlayBands = overlayBands ?? { topCssPx: 0, bottomCssPx: 0, sideCssPx: 0 }
    // The camera only ever moves; it always looks down the bench at the same angle.
    this.camera.rotation.set(-cameraElevationRadians, 0, 0)
  }

  /** The next placement jumps straight to its framing (a new view size, reduced motion toggled). */
  jumpNextPlacement(): void {
    this.#isPlaced = false
  }

  resize(widthCssPx: number, heightCssPx: number): void {
    this.#viewWidthCssPx = Math.max(1, widthCssPx)
    this.#viewHeightCssPx = Math.max(1, heightCssPx)
    this.camera.aspect = this.#viewWidthCssPx / this.#viewHeightCssPx
    this.camera.updateProjectionMatrix()
    this.#isPlaced = false
  }

  /** Frames `workArea`, eased over `deltaSeconds` unless `isInstant` (reduced motion). */
  place(workArea: BenchBox, deltaSeconds: number, isInstant: boolean): void {
    const heightCssPx = this.#viewHeightCssPx
    const air = airShareOfHeight * heightCssPx
    const bands = this.#overlayBands
    framedCameraPosition(
      workArea,
      {
        verticalFovDegrees: this.camera.fov,
        aspect: this.camera.aspect,
        elevationRadians: cameraElevationRadians,
        window: viewWindowInside(this.#viewWidthCssPx, heightCssPx, {
          topCssPx: Math.max(bands.topCssPx, air),
          bottomCssPx: Math.max(bands.bottomCssPx, air),
          sideCssPx: bands.sideCssPx,
        }),
      },
      this.#target,
    )
    const ease = !this.#isPlaced || isInstant ? 1 : 1 - Math.exp(-deltaSeconds * 2.5)
    this.#isPlaced = true
    if (this.camera.position.distanceTo(this.#target) < settledDistanceUnits)
      this.camera.position.copy(this.#target)
    else this.camera.position.lerp(this.#target, ease)
  }

  /**
   * The point under a pointer on the horizontal plane at `surfaceY`, in scene units; the pointer
   * at (`xCssPx`, `yCssPx`) from the top left of a canvas of `sizeCssPx`.
   */
  benchPointAt(
    xCssPx: number,
    yCssPx: number,
    sizeCssPx: CanvasSize | undefined,
    surfaceY: number,
  ): Vector3 | undefined {
    if (!sizeCssPx || sizeCssPx.width === 0 || sizeCssPx.height === 0) return undefined
    this.#pointerNdc.set((xCssPx / sizeCssPx.width) * 2 - 1, -(yCssPx / sizeCssPx.height) * 2 + 1)
    return pickOnHorizontalPlane(
      this.#raycaster,
      this.camera,
      this.#pointerNdc,
      surfaceY,
      this.#hit,
    )
  }

  /** The box on a canvas of `sizeCssPx` that a level rectangle of the bench at height `y` covers now. */
  screenRect(
    sizeCssPx: CanvasSize | undefined,
    minX: number,
    maxX: number,
    minZ: number,
    maxZ: number,
    y: number,
  ): ScreenRect | undefined {
    if (!sizeCssPx || sizeCssPx.width === 0) return undefined
    const xs: number[] = []
    const ys: number[] = []
    for (const [x, z] of [
      [minX, minZ],
      [maxX, minZ],
      [maxX, maxZ],
      [minX, maxZ],
    ] as const) {
      const corner = new Vector3(x, y, z).project(this.camera)
      xs.push(((corner.x + 1) / 2) * sizeCssPx.width)
      ys.push(((1 - corner.y) / 2) * sizeCssPx.height)
    }
    const left = Math.min(...xs)
    const top = Math.min(...ys)
    return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
  }
}
