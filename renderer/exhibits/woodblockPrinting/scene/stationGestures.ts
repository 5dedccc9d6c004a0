import type { Vector3 } from 'three'
import {
  mirrorHorizontally,
  unionRect,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { BrushPoint, BrushStroke } from '../../../../src/exhibits/woodblockPrinting/brushModel'
import type { CarvingTool } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import type { BlockPoint } from '../../../../src/exhibits/woodblockPrinting/coverageField'
import {
  foldDirections,
  foldProgressFromDrag,
  isFoldStation,
  type PrintingPhase,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import { estimateRubPressure } from '../../../../src/exhibits/woodblockPrinting/rubPressure'
import { brushTuningForGlyph } from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import { peelProgressFromPull } from '../../../../src/exhibits/woodblockPrinting/sheetPeel'
import type { SampleWriter } from '../../../../src/exhibits/woodblockPrinting/printSteps'
import { toDisposable, type DisposableStore } from '../../../../src/lifecycle/disposable'
import type {
  ScenePointerInput,
  ScenePointerSample,
  ScenePointerSource,
} from '../../../scenes/scenePointerInput'
import {
  paperFreeEdgeX,
  paperSurfaceY,
  peelGripShareOfSheet,
  placeOnSample,
  sampleLeftX,
  sampleSurfaceY,
} from './sheetPlacement'
import { reliefDepth, type WorkshopParts } from './workshopParts'

/**
 * The rectangles to repaint for the cells one pointer event changed: their union when it is at
 * most half as large again as they are together, else each on its own.
 */
export function repaintRects(changed: readonly CellRect[]): readonly CellRect[] {
  const area = (rect: CellRect) => Math.max(0, rect.x1 - rect.x0) * Math.max(0, rect.y1 - rect.y0)
  const union = changed.reduce<CellRect | undefined>((sum, rect) => unionRect(sum, rect), undefined)
  if (!union) return []
  return area(union) <= 1.5 * changed.reduce((sum, rect) => sum + area(rect), 0) ? [union] : changed
}

/** What the gestures need of the scene that hosts them. */
export interface StationGestureHost {
  /**
   * The point under a pointer (canvas-relative CSS pixels) on the horizontal plane at
   * `surfaceY`, in scene units.
   */
  benchPointAt(xCssPx: number, yCssPx: number, surfaceY: number): Vector3 | undefined
  /** The tool in the visitor's hand at the carving station. */
  carvingTool(): CarvingTool
  /** While the scribe writes, the sheet is his: fingers are ignored. */
  isScribeWriting(): boolean
  /** Size of one written glyph on the block face (the brush is tuned to it). */
  readonly glyphSize: number
  /** A cut changed these cells: the relief, the face and the chips follow. */
  showCut(rect: CellRect): void
  /** The sheet's writing is the sample now (what will be transferred, carved and printed). */
  takeSample(writer: SampleWriter): void
  /** Something the component shows may have changed. */
  changed(): void
  /** While a drag works, tells the component (at most every so often) once it may move on. */
  maybeCanMoveOn(timeMs: number): void
}

/** A finger on the canvas: where it started and was last seen. */
interface ActiveTouch {
  readonly pointerId: number
  readonly startX: number
  lastPoint: BlockPoint | undefined
  /** A brush segment has been laid in this drag (later ones skip the cap they share). */
  hasStroked: boolean
  /** The writing brush's stroke, at the sample station. */
  brush: BrushStroke | undefined
  /** At 揭纸: where across the bench (scene units) the finger took hold of the sheet's free half. */
  peelStartX: number | undefined
}

/**
 * The stations' gestures: turns one finger on the canvas into the printing session's steps —
 * writing with the brush, turning a sheet over, rubbing, cutting, inking, peeling.
 */
export class StationGestures {
  readonly #parts: WorkshopParts
  readonly #host: StationGestureHost
  #pointer: ScenePointerSource | undefined
  #touch: ActiveTouch | undefined

  constructor(parts: WorkshopParts, host: StationGestureHost) {
    this.#parts = parts
    this.#host = host
  }

  /** Whether a finger is on the work now (sheets then follow it exactly, tools stay in hand). */
  get isTouching(): boolean {
    return this.#touch !== undefined
  }

  /**
   * Reads the pointers from `pointer` (which captures a pressed pointer, so a drag that leaves the
   * canvas still ends here); the subscription goes when `owner` is disposed.
   */
  connect(pointer: ScenePointerSource, owner: DisposableStore): void {
    this.#pointer = pointer
    owner.add(
      pointer.subscribe((input) => {
        if (input.kind === 'down') this.#onPointerDown(input)
        else if (input.kind === 'move') this.#onPointerMove(input)
        else this.#onPointerUp(input, input.kind === 'up')
      }),
    )
    owner.add(
      toDisposable(() => {
        this.#pointer = undefined
        this.#touch = undefined
      }),
    )
  }

  /** The point on the block face under a pointer, in block coordinates (may lie outside 0–1). */
  #blockPointAt(xCssPx: number, yCssPx: number, surfaceY: number): BlockPoint | undefined {
    const hit = this.#host.benchPointAt(xCssPx, yCssPx, surfaceY)
    if (!hit) return undefined
    const { faceWidth, faceHeight } = this.#parts
    return { x: hit.x / faceWidth + 0.5, y: hit.z / faceHeight + 0.5 }
  }

  /** The point on the sample under a pointer, in writing space. */
  #writingPointAt(xCssPx: number, yCssPx: number, timeMs: number): BrushPoint | undefined {
    const hit = this.#host.benchPointAt(xCssPx, yCssPx, sampleSurfaceY)
    if (!hit) return undefined
    const { faceHeight } = this.#parts
    return {
      x: (hit.x - sampleLeftX(this.#parts)) / faceHeight,
      y: (hit.z + faceHeight / 2) / faceHeight,
      timeMs,
    }
  }

  #onPointerDown(event: ScenePointerInput): void {
    if (
      this.#touch ||
      this.#host.isScribeWriting() ||
      (event.pointerType === 'mouse' && event.button !== 0)
    )
      return
    const phase = this.#parts.session.phase
    const surfaceY = this.#gestureSurfaceY(phase)
    let brush: BrushStroke | undefined
    if (phase === 'write-sample') {
      const point = this.#writingPointAt(event.xCssPx, event.yCssPx, event.timeStampMs)
      if (point)
        brush = this.#parts.writingSheet.beginStroke(
          point,
          brushTuningForGlyph(this.#host.glyphSize),
        )
    }
    this.#touch = {
      pointerId: event.pointerId,
      startX: event.xCssPx,
      lastPoint: this.#blockPointAt(event.xCssPx, event.yCssPx, surfaceY),
      hasStroked: false,
      brush,
      peelStartX: phase === 'lift' ? this.#peelGripX(event.xCssPx, event.yCssPx) : undefined,
    }
  }

  #onPointerMove(event: ScenePointerInput): void {
    const touch = this.#touch
    if (!touch || event.pointerId !== touch.pointerId) return
    const { session, blockSurface, paperSurface } = this.#parts
    const phase = session.phase
    const samples = event.coalesced
    if (phase === 'lift') {
      this.#peelTo(touch, event)
    } else if (isFoldStation(phase) && session.isFolding) {
      // A fold follows where the finger is now; the path it took there does not matter.
      const spanPx = (this.#pointer?.sizeCssPx.width ?? 1000) * 0.3
      session.foldTo(
        foldProgressFromDrag(event.xCssPx - touch.startX, foldDirections[phase], spanPx),
      )
    } else if (phase === 'write-sample') {
      for (const sample of samples) {
        const point = this.#writingPointAt(sample.xCssPx, sample.yCssPx, sample.timeStampMs)
        if (!point || !touch.brush) continue
        touch.brush.moveTo(point)
        placeOnSample(this.#parts.tools.writingBrush, this.#parts, point.x, point.y)
      }
    } else if (phase === 'transfer' || phase === 'carve' || phase === 'ink' || phase === 'rub') {
      // Every coalesced sample cuts, inks or rubs (a slow frame hides the middle of a stroke in
      // them); the texels and vertices are repainted once for the whole event, and the texels
      // sent to the GPU once a frame (the scene's flushUploads).
      const changed: CellRect[] = []
      for (const sample of samples) {
        const rect = this.#strokeTo(touch, sample, phase)
        if (rect) changed.push(rect)
      }
      for (const rect of repaintRects(changed)) {
        if (phase === 'transfer') this.#parts.sampleRubAway.repaintBlockCells(rect)
        else if (phase === 'carve') this.#host.showCut(rect)
        else if (phase === 'ink') blockSurface.repaintCells(rect)
        else paperSurface.repaintCells(rect)
      }
      this.#host.maybeCanMoveOn(event.timeStampMs)
    }
  }

  /** The height of what a finger works on at `phase`: the sheet it rubs, else the block face. */
  #gestureSurfaceY(phase: PrintingPhase): number {
    if (phase === 'rub' || phase === 'lift') return paperSurfaceY
    if (phase === 'transfer' && this.#parts.session.isSampleDown) return sampleSurfaceY
    return reliefDepth
  }

  /**
   * Where across the bench a finger takes hold of the printed sheet to peel it: only on its free
   * half (the edge and corners away from the edge that stays down), else undefined.
   */
  #peelGripX(xCssPx: number, yCssPx: number): number | undefined {
    const { faceHeight, marginUnits, paperWidth } = this.#parts
    const hit = this.#host.benchPointAt(xCssPx, yCssPx, paperSurfaceY)
    if (!hit) return undefined
    const freeEdgeX = paperFreeEdgeX(this.#parts)
    // A little grace beyond the sheet: a fingertip is wide and the edge is thin.
    const graceUnits = 0.05
    const isOnFreeHalf =
      hit.x >= freeEdgeX - peelGripShareOfSheet * paperWidth &&
      hit.x <= freeEdgeX + graceUnits &&
      Math.abs(hit.z) <= faceHeight / 2 + marginUnits + graceUnits
    return isOnFreeHalf ? hit.x : undefined
  }

  /** 揭纸: the sheet peels as far as the finger has pulled its free edge back over it. */
  #peelTo(touch: ActiveTouch, event: ScenePointerSample): void {
    if (touch.peelStartX === undefined) return
    const hit = this.#host.benchPointAt(event.xCssPx, event.yCssPx, paperSurfaceY)
    if (!hit) return
    this.#parts.session.foldTo(
      peelProgressFromPull(touch.peelStartX - hit.x, this.#parts.paperWidth),
    )
  }

  /** Cuts, inks or rubs from the touch's last point to `sample`'s; returns the cells changed. */
  #strokeTo(
    touch: ActiveTouch,
    sample: ScenePointerSample,
    phase: 'transfer' | 'carve' | 'ink' | 'rub',
  ): CellRect | undefined {
    const { session, tools, faceWidth, faceHeight } = this.#parts
    const carvingTool = this.#host.carvingTool()
    const surfaceY = this.#gestureSurfaceY(phase)
    const point = this.#blockPointAt(sample.xCssPx, sample.yCssPx, surfaceY)
    let changed: CellRect | undefined
    if (point) {
      const from = touch.lastPoint ?? point
      const tool =
        phase === 'carve'
          ? carvingTool === 'knife'
            ? tools.knife
            : tools.chisel
          : phase === 'ink'
            ? tools.inkBrush
            : tools.rubbingPad
      tool.position.set((point.x - 0.5) * faceWidth, surfaceY + 0.004, (point.y - 0.5) * faceHeight)
      if (phase === 'transfer') {
        changed = session.transferStroke(from, point, touch.hasStroked)
      } else if (phase === 'carve') {
        changed = session.carveStroke(from, point, carvingTool)
      } else if (phase === 'ink') {
        changed = session.inkStroke(from, point, touch.hasStroked)
      } else {
        const pressure = estimateRubPressure({ pointerPressure: sample.pressure })
        changed = session.rubStroke(from, point, pressure, touch.hasStroked)
      }
      touch.hasStroked = true
    }
    touch.lastPoint = point
    return changed
  }

  #onPointerUp(event: ScenePointerInput, isRelease: boolean): void {
    const touch = this.#touch
    if (!touch || event.pointerId !== touch.pointerId) return
    // No capture to release: the browser releases a captured pointer as it lifts.
    this.#touch = undefined
    const { session, paperSurface, blockSurface } = this.#parts
    const phase = session.phase
    if (phase === 'transfer' && session.isSampleDown) {
      // Rubbed through enough: what is left of the sample comes away (see the scene's update).
      if (isRelease) session.releaseTransferRub()
    } else if (isFoldStation(phase)) {
      if (!isRelease) session.foldTo(0)
      const isLift = phase === 'lift'
      const hasTaken = session.releaseFold()
      // The sample lies face down: its writing is on the pasted wood, shown where it is rubbed off.
      if (hasTaken && phase === 'transfer') blockSurface.showWriting(true)
      if (hasTaken && isLift && session.print) {
        paperSurface.showPrint(mirrorHorizontally(session.print.sheet))
      }
    } else if (phase === 'write-sample' && touch.brush) {
      touch.brush.lift()
      this.#parts.writingSheet.flush()
      this.#host.takeSample('visitor')
    }
    this.#host.changed()
  }
}
