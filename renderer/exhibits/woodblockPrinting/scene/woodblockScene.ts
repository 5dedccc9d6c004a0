import { Box3, type Scene } from 'three'
import type { CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import type { CarvingTool } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import type { SessionPrint } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { SampleWriter } from '../../../../src/exhibits/woodblockPrinting/printSteps'
import type {
  PrintingPhase,
  PrintingSessionListener,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import {
  brushTuningForGlyph,
  scribeStrokes,
} from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import { DisposableStore, toDisposable } from '../../../../src/lifecycle/disposable'
import type { ExhibitScene, ExhibitSceneFactory, SceneContext } from '../../../scenes/exhibitScene'
import type { ScenePointerSource } from '../../../scenes/scenePointerInput'
import { carvingAspect, drawPlum, type CarvingSource } from './carvingSource'
import { PictureSnapshot } from './pictureSnapshot'
import { ScribePlayback } from './scribePlayback'
import {
  paperFreeEdgeX,
  paperSurfaceY,
  peelGripShareOfSheet,
  sampleLeftX,
  sampleSurfaceY,
} from './sheetPlacement'
import { StationCamera, stationWorkArea, type ScreenRect } from './stationCamera'
import { StationGestures } from './stationGestures'
import { layOutTools } from './toolLayout'
import type { OverlayBands } from './workbenchFraming'
import {
  blockBodyDepth,
  buildWorkshop,
  reliefDepth,
  scribeStrokeData,
  wetInkSpecular,
  type WorkshopParts,
} from './workshopParts'

export type { ScreenRect } from './stationCamera'

/** How long what is left of the sample's paper takes to come away once 上版 is done, in seconds. */
const sampleRubOffSeconds = 1.4
/** How long the master takes to clear the ground the visitor left. */
const masterCarveSeconds = 2.2
/** How long the ink left on the block takes to dry matte once the print is lifted. */
const inkDryingSeconds = 8
/**
 * An eased angle (radians) this close to where it is going is put there: an exponential ease
 * never arrives, and the picture could not come to rest.
 */
const settledAngleRadians = 1e-4
/** A tool raised this far above the bench is in the visitor's hand, not lying in the row. */
const toolInHandLiftUnits = 0.05

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
  /**
   * The font set the sheet's model glyph face is loaded into: `document.fonts` on the page,
   * `self.fonts` in a worker. Without one the model is drawn from the scribe's stroke outlines.
   */
  readonly fonts?: FontFaceSet
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
        options.fonts,
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
 * The woodblock workshop scene (see {@link woodblockSceneFactory}): the stations' state the
 * component reads, and the frame loop that animates the sheets, the master's carving, the chips
 * and the drying ink. The bench is built by `buildWorkshop`, the camera framed by
 * `StationCamera`, the fingers read by `StationGestures`, the tools laid out by `layOutTools`.
 */
export class WoodblockScene implements ExhibitScene {
  readonly scene: Scene
  readonly #parts: WorkshopParts
  readonly #listener: WoodblockSceneListener
  readonly #store: DisposableStore
  readonly #view: StationCamera
  readonly #gestures: StationGestures
  /** Where the fingers come from, and the canvas's size (set by `connect`). */
  #pointer: ScenePointerSource | undefined
  readonly #glyphSize: number
  readonly #writingAspect: number
  #isReducedMotion: boolean
  #scribe: ScribePlayback | undefined
  #carvingTool: CarvingTool = 'chisel'
  /** 0 while the sample lies on the block, 1 once rubbed off (the reversed writing remains). */
  #rubOffProgress = 0
  #lastCanMoveOn = false
  #lastMoveOnCheckMs = 0
  /** 0 while the ink on the block is wet, 1 once it has dried matte. */
  #inkDryness = 0
  /** What the last update left on screen, to tell the host when nothing changed (render on demand). */
  readonly #picture = new PictureSnapshot()
  readonly #toolsBox = new Box3()
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
    this.#view = new StationCamera(options.overlayBands)
    this.#isReducedMotion = context.isReducedMotion
    this.#store = store
    const layout = parts.isMotif ? undefined : layoutBlockText(options.block.text)
    this.#glyphSize = layout?.glyphs[0]?.size ?? 0.6
    this.#writingAspect = carvingAspect(options.block)
    this.#gestures = new StationGestures(parts, {
      benchPointAt: (xCssPx, yCssPx, surfaceY) =>
        this.#view.benchPointAt(xCssPx, yCssPx, this.#pointer?.sizeCssPx, surfaceY),
      carvingTool: () => this.#carvingTool,
      isScribeWriting: () => this.#scribe !== undefined,
      glyphSize: this.#glyphSize,
      showCut: (rect) => this.#showCut(rect),
      takeSample: (writer) => this.#takeSample(writer),
      changed: () => this.#notifyChanged(),
      maybeCanMoveOn: (timeMs) => this.#notifyIfMoveOnChanged(timeMs),
    })
    this.#restTools()
  }

  /** The camera that frames each station. */
  get camera() {
    return this.#view.camera
  }

  /** Reduced motion (may change mid-visit): one fixed view, no camera moves, instant scribe. */
  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    this.#view.jumpNextPlacement()
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
    const { faceWidth, faceHeight } = this.#parts
    const left = sampleLeftX(this.#parts)
    return this.#screenRect(left, left + faceWidth, -faceHeight / 2, faceHeight / 2, sampleSurfaceY)
  }

  /** The thing the station's hint points at: the sheet to write on or drag, the block, the paper. */
  hintTargetRect(): ScreenRect | undefined {
    const { faceWidth, faceHeight, marginUnits, paperWidth } = this.#parts
    switch (this.phase) {
      case 'write-sample':
        return this.#sampleWithCentreStripRect()
      case 'transfer':
        return this.isSampleDown ? this.blockScreenRect() : this.#sampleWithCentreStripRect()
      case 'lift': {
        // The sheet's free edge, where the hand takes hold to peel it.
        const right = paperFreeEdgeX(this.#parts)
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

  /**
   * The sample's writing area and its 版心 strip on the right, on the canvas: the whole ruled
   * page the hint rings, so its chip stands beside the strip rather than over it.
   */
  #sampleWithCentreStripRect(): ScreenRect | undefined {
    const { faceWidth, faceHeight, marginUnits, sampleWidth } = this.#parts
    const left = sampleLeftX(this.#parts)
    const sheetRight = faceWidth / 2 + marginUnits + sampleWidth
    return this.#screenRect(
      left,
      sheetRight - marginUnits,
      -faceHeight / 2,
      faceHeight / 2,
      sampleSurfaceY,
    )
  }

  /**
   * Where the shop's mark (牌记) stands on the block, reversed, on the canvas: at the carving
   * station, where the writing on the wood is seen whole (else undefined). The mark reads one way
   * only, so it is where the eye is drawn to see that the block is the mirror of the page.
   */
  shopMarkBlockScreenRect(): ScreenRect | undefined {
    const area = this.#parts.writingSheet.shopMarkArea
    if (!area || this.phase !== 'carve') return undefined
    const { faceWidth, faceHeight } = this.#parts
    // The sample lies face down: the mark's left on the page is its right on the block.
    return this.#screenRect(
      (0.5 - area.x1) * faceWidth,
      (0.5 - area.x0) * faceWidth,
      (area.y0 - 0.5) * faceHeight,
      (area.y1 - 0.5) * faceHeight,
      reliefDepth,
    )
  }

  /** Where the shop's mark is written on the page, in shares of the writing area (undefined: none). */
  get shopMarkArea(): CellRect | undefined {
    return this.#parts.writingSheet.shopMarkArea
  }

  /**
   * Where the tools lying on the bench are on the canvas now, one box round them all (the tool in
   * the visitor's hand is not lying there), so the hint chip can keep off them.
   */
  toolsScreenRect(): ScreenRect | undefined {
    const box = this.#toolsBox.makeEmpty()
    for (const tool of Object.values(this.#parts.tools)) {
      if (tool.position.y > -blockBodyDepth + toolInHandLiftUnits) continue
      box.expandByObject(tool)
    }
    if (box.isEmpty()) return undefined
    return this.#screenRect(box.min.x, box.max.x, box.min.z, box.max.z, box.min.y)
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
    const { session, writingSheet, isMotif, tools } = this.#parts
    if (session.phase !== 'write-sample') return
    writingSheet.clearWriting()
    if (isMotif) {
      writingSheet.drawWriting(drawPlum)
      this.#takeSample('scribe')
      return
    }
    const layout = layoutBlockText(this.#parts.blockText)
    this.#scribe = new ScribePlayback(
      scribeStrokes(layout.glyphs, scribeStrokeData, this.#writingAspect),
      writingSheet,
      tools.writingBrush,
      this.#parts,
      brushTuningForGlyph(this.#glyphSize),
    )
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

  /** Reads the visitor's fingers from `pointer`. */
  connect(pointer: ScenePointerSource): void {
    this.#pointer = pointer
    this.#store.add(toDisposable(() => (this.#pointer = undefined)))
    this.#gestures.connect(pointer, this.#store)
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
    // The chips lie round the carving until the paper is brought: the block is swept to print.
    if (isPaperOut(phase)) parts.chips.sweep()

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

    if (!this.#gestures.isTouching) this.#restTools()
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
    this.#view.resize(widthCssPx, heightCssPx)
    this.#placeCamera(0)
  }

  dispose(): void {
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
    return this.#view.screenRect(this.#pointer?.sizeCssPx, minX, maxX, minZ, maxZ, y)
  }

  /** Frames the part of the bench the station needs; with reduced motion, one fixed view. */
  #placeCamera(deltaSeconds: number): void {
    const workArea = stationWorkArea(this.#parts, {
      phase: this.phase,
      isSampleDown: this.isSampleDown,
      isReducedMotion: this.#isReducedMotion,
      isPortrait: this.#view.camera.aspect < 1,
    })
    this.#view.place(workArea, deltaSeconds, this.#isReducedMotion)
  }

  #restTools(): void {
    layOutTools(this.#parts, {
      phase: this.phase,
      carvingTool: this.#carvingTool,
      isSampleDown: this.isSampleDown,
    })
  }

  /** A sheet follows the finger exactly while dragged, and eases elsewhere when let go. */
  #follow(current: number, target: number, ease: number, isDragged: boolean): number {
    if (isDragged && this.#gestures.isTouching) return target
    if (Math.abs(target - current) < settledAngleRadians) return target
    return current + (target - current) * ease
  }

  /** Traces the scribe's strokes `elapsedMs` further; once he is done, his writing is the sample. */
  #playScribe(elapsedMs: number): void {
    if (!this.#scribe?.advance(elapsedMs)) return
    this.#scribe = undefined
    this.#takeSample('scribe')
  }

  /** Hands the sheet's writing to the session (what will be transferred, carved and printed). */
  #takeSample(writer: SampleWriter): void {
    const { session, writingSheet } = this.#parts
    session.setSample(writingSheet.sample(), writer)
    this.#notifyChanged()
  }

  /** A cut changed these cells: the relief and the face follow, and a chip springs off (not under reduced motion). */
  #showCut(rect: CellRect): void {
    const { carvedRelief, blockSurface, chips, faceWidth, faceHeight, session } = this.#parts
    carvedRelief.updateCells(rect)
    blockSurface.repaintCut(rect)
    if (this.#isReducedMotion) return
    const width = session.carving.width
    const height = session.carving.height
    const cx = ((rect.x0 + rect.x1) / 2 / width - 0.5) * faceWidth
    const cz = ((rect.y0 + rect.y1) / 2 / height - 0.5) * faceHeight
    chips.spawn(cx + (Math.random() - 0.5) * 0.05, reliefDepth, cz, 1, 0.2)
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
