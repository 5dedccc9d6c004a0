import { type Object3D, PerspectiveCamera, Raycaster, type Scene, Vector2, Vector3 } from 'three'
import {
  mirrorHorizontally,
  unionRect,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import type { BrushPoint, BrushStroke } from '../../../../src/exhibits/woodblockPrinting/brushModel'
import type { CarvingTool } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import type { BlockPoint } from '../../../../src/exhibits/woodblockPrinting/coverageField'
import type { SessionPrint } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { SampleWriter } from '../../../../src/exhibits/woodblockPrinting/printSteps'
import {
  foldDirections,
  foldProgressFromDrag,
  isFoldStation,
  type PrintingPhase,
  type PrintingSessionListener,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import { estimateRubPressure } from '../../../../src/exhibits/woodblockPrinting/rubPressure'
import { peelProgressFromPull } from '../../../../src/exhibits/woodblockPrinting/sheetPeel'
import {
  brushTuningForGlyph,
  scribeStrokes,
} from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import { DisposableStore, toDisposable } from '../../../../src/lifecycle/disposable'
import { listenOnCanvas } from '../../../scenes/canvasListener'
import type { ExhibitScene, ExhibitSceneFactory, SceneContext } from '../../../scenes/exhibitScene'
import { pickOnHorizontalPlane } from '../../../scenes/horizontalPlanePick'
import { carvingAspect, drawPlum, type CarvingSource } from './carvingSource'
import { PictureSnapshot } from './pictureSnapshot'
import {
  framedCameraPosition,
  viewWindowInside,
  type BenchBox,
  type OverlayBands,
} from './workbenchFraming'
import { brushRestHeight } from './benchTools'
import {
  blockBodyDepth,
  buildWorkshop,
  reliefDepth,
  scribeStrokeData,
  wetInkSpecular,
  type WorkshopParts,
} from './workshopParts'

/** How long what is left of the sample's paper takes to come away once 上版 is done, in seconds. */
const sampleRubOffSeconds = 1.4
/** Height above the block face of the sheets the visitor rubs (the sample at 上版, the paper at 刷印). */
const sampleSurfaceY = reliefDepth + 0.004
const paperSurfaceY = reliefDepth + 0.008
/** A peel starts only from the sheet's free half (its edge and corners), as a hand lifts paper. */
const peelGripShareOfSheet = 0.5
/** How long the master takes to clear the ground the visitor left. */
const masterCarveSeconds = 2.2
/** How long the ink left on the block takes to dry matte once the print is lifted. */
const inkDryingSeconds = 8
/** The camera looks down on the bench at this angle below the horizon. */
const cameraElevationRadians = (64 * Math.PI) / 180
/** Air kept above and below the work (留白), as a share of the view's height each side. */
const airShareOfHeight = 0.1
/** How far in front of the block face the tools' tips rest, and how deep their row is, in scene units. */
const toolRestOffset = 0.05
const toolRowDepth = 0.27
/**
 * An eased angle (radians) or camera position (scene units) this close to where it is going is
 * put there: an exponential ease never arrives, and the picture could not come to rest.
 */
const settledAngleRadians = 1e-4
const settledDistanceUnits = 1e-4

/** Whether the printing paper lies on the bench at `phase` (from 覆纸 on). */
function isPaperOut(phase: PrintingPhase): boolean {
  return phase === 'lay-paper' || phase === 'rub' || phase === 'lift' || phase === 'printed'
}

/** What the exhibit component hears from the scene. */
export interface WoodblockSceneListener extends PrintingSessionListener {
  /** Something the component shows changed (phase, whether the visitor may move on). */
  changed?(scene: WoodblockScene): void
}

export interface WoodblockSceneOptions {
  readonly block: CarvingSource
  readonly listener: WoodblockSceneListener
  /** The exhibit's controls over the edges of the view, which the framed work must stay clear of. */
  readonly overlayBands?: OverlayBands
}

/** A box on the canvas in CSS pixels from its top left (for tests, benches and the hint ring). */
export interface ScreenRect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/**
 * The woodblock workshop: a sample sheet the visitor writes on, a pear-wood block they carve, ink,
 * paper, and the tools on the bench. Building it has no side effects; `connect` adds the touch
 * listeners.
 */
export function woodblockSceneFactory(
  options: WoodblockSceneOptions,
): ExhibitSceneFactory<WoodblockScene> {
  return async (context) => {
    const store = new DisposableStore()
    try {
      // The scene exists only once built; the session's callbacks before that go nowhere.
      const built: { scene?: WoodblockScene } = {}
      const { listener } = options
      const parts = await buildWorkshop(
        options.block,
        {
          stationActive: (id) => {
            built.scene?.onStationActive(id)
            listener.stationActive?.(id)
          },
          stationComplete: (id) => listener.stationComplete?.(id),
          printed: (result) => listener.printed?.(result),
        },
        context,
        store,
      )
      built.scene = new WoodblockScene(parts, options, context, store)
      return built.scene
    } catch (error) {
      store.dispose()
      throw error
    }
  }
}

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

/** A finger on the canvas: where it started and was last seen. */
interface ActiveTouch {
  readonly pointerId: number
  readonly startX: number
  readonly startY: number
  lastPoint: BlockPoint | undefined
  /** A brush segment has been laid in this drag (later ones skip the cap they share). */
  hasStroked: boolean
  lastX: number
  lastY: number
  lastTimeMs: number
  /** The writing brush's stroke, at the sample station. */
  brush: BrushStroke | undefined
  /** At 揭纸: where across the bench (scene units) the finger took hold of the sheet's free half. */
  peelStartX: number | undefined
}

/** The scribe writing the sample: strokes left to trace and the time into them. */
interface ScribePlayback {
  readonly strokes: BrushPoint[][]
  strokeIndex: number
  pointIndex: number
  elapsedMs: number
  brush: BrushStroke | undefined
}

/** The woodblock workshop scene (see {@link woodblockSceneFactory}). */
export class WoodblockScene implements ExhibitScene {
  readonly scene: Scene
  readonly camera = new PerspectiveCamera(34, 1, 0.05, 40)
  readonly #parts: WorkshopParts
  readonly #listener: WoodblockSceneListener
  readonly #store: DisposableStore
  readonly #raycaster = new Raycaster()
  readonly #pointerNdc = new Vector2()
  readonly #hit = new Vector3()
  readonly #cameraTarget = new Vector3()
  readonly #overlayBands: OverlayBands
  readonly #glyphSize: number
  readonly #writingAspect: number
  #isReducedMotion: boolean
  #canvas: HTMLCanvasElement | undefined
  #touch: ActiveTouch | undefined
  #scribe: ScribePlayback | undefined
  #carvingTool: CarvingTool = 'chisel'
  /** 0 while the sample lies on the block, 1 once rubbed off (the reversed writing remains). */
  #rubOffProgress = 0
  #lastCanMoveOn = false
  #lastMoveOnCheckMs = 0
  #viewWidthCssPx = 1
  #viewHeightCssPx = 1
  #isCameraPlaced = false
  /** 0 while the ink on the block is wet, 1 once it has dried matte. */
  #inkDryness = 0
  /** What the last update left on screen, to tell the host when nothing changed (render on demand). */
  readonly #picture = new PictureSnapshot()
  #isAtRest = false
  /** How far the printing paper is shown peeled (follows the session's fold, eased when let go). */
  #peelShown = 0

  constructor(
    parts: WorkshopParts,
    options: WoodblockSceneOptions,
    context: SceneContext,
    store: DisposableStore,
  ) {
    this.scene = parts.scene
    this.#parts = parts
    this.#listener = options.listener
    this.#overlayBands = options.overlayBands ?? { topCssPx: 0, bottomCssPx: 0, sideCssPx: 0 }
    this.#isReducedMotion = context.isReducedMotion
    this.#store = store
    const layout = parts.isMotif ? undefined : layoutBlockText(options.block.text)
    this.#glyphSize = layout?.glyphs[0]?.size ?? 0.6
    this.#writingAspect = carvingAspect(options.block)
    // The camera only ever moves; it always looks down the bench at the same angle.
    this.camera.rotation.set(-cameraElevationRadians, 0, 0)
    this.#restTools()
  }

  /** Reduced motion (may change mid-visit): one fixed view, no camera moves, instant scribe. */
  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    this.#isCameraPlaced = false
    if (isReducedMotion && this.#scribe) this.#playScribe(Number.POSITIVE_INFINITY)
  }

  /** Where the visitor is: a station id, or `printed`. */
  get phase(): PrintingPhase {
    return this.#parts.session.phase
  }

  /** Whether the visitor may finish the current station with its one control. */
  get canMoveOn(): boolean {
    if (this.#scribe) return false
    return this.#parts.session.canMoveOn
  }

  /** The tool in the visitor's hand at the carving station. */
  get carvingTool(): CarvingTool {
    return this.#carvingTool
  }

  /** Share of the ground cleared, 0–1. */
  get clearedFraction(): number {
    return this.#parts.session.carving.clearedFraction
  }

  get isMasterCarving(): boolean {
    return this.#parts.session.isMasterCarving
  }

  /** At 上版: whether the sample lies face down on the block, its back to be rubbed off. */
  get isSampleDown(): boolean {
    return this.#parts.session.isSampleDown
  }

  /** Whether the scribe is writing now. */
  get isScribeWriting(): boolean {
    return this.#scribe !== undefined
  }

  get print(): SessionPrint | undefined {
    return this.#parts.session.print
  }

  /** Bytes of texture data this scene made. */
  get textureBytes(): number {
    return this.#parts.textureBytes
  }

  setCarvingTool(tool: CarvingTool): void {
    this.#carvingTool = tool
    this.#restTools()
  }

  /** Where the block face is on the canvas now. */
  blockScreenRect(): ScreenRect | undefined {
    const { faceWidth, faceHeight } = this.#parts
    return this.#screenRect(
      -faceWidth / 2,
      faceWidth / 2,
      -faceHeight / 2,
      faceHeight / 2,
      reliefDepth,
    )
  }

  /** Where the sample's writing area is on the canvas now (while it lies flat on the right). */
  sampleScreenRect(): ScreenRect | undefined {
    const { faceWidth, faceHeight, marginUnits } = this.#parts
    const left = faceWidth / 2 + 2 * marginUnits
    return this.#screenRect(
      left,
      left + faceWidth,
      -faceHeight / 2,
      faceHeight / 2,
      reliefDepth + 0.004,
    )
  }

  /** The thing the station's hint points at: the sheet to write on or drag, the block, the paper. */
  hintTargetRect(): ScreenRect | undefined {
    const { faceWidth, faceHeight, marginUnits, paperWidth } = this.#parts
    switch (this.phase) {
      case 'write-sample':
        return this.sampleScreenRect()
      case 'transfer':
        return this.isSampleDown ? this.blockScreenRect() : this.sampleScreenRect()
      case 'lift': {
        // The sheet's free edge, where the hand takes hold to peel it.
        const right = faceWidth / 2 + marginUnits
        return this.#screenRect(
          right - peelGripShareOfSheet * paperWidth,
          right,
          -faceHeight / 2 - marginUnits,
          faceHeight / 2 + marginUnits,
          paperSurfaceY,
        )
      }
      case 'lay-paper': {
        const right = -faceWidth / 2 - marginUnits
        return this.#screenRect(
          right - paperWidth,
          right,
          -faceHeight / 2,
          faceHeight / 2,
          reliefDepth,
        )
      }
      case 'printed':
        return undefined
      default:
        return this.blockScreenRect()
    }
  }

  /** The one control: finishes the sample, ink or rub; at the carve station, calls the master. */
  moveOn(): boolean {
    if (!this.canMoveOn) return false
    const isDone = this.#parts.session.moveOn()
    this.#notifyChanged()
    return isDone
  }

  /**
   * The scribe writes the sample (for visitors who would rather watch): stroke by stroke from the
   * stroke data, at once under reduced motion. The plum is drawn whole.
   */
  scribeWrite(): void {
    const { session, writingSheet, isMotif } = this.#parts
    if (session.phase !== 'write-sample') return
    writingSheet.clearWriting()
    if (isMotif) {
      writingSheet.drawWriting(drawPlum)
      this.#takeSample('scribe')
      return
    }
    const layout = layoutBlockText(this.#parts.blockText)
    this.#scribe = {
      strokes: scribeStrokes(layout.glyphs, scribeStrokeData, this.#writingAspect),
      strokeIndex: 0,
      pointIndex: 0,
      elapsedMs: 0,
      brush: undefined,
    }
    if (this.#isReducedMotion) this.#playScribe(Number.POSITIVE_INFINITY)
    this.#notifyChanged()
  }

  /** Called by the session as each station opens. */
  onStationActive(id: PrintingPhase): void {
    const { blockSurface, carvedRelief, session, printRelief, paperSurface } = this.#parts
    if (id === 'transfer') {
      // The sample as finally written: the block and its relief follow it.
      blockSurface.setCarving(session.carving)
      carvedRelief.setDepth(session.carving.depth)
    } else if (id === 'carve') {
      blockSurface.showWriting(true)
    } else if (id === 'ink') {
      printRelief.data.set(session.carving.relief().data)
      paperSurface.repaintCells({ x0: 0, y0: 0, x1: printRelief.width, y1: printRelief.height })
    }
    this.#restTools()
  }

  connect(canvas: HTMLCanvasElement): void {
    this.#canvas = canvas
    const listen = <K extends keyof HTMLElementEventMap>(
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
    ) => listenOnCanvas(this.#store, canvas, type, handler)
    listen('pointerdown', (event) => this.#onPointerDown(event))
    listen('pointermove', (event) => this.#onPointerMove(event))
    listen('pointerup', (event) => this.#onPointerUp(event, true))
    listen('pointercancel', (event) => this.#onPointerUp(event, false))
    this.#store.add(toDisposable(() => (this.#canvas = undefined)))
    this.#parts.session.start()
    this.#notifyChanged()
  }

  update(deltaSeconds: number): void {
    const parts = this.#parts
    const { session } = parts
    const phase = session.phase
    const ease = this.#isReducedMotion ? 1 : 1 - Math.exp(-deltaSeconds * 7)

    if (this.#scribe) this.#playScribe(deltaSeconds * 1000)
    parts.writingSheet.flush()

    // The sample turns over onto the block, then is rubbed off, leaving its writing reversed.
    const sampleAngle =
      phase === 'write-sample' ? 0 : phase === 'transfer' ? session.foldProgress * Math.PI : Math.PI
    parts.sampleHinge.rotation.z = this.#follow(
      parts.sampleHinge.rotation.z,
      sampleAngle,
      ease,
      phase === 'transfer',
    )
    if (phase !== 'write-sample' && phase !== 'transfer' && parts.sampleHinge.visible) {
      this.#rubOffProgress = this.#isReducedMotion
        ? 1
        : Math.min(1, this.#rubOffProgress + deltaSeconds / sampleRubOffSeconds)
      parts.sampleMaterial.opacity = 1 - this.#rubOffProgress
      if (this.#rubOffProgress >= 1) parts.sampleHinge.visible = false
    }

    if (session.isMasterCarving) {
      const rows = this.#isReducedMotion
        ? Number.POSITIVE_INFINITY
        : (session.carving.height * deltaSeconds) / masterCarveSeconds
      const rect = session.masterCarve(rows)
      if (rect) this.#showCut(rect)
      if (!session.isMasterCarving) this.#notifyChanged()
    }
    parts.chips.update(this.#isReducedMotion ? 10 : deltaSeconds, 0)

    this.#updatePaper(ease)
    // The paper is brought out when it is needed: before that it would only lie half out of the
    // frame beside the sample and the block.
    parts.paperHinge.visible = isPaperOut(phase)
    // Once the print is lifted the ink left on the block dries from gloss to matte.
    if (phase === 'printed' && this.#inkDryness < 1) {
      this.#inkDryness = this.#isReducedMotion
        ? 1
        : Math.min(1, this.#inkDryness + deltaSeconds / inkDryingSeconds)
      parts.reliefMaterial.specular.copy(wetInkSpecular).multiplyScalar(1 - this.#inkDryness)
    }

    if (!this.#touch) this.#restTools()
    this.#placeCamera(deltaSeconds)
    const isRepainted = this.#flushUploads()
    // Render on demand: nothing moved, nothing was repainted, so the last frame still stands.
    const isMoved = this.#picture.changedSinceLastRead(this.scene, this.camera)
    this.#isAtRest = !isMoved && !isRepainted
  }

  /**
   * Sends the texels the strokes and cuts since the last frame repainted, one rectangle at a
   * time (never whole textures); whether there were any.
   */
  #flushUploads(): boolean {
    const { blockSurface, carvedRelief, paperSurface, sampleRubAway, texelUploader } = this.#parts
    const isBlockSent = blockSurface.flushUploads(texelUploader)
    const isReliefSent = carvedRelief.flushUploads(texelUploader)
    const isPaperSent = paperSurface.flushUploads(texelUploader)
    const isSampleSent = sampleRubAway.flushUploads(texelUploader)
    return isBlockSent || isReliefSent || isPaperSent || isSampleSent
  }

  /**
   * Whether the last update left the picture as it was (see `ExhibitScene.isAtRest`): no sheet,
   * tool, chip or camera moved and no texel or vertex was repainted. The host then skips the
   * frame, which on a software rasteriser costs as much still as moving.
   */
  isAtRest(): boolean {
    return this.#isAtRest
  }

  /**
   * The printing paper: waiting on the left, turned over onto the block (覆纸), flat while rubbed,
   * then peeled off from its free edge (揭纸): it bends over a curl that follows the finger and
   * springs back flat when let go short of the way.
   */
  #updatePaper(ease: number): void {
    const { session, paperHinge, paperPeel } = this.#parts
    const phase = session.phase
    const fold = session.foldProgress
    const isOnBlock = phase === 'rub' || phase === 'lift' || phase === 'printed'
    const paperAngle = phase === 'lay-paper' ? (1 - fold) * Math.PI : isOnBlock ? 0 : Math.PI
    paperHinge.rotation.z = this.#follow(
      paperHinge.rotation.z,
      paperAngle,
      ease,
      phase === 'lay-paper',
    )
    const peelTarget = phase === 'lift' ? fold : phase === 'printed' ? 1 : 0
    this.#peelShown = this.#follow(this.#peelShown, peelTarget, ease, phase === 'lift')
    paperPeel.setProgress(this.#peelShown)
    paperPeel.followTurn(paperHinge.rotation.z)
  }

  resize(widthCssPx: number, heightCssPx: number): void {
    this.#viewWidthCssPx = Math.max(1, widthCssPx)
    this.#viewHeightCssPx = Math.max(1, heightCssPx)
    this.camera.aspect = this.#viewWidthCssPx / this.#viewHeightCssPx
    this.camera.updateProjectionMatrix()
    this.#isCameraPlaced = false
    this.#placeCamera(0)
  }

  dispose(): void {
    this.#touch = undefined
    this.#scribe = undefined
    this.#store.dispose()
  }

  #screenRect(
    minX: number,
    maxX: number,
    minZ: number,
    maxZ: number,
    y: number,
  ): ScreenRect | undefined {
    const canvas = this.#canvas
    if (!canvas || canvas.clientWidth === 0) return undefined
    const xs: number[] = []
    const ys: number[] = []
    for (const [x, z] of [
      [minX, minZ],
      [maxX, minZ],
      [maxX, maxZ],
      [minX, maxZ],
    ] as const) {
      const corner = new Vector3(x, y, z).project(this.camera)
      xs.push(((corner.x + 1) / 2) * canvas.clientWidth)
      ys.push(((1 - corner.y) / 2) * canvas.clientHeight)
    }
    const left = Math.min(...xs)
    const top = Math.min(...ys)
    return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
  }

  /** Traces the scribe's strokes `elapsedMs` further. */
  #playScribe(elapsedMs: number): void {
    const scribe = this.#scribe
    if (!scribe) return
    scribe.elapsedMs += elapsedMs
    const tuning = brushTuningForGlyph(this.#glyphSize)
    const { writingSheet, tools } = this.#parts
    while (scribe.strokeIndex < scribe.strokes.length) {
      const stroke = scribe.strokes[scribe.strokeIndex]!
      const point = stroke[scribe.pointIndex]
      if (!point || point.timeMs > scribe.elapsedMs) {
        if (point) break
        scribe.brush?.lift()
        scribe.brush = undefined
        scribe.strokeIndex++
        scribe.pointIndex = 0
        continue
      }
      if (!scribe.brush) scribe.brush = writingSheet.beginStroke(point, tuning)
      else scribe.brush.moveTo(point)
      this.#placeOnSample(tools.writingBrush, point.x, point.y)
      scribe.pointIndex++
    }
    if (scribe.strokeIndex >= scribe.strokes.length) {
      this.#scribe = undefined
      this.#takeSample('scribe')
    }
  }

  /** Hands the sheet's writing to the session (what will be transferred, carved and printed). */
  #takeSample(writer: SampleWriter): void {
    const { session, writingSheet } = this.#parts
    session.setSample(writingSheet.sample(), writer)
    this.#notifyChanged()
  }

  /** Moves `object` to a point of the sample's writing space, lying on the sheet. */
  #placeOnSample(object: Object3D, x: number, y: number): void {
    const { faceWidth, faceHeight, marginUnits } = this.#parts
    const left = faceWidth / 2 + 2 * marginUnits
    object.position.set(
      left + x * faceHeight,
      reliefDepth + 0.006,
      -faceHeight / 2 + y * faceHeight,
    )
  }

  /** A cut changed these cells: the relief and the face follow, and a chip springs off (not under reduced motion). */
  #showCut(rect: CellRect): void {
    const { carvedRelief, blockSurface, chips, faceWidth, faceHeight, session } = this.#parts
    carvedRelief.updateCells(rect)
    blockSurface.repaintCells(rect)
    if (this.#isReducedMotion) return
    const width = session.carving.width
    const height = session.carving.height
    const cx = ((rect.x0 + rect.x1) / 2 / width - 0.5) * faceWidth
    const cz = ((rect.y0 + rect.y1) / 2 / height - 0.5) * faceHeight
    chips.spawn(cx + (Math.random() - 0.5) * 0.05, reliefDepth, cz, 1, 0.2)
  }

  /** A sheet follows the finger exactly while dragged, and eases elsewhere when let go. */
  #follow(current: number, target: number, ease: number, isDragged: boolean): number {
    if (isDragged && this.#touch) return target
    if (Math.abs(target - current) < settledAngleRadians) return target
    return current + (target - current) * ease
  }

  /**
   * Lays the tools out on the bench in front of the block, tips towards it, each in its own place
   * (so none is cut off by the frame of a station's view); the one the station uses lies front and
   * centre. While the visitor writes, the brush, the ink stone and the water dish stand in front
   * of the sample instead.
   */
  #restTools(): void {
    const { tools, faceWidth, faceHeight, marginUnits, sampleWidth } = this.#parts
    const tipZ = faceHeight / 2 + toolRestOffset
    const y = -blockBodyDepth
    const phase = this.#parts.session.phase
    const inUse =
      phase === 'write-sample'
        ? tools.writingBrush
        : phase === 'carve'
          ? this.#carvingTool === 'knife'
            ? tools.knife
            : tools.chisel
          : phase === 'ink'
            ? tools.inkBrush
            : phase === 'rub' || (phase === 'transfer' && this.isSampleDown)
              ? tools.rubbingPad
              : undefined
    const half = faceWidth / 2 + marginUnits
    const isWriting = phase === 'write-sample'
    // While writing, the carving tools wait further left, wholly out of the sample's frame.
    const carvingX = isWriting ? -1.3 * half : 0
    tools.rubbingPad.position.set(carvingX - 0.8 * half, y, tipZ + 0.11)
    tools.inkBrush.position.set(carvingX - 0.56 * half, y, tipZ + 0.08)
    tools.knife.position.set(carvingX - 0.37 * half, y, tipZ)
    tools.chisel.position.set(carvingX - 0.26 * half, y, tipZ)
    const writingX = isWriting ? half + sampleWidth * 0.5 : 0.2 * half
    const stoneX = isWriting ? half + sampleWidth * 0.24 : 0.52 * half
    const dishX = isWriting ? half + sampleWidth * 0.74 : 0.84 * half
    tools.brushRest.position.set(writingX, y, tipZ + 0.075)
    tools.writingBrush.position.set(writingX, y + brushRestHeight - 0.003, tipZ)
    tools.inkStone.position.set(stoneX, y, tipZ + 0.12)
    tools.waterDish.position.set(dishX, y, tipZ + 0.08)
    // The tool the station needs lies front and centre, where the hand reaches for it.
    if (inUse && phase !== 'write-sample') inUse.position.set(0, y, inUse.position.z + 0.02)
  }

  /** Frames the part of the bench the station needs; with reduced motion, one fixed view. */
  #placeCamera(deltaSeconds: number): void {
    const heightCssPx = this.#viewHeightCssPx
    const air = airShareOfHeight * heightCssPx
    const bands = this.#overlayBands
    framedCameraPosition(
      this.#workArea(),
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
      this.#cameraTarget,
    )
    const ease =
      !this.#isCameraPlaced || this.#isReducedMotion ? 1 : 1 - Math.exp(-deltaSeconds * 2.5)
    this.#isCameraPlaced = true
    if (this.camera.position.distanceTo(this.#cameraTarget) < settledDistanceUnits)
      this.camera.position.copy(this.#cameraTarget)
    else this.camera.position.lerp(this.#cameraTarget, ease)
  }

  /**
   * The part of the bench the station works on: across, the block with the sheet the visitor
   * works on (the sample on the right, the paper on the left) or the block alone while carving,
   * inking and rubbing; deep, always the sheets and the tools in front, so the camera never moves
   * up or down between stations. With reduced motion, the whole bench.
   */
  #workArea(): BenchBox {
    const { faceWidth, faceHeight, marginUnits, paperWidth, paperHeight, sampleWidth } = this.#parts
    const blockHalfWidth = faceWidth / 2 + marginUnits
    const depth = {
      minY: -blockBodyDepth,
      maxY: reliefDepth,
      minZ: -paperHeight / 2,
      maxZ: Math.max(paperHeight / 2, faceHeight / 2 + toolRestOffset + toolRowDepth),
    }
    const phase = this.#parts.session.phase
    if (this.#isReducedMotion)
      return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth + sampleWidth, ...depth }
    if (phase === 'write-sample')
      return { minX: blockHalfWidth - marginUnits, maxX: blockHalfWidth + sampleWidth, ...depth }
    if (phase === 'transfer' && !this.isSampleDown)
      return { minX: -blockHalfWidth, maxX: blockHalfWidth + sampleWidth, ...depth }
    if (phase === 'transfer' || phase === 'carve' || phase === 'ink' || phase === 'rub')
      return { minX: -blockHalfWidth, maxX: blockHalfWidth, ...depth }
    // 揭纸: the block and the curl peeling off it, not the whole bench the sheet will lie on
    // (framed to the sheet's full width, the work stood against the right edge of the frame).
    if (phase === 'lift')
      return { minX: -blockHalfWidth - 0.45 * paperWidth, maxX: blockHalfWidth, ...depth }
    return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth, ...depth }
  }

  /** The point under a pointer on the horizontal plane at `surfaceY`, in scene units. */
  #benchPointAt(clientX: number, clientY: number, surfaceY: number): Vector3 | undefined {
    const canvas = this.#canvas
    if (!canvas) return undefined
    const rect = canvas.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return undefined
    this.#pointerNdc.set(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    )
    return pickOnHorizontalPlane(
      this.#raycaster,
      this.camera,
      this.#pointerNdc,
      surfaceY,
      this.#hit,
    )
  }

  /** The point on the block face under a pointer, in block coordinates (may lie outside 0–1). */
  #blockPointAt(clientX: number, clientY: number, surfaceY: number): BlockPoint | undefined {
    const hit = this.#benchPointAt(clientX, clientY, surfaceY)
    if (!hit) return undefined
    const { faceWidth, faceHeight } = this.#parts
    return { x: hit.x / faceWidth + 0.5, y: hit.z / faceHeight + 0.5 }
  }

  /** The point on the sample under a pointer, in writing space. */
  #writingPointAt(clientX: number, clientY: number, timeMs: number): BrushPoint | undefined {
    const hit = this.#benchPointAt(clientX, clientY, reliefDepth + 0.004)
    if (!hit) return undefined
    const { faceWidth, faceHeight, marginUnits } = this.#parts
    const left = faceWidth / 2 + 2 * marginUnits
    return { x: (hit.x - left) / faceHeight, y: (hit.z + faceHeight / 2) / faceHeight, timeMs }
  }

  #onPointerDown(event: PointerEvent): void {
    if (this.#touch || this.#scribe || (event.pointerType === 'mouse' && event.button !== 0)) return
    this.#canvas?.setPointerCapture(event.pointerId)
    const phase = this.#parts.session.phase
    const surfaceY = this.#gestureSurfaceY(phase)
    let brush: BrushStroke | undefined
    if (phase === 'write-sample') {
      const point = this.#writingPointAt(event.clientX, event.clientY, event.timeStamp)
      if (point)
        brush = this.#parts.writingSheet.beginStroke(point, brushTuningForGlyph(this.#glyphSize))
    }
    this.#touch = {
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      lastPoint: this.#blockPointAt(event.clientX, event.clientY, surfaceY),
      hasStroked: false,
      lastX: event.clientX,
      lastY: event.clientY,
      lastTimeMs: event.timeStamp,
      brush,
      peelStartX: phase === 'lift' ? this.#peelGripX(event.clientX, event.clientY) : undefined,
    }
    event.preventDefault()
  }

  #onPointerMove(event: PointerEvent): void {
    const touch = this.#touch
    if (!touch || event.pointerId !== touch.pointerId) return
    const { session, blockSurface, paperSurface } = this.#parts
    const phase = session.phase
    const coalesced = event.getCoalescedEvents?.() ?? []
    const samples = coalesced.length > 0 ? coalesced : [event]
    if (phase === 'lift') {
      this.#peelTo(touch, event)
    } else if (isFoldStation(phase) && session.isFolding) {
      // A fold follows where the finger is now; the path it took there does not matter.
      const spanPx = (this.#canvas?.clientWidth ?? 1000) * 0.3
      session.foldTo(
        foldProgressFromDrag(event.clientX - touch.startX, foldDirections[phase], spanPx),
      )
    } else if (phase === 'write-sample') {
      for (const sample of samples) {
        const point = this.#writingPointAt(sample.clientX, sample.clientY, sample.timeStamp)
        if (!point || !touch.brush) continue
        touch.brush.moveTo(point)
        this.#placeOnSample(this.#parts.tools.writingBrush, point.x, point.y)
      }
    } else if (phase === 'transfer' || phase === 'carve' || phase === 'ink' || phase === 'rub') {
      // Every coalesced sample cuts, inks or rubs (a slow frame hides the middle of a stroke in
      // them); the texels and vertices are repainted once for the whole event, and the texels
      // sent to the GPU once a frame (#flushUploads).
      const changed: CellRect[] = []
      for (const sample of samples) {
        const rect = this.#strokeTo(touch, sample, phase)
        if (rect) changed.push(rect)
      }
      for (const rect of repaintRects(changed)) {
        if (phase === 'transfer') this.#parts.sampleRubAway.repaintBlockCells(rect)
        else if (phase === 'carve') this.#showCut(rect)
        else if (phase === 'ink') blockSurface.repaintCells(rect)
        else paperSurface.repaintCells(rect)
      }
      this.#notifyIfMoveOnChanged(event.timeStamp)
    }
    touch.lastX = event.clientX
    touch.lastY = event.clientY
    touch.lastTimeMs = event.timeStamp
  }

  /** The height of what a finger works on at `phase`: the sheet it rubs, else the block face. */
  #gestureSurfaceY(phase: PrintingPhase): number {
    if (phase === 'rub' || phase === 'lift') return paperSurfaceY
    if (phase === 'transfer' && this.isSampleDown) return sampleSurfaceY
    return reliefDepth
  }

  /**
   * Where across the bench a finger takes hold of the printed sheet to peel it: only on its free
   * half (the edge and corners away from the edge that stays down), else undefined.
   */
  #peelGripX(clientX: number, clientY: number): number | undefined {
    const { faceWidth, faceHeight, marginUnits, paperWidth } = this.#parts
    const hit = this.#benchPointAt(clientX, clientY, paperSurfaceY)
    if (!hit) return undefined
    const freeEdgeX = faceWidth / 2 + marginUnits
    // A little grace beyond the sheet: a fingertip is wide and the edge is thin.
    const graceUnits = 0.05
    const isOnFreeHalf =
      hit.x >= freeEdgeX - peelGripShareOfSheet * paperWidth &&
      hit.x <= freeEdgeX + graceUnits &&
      Math.abs(hit.z) <= faceHeight / 2 + marginUnits + graceUnits
    return isOnFreeHalf ? hit.x : undefined
  }

  /** 揭纸: the sheet peels as far as the finger has pulled its free edge back over it. */
  #peelTo(touch: ActiveTouch, event: PointerEvent): void {
    if (touch.peelStartX === undefined) return
    const hit = this.#benchPointAt(event.clientX, event.clientY, paperSurfaceY)
    if (!hit) return
    this.#parts.session.foldTo(
      peelProgressFromPull(touch.peelStartX - hit.x, this.#parts.paperWidth),
    )
  }

  /** Cuts, inks or rubs from the touch's last point to `sample`'s; returns the cells changed. */
  #strokeTo(
    touch: ActiveTouch,
    sample: PointerEvent,
    phase: 'transfer' | 'carve' | 'ink' | 'rub',
  ): CellRect | undefined {
    const { session, tools, faceWidth, faceHeight } = this.#parts
    const surfaceY = this.#gestureSurfaceY(phase)
    const point = this.#blockPointAt(sample.clientX, sample.clientY, surfaceY)
    let changed: CellRect | undefined
    if (point) {
      const from = touch.lastPoint ?? point
      const tool =
        phase === 'carve'
          ? this.#carvingTool === 'knife'
            ? tools.knife
            : tools.chisel
          : phase === 'ink'
            ? tools.inkBrush
            : tools.rubbingPad
      tool.position.set((point.x - 0.5) * faceWidth, surfaceY + 0.004, (point.y - 0.5) * faceHeight)
      if (phase === 'transfer') {
        changed = session.transferStroke(from, point, touch.hasStroked)
      } else if (phase === 'carve') {
        changed = session.carveStroke(from, point, this.#carvingTool)
      } else if (phase === 'ink') {
        changed = session.inkStroke(from, point, touch.hasStroked)
      } else {
        const pressure = estimateRubPressure({ pointerPressure: sample.pressure })
        changed = session.rubStroke(from, point, pressure, touch.hasStroked)
      }
      touch.hasStroked = true
    }
    touch.lastPoint = point
    touch.lastX = sample.clientX
    touch.lastY = sample.clientY
    touch.lastTimeMs = sample.timeStamp
    return changed
  }

  #onPointerUp(event: PointerEvent, isRelease: boolean): void {
    const touch = this.#touch
    if (!touch || event.pointerId !== touch.pointerId) return
    this.#touch = undefined
    if (this.#canvas?.hasPointerCapture(event.pointerId))
      this.#canvas.releasePointerCapture(event.pointerId)
    const { session, paperSurface, blockSurface } = this.#parts
    const phase = session.phase
    if (phase === 'transfer' && session.isSampleDown) {
      // Rubbed through enough: what is left of the sample comes away (see update).
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
      this.#takeSample('visitor')
    }
    this.#notifyChanged()
  }

  #notifyChanged(): void {
    this.#lastCanMoveOn = this.canMoveOn
    this.#listener.changed?.(this)
  }

  /** While carving, inking or rubbing, tells the component as soon as the visitor may move on. */
  #notifyIfMoveOnChanged(timeMs: number): void {
    if (timeMs - this.#lastMoveOnCheckMs < 200) return
    this.#lastMoveOnCheckMs = timeMs
    if (this.canMoveOn !== this.#lastCanMoveOn) this.#notifyChanged()
  }
}
