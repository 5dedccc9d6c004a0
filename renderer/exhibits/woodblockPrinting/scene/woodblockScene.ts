import {
  AmbientLight,
  BoxGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  DoubleSide,
  BackSide,
  FrontSide,
  Group,
  HemisphereLight,
  Mesh,
  MeshLambertMaterial,
  PerspectiveCamera,
  Plane,
  PlaneGeometry,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
} from 'three'
import {
  mirrorHorizontally,
  unionRect,
  type Bitmap,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { gridSizeFor, layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import type { BlockPoint } from '../../../../src/exhibits/woodblockPrinting/coverageField'
import type { PrintResult } from '../../../../src/exhibits/woodblockPrinting/printImpression'
import {
  PrintingSession,
  foldDirections,
  foldProgressFromDrag,
  isFoldStation,
  type PrintingPhase,
  type PrintingSessionListener,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import { estimateRubPressure } from '../../../../src/exhibits/woodblockPrinting/rubPressure'
import { DisposableStore, toDisposable } from '../../../../src/lifecycle/disposable'
import type { ExhibitScene, ExhibitSceneFactory, SceneContext } from '../../../scenes/exhibitScene'
import { textureByteSize } from '../../../scenes/textureByteSize'
import {
  framedCameraPosition,
  viewWindowInside,
  type BenchBox,
  type OverlayBands,
} from './workbenchFraming'
import { BlockSurface } from './blockSurface'
import { carvingAspect, downsample, rasterizeSample, type CarvingSource } from './carvingRaster'
import { PaperSurface } from './paperSurface'
import { buildReliefGeometry } from './reliefGeometry'
import { SampleSheet } from './sampleSheet'
import { normalMapFromHeight, paintPearWood, paintRicePaper } from './surfaceTextures'

/** Cells along the block's long side in the printing model (textures get twice as many). */
const modelLongSideCells = 192
const textureScale = 2
/** Relief geometry segments along the long side: 2 × 150² ≈ 45k triangles. */
const reliefSegments = 150
/** Height of the wood left standing, in scene units (the block's long side is 1). */
const reliefDepth = 0.035
/** Paper margin round the block face, as a share of the block's long side. */
const paperMarginShare = 0.07
/** How long the sample takes to write, and the carving to appear, in seconds. */
const writingSeconds = 2.4
const carvingSeconds = 1.6
/** The camera looks down on the bench at this angle below the horizon. */
const cameraElevationRadians = (64 * Math.PI) / 180
/**
 * Air kept above and below the work (留白), as a share of the view's height each side. In a wide
 * view the height decides the framing and this keeps the landscape look; in a tall one the width
 * decides it and the work fills the width.
 */
const airShareOfHeight = 0.15
/** How far in front of the block face the brushes rest, and their half-depth, in scene units. */
const toolRestOffset = 0.16
const toolHalfDepth = 0.07

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

/** The meshes and surfaces the scene animates; all owned by the scene's DisposableStore. */
interface WorkshopParts {
  readonly session: PrintingSession
  readonly blockSurface: BlockSurface
  readonly paperSurface: PaperSurface
  readonly sampleSheet: SampleSheet
  readonly relief: Mesh
  readonly sampleHinge: Group
  readonly sampleMaterial: MeshLambertMaterial
  readonly paperHinge: Group
  readonly inkBrush: Group
  readonly palmBrush: Group
  readonly faceWidth: number
  readonly faceHeight: number
  /** Paper overhang beyond the block face each side, in scene units. */
  readonly marginUnits: number
  readonly paperWidth: number
  readonly paperHeight: number
  /** Bytes of texture data the scene uploads (the budget is 64 MB). */
  readonly textureBytes: number
}

/** The block face's box on the canvas in CSS pixels (for tests and benches to aim touches). */
export interface ScreenRect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/**
 * The woodblock workshop: a pear-wood block carved from the pack's text, a written sample, ink,
 * paper and two brushes. Building it has no side effects; `connect` adds the touch listeners.
 */
export function woodblockSceneFactory(
  options: WoodblockSceneOptions,
): ExhibitSceneFactory<WoodblockScene> {
  return async (context) => {
    const store = new DisposableStore()
    try {
      const parts = await buildWorkshop(options, context, store)
      return new WoodblockScene(parts, options.listener, context, store, options.overlayBands)
    } catch (error) {
      store.dispose()
      throw error
    }
  }
}

async function buildWorkshop(
  options: WoodblockSceneOptions,
  context: SceneContext,
  store: DisposableStore,
): Promise<WorkshopParts & { scene: Scene }> {
  const aspect = carvingAspect(options.block)
  const grid = gridSizeFor(aspect, modelLongSideCells)
  const textureWidth = grid.width * textureScale
  const textureHeight = grid.height * textureScale
  const sampleHighRes = await rasterizeSample(
    options.block,
    textureWidth,
    textureHeight,
    context.signal,
  )
  context.signal.throwIfAborted()

  // Transferring the sample face down and carving along it gives the block its mirror image.
  const reliefHighRes = softenEdges(mirrorHorizontally(sampleHighRes))
  const reliefCells = downsample(reliefHighRes, textureScale)
  const { listener } = options
  const session = new PrintingSession(reliefCells, {
    stationActive: (id) => listener.stationActive?.(id),
    stationComplete: (id) => listener.stationComplete?.(id),
    printed: (result) => listener.printed?.(result),
  })

  const faceWidth = aspect >= 1 ? 1 : aspect
  const faceHeight = aspect >= 1 ? 1 / aspect : 1
  const marginCells = Math.round(paperMarginShare * Math.max(grid.width, grid.height))
  const marginUnits = (marginCells / grid.width) * faceWidth
  const paperWidth = faceWidth + 2 * marginUnits
  const paperHeight = faceHeight + 2 * marginUnits

  // The workbench is the clear colour: a full-screen shaded table would cost a lit pass over
  // every pixel, which software WebGL (SwiftShader) feels on every frame.
  const scene = new Scene()
  scene.background = new Color('#47362a')

  // Soft workshop light: a warm window from the upper left and a dim room.
  scene.add(new HemisphereLight('#fff1dc', '#3a2a20', 1.1))
  scene.add(new AmbientLight('#ffffff', 0.15))
  const windowLight = new DirectionalLight('#ffe2b8', 2.4)
  windowLight.position.set(-1.6, 3, 1.4)
  scene.add(windowLight)

  const body = new Mesh(
    store.add(new BoxGeometry(faceWidth + 0.06, 0.12, faceHeight + 0.06)),
    store.add(new MeshLambertMaterial({ color: '#b98f62' })),
  )
  body.position.y = -0.0605
  scene.add(body)

  const blockSurface = new BlockSurface(
    paintPearWood(textureWidth, textureHeight),
    reliefHighRes,
    session.ink.bitmap,
  )
  store.add(blockSurface.texture)
  const normalMap = store.add(normalMapFromHeight(reliefHighRes, 6))
  const relief = new Mesh(
    store.add(
      buildReliefGeometry(reliefHighRes, faceWidth, faceHeight, reliefDepth, reliefSegments),
    ),
    store.add(new MeshLambertMaterial({ map: blockSurface.texture, normalMap })),
  )
  relief.rotation.x = -Math.PI / 2
  relief.position.y = 0.0005
  relief.visible = false
  scene.add(relief)

  // The sample lies to the right, hinged on the block's right edge so it turns over onto it.
  const layout =
    options.block.carving === 'motif' ? { columns: 1 } : layoutBlockText(options.block.text)
  const sampleSheet = store.add(
    new SampleSheet(sampleHighRes, marginCells * textureScale, layout.columns),
  )
  const sheetGeometry = store.add(new PlaneGeometry(paperWidth, paperHeight))
  const sampleMaterial = store.add(
    // Transparent from the start (at full opacity) so fading it during the carving needs no recompile.
    new MeshLambertMaterial({ map: sampleSheet.texture, side: DoubleSide, transparent: true }),
  )
  const sampleMesh = new Mesh(sheetGeometry, sampleMaterial)
  sampleMesh.rotation.x = -Math.PI / 2
  sampleMesh.position.x = paperWidth / 2
  const sampleHinge = new Group()
  sampleHinge.position.set(faceWidth / 2 + marginUnits, reliefDepth + 0.004, 0)
  sampleHinge.add(sampleMesh)
  scene.add(sampleHinge)

  // The printing paper waits on the left, hinged on the block's left edge.
  const paperSurface = new PaperSurface(
    paintRicePaper(grid.width + 2 * marginCells, grid.height + 2 * marginCells),
    reliefCells,
    session.ink.bitmap,
    session.rub.bitmap,
    marginCells,
  )
  store.add(paperSurface.backTexture)
  store.add(paperSurface.faceTexture)
  const paperBack = new Mesh(
    sheetGeometry,
    store.add(new MeshLambertMaterial({ map: paperSurface.backTexture, side: FrontSide })),
  )
  const paperFace = new Mesh(
    sheetGeometry,
    store.add(new MeshLambertMaterial({ map: paperSurface.faceTexture, side: BackSide })),
  )
  for (const mesh of [paperBack, paperFace]) {
    mesh.rotation.x = -Math.PI / 2
    mesh.position.x = paperWidth / 2
  }
  const paperHinge = new Group()
  paperHinge.position.set(-(faceWidth / 2 + marginUnits), reliefDepth + 0.008, 0)
  paperHinge.add(paperBack, paperFace)
  paperHinge.rotation.z = Math.PI
  scene.add(paperHinge)

  const handleWood = store.add(new MeshLambertMaterial({ color: '#7a5534' }))
  const inkBrush = new Group()
  const inkBristles = new Mesh(
    store.add(new BoxGeometry(0.2, 0.06, 0.1)),
    store.add(new MeshLambertMaterial({ color: '#141210' })),
  )
  inkBristles.position.y = 0.03
  const inkHandle = new Mesh(store.add(new CylinderGeometry(0.022, 0.026, 0.32, 12)), handleWood)
  inkHandle.position.y = 0.2
  inkBrush.add(inkBristles, inkHandle)
  inkBrush.visible = false
  scene.add(inkBrush)

  // The 棕刷: a palm-fibre brush held flat.
  const palmBrush = new Group()
  const palmFibre = new Mesh(
    store.add(new BoxGeometry(0.26, 0.05, 0.14)),
    store.add(new MeshLambertMaterial({ color: '#6b4a2b' })),
  )
  palmFibre.position.y = 0.025
  const palmGrip = new Mesh(store.add(new BoxGeometry(0.24, 0.05, 0.09)), handleWood)
  palmGrip.position.y = 0.075
  palmBrush.add(palmFibre, palmGrip)
  palmBrush.visible = false
  scene.add(palmBrush)

  // Compile every material now, hidden ones included, so the carving and the brushes appearing
  // later do not stall a frame on a shader compile.
  const hidden = [relief, inkBrush, palmBrush]
  for (const object of hidden) object.visible = true
  await context.renderer.compileAsync(scene, new PerspectiveCamera())
  for (const object of hidden) object.visible = false
  context.signal.throwIfAborted()

  return {
    scene,
    session,
    blockSurface,
    paperSurface,
    sampleSheet,
    relief,
    sampleHinge,
    sampleMaterial,
    paperHinge,
    inkBrush,
    palmBrush,
    faceWidth,
    faceHeight,
    marginUnits,
    paperWidth,
    paperHeight,
    textureBytes: [
      blockSurface.texture,
      normalMap,
      paperSurface.backTexture,
      paperSurface.faceTexture,
      sampleSheet.texture,
    ]
      .map((texture) => textureByteSize(texture))
      .reduce((sum, bytes) => sum + bytes, 0),
  }
}

/** Knife cuts slope a little: a light blur of the relief keeps its edges from aliasing. */
function softenEdges(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const out = { width, height, data: new Float32Array(data.length) }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      let count = 0
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const sx = x + dx
          const sy = y + dy
          if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue
          sum += data[sy * width + sx]!
          count++
        }
      }
      out.data[y * width + x] = sum / count
    }
  }
  return out
}

/**
 * The rectangles to repaint for the cells one pointer event changed: their union when it is at
 * most half as large again as they are together (the samples of one frame lie close, and their
 * overlaps would be painted twice), else each on its own.
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
}

/** The woodblock workshop scene (see {@link woodblockSceneFactory}). */
export class WoodblockScene implements ExhibitScene {
  readonly scene: Scene
  readonly camera = new PerspectiveCamera(34, 1, 0.05, 40)
  readonly #parts: WorkshopParts
  readonly #listener: WoodblockSceneListener
  #isReducedMotion: boolean
  readonly #store: DisposableStore
  readonly #raycaster = new Raycaster()
  readonly #pointerNdc = new Vector2()
  readonly #hit = new Vector3()
  readonly #surfacePlane = new Plane(new Vector3(0, 1, 0), 0)
  readonly #cameraTarget = new Vector3()
  readonly #overlayBands: OverlayBands
  #canvas: HTMLCanvasElement | undefined
  #touch: ActiveTouch | undefined
  #writingProgress = 0
  #carvingProgress = 0
  #isCarving = false
  #lastCanMoveOn = false
  #lastMoveOnCheckMs = 0
  #viewWidthCssPx = 1
  #viewHeightCssPx = 1
  #isCameraPlaced = false

  constructor(
    parts: WorkshopParts & { scene: Scene },
    listener: WoodblockSceneListener,
    context: SceneContext,
    store: DisposableStore,
    overlayBands: OverlayBands = { topCssPx: 0, bottomCssPx: 0, sideCssPx: 0 },
  ) {
    this.scene = parts.scene
    this.#overlayBands = overlayBands
    // The camera only ever moves; it always looks down the bench at the same angle.
    this.camera.rotation.set(-cameraElevationRadians, 0, 0)
    this.#parts = parts
    this.#listener = listener
    this.#isReducedMotion = context.isReducedMotion
    this.#store = store
    this.setReducedMotion(context.isReducedMotion)
  }

  /**
   * Reduced motion (the visitor may switch it mid-visit): one fixed view with no camera moves,
   * the sample shown already written, the carving shown at once.
   */
  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    if (!isReducedMotion) return
    if (this.#writingProgress < 1) {
      this.#writingProgress = 1
      this.#parts.sampleSheet.setReveal(1)
      if (this.#canvas) this.#notifyChanged()
    }
    this.#isCameraPlaced = false
  }

  /** Where the visitor is: a station id, or `printed`. */
  get phase(): PrintingPhase {
    return this.#parts.session.phase
  }

  /** Whether the visitor may finish the current station with the “next” control. */
  get canMoveOn(): boolean {
    const { session } = this.#parts
    if (session.phase === 'write-sample') return this.#writingProgress >= 1
    return session.canMoveOn
  }

  get print(): PrintResult | undefined {
    return this.#parts.session.print
  }

  /** Bytes of texture data this scene made. */
  get textureBytes(): number {
    return this.#parts.textureBytes
  }

  /** Where the block face is on the canvas now (CSS pixels from the canvas's top left). */
  blockScreenRect(): ScreenRect | undefined {
    const canvas = this.#canvas
    if (!canvas || canvas.clientWidth === 0) return undefined
    const { faceWidth, faceHeight } = this.#parts
    const xs: number[] = []
    const ys: number[] = []
    for (const [x, z] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      const corner = new Vector3((x * faceWidth) / 2, reliefDepth, (z * faceHeight) / 2).project(
        this.camera,
      )
      xs.push(((corner.x + 1) / 2) * canvas.clientWidth)
      ys.push(((1 - corner.y) / 2) * canvas.clientHeight)
    }
    const left = Math.min(...xs)
    const top = Math.min(...ys)
    return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
  }

  /** The “next” control: finishes the sample, inking or rubbing when enough has been done. */
  moveOn(): boolean {
    if (!this.canMoveOn) return false
    const isDone = this.#parts.session.moveOn()
    this.#notifyChanged()
    return isDone
  }

  connect(canvas: HTMLCanvasElement): void {
    this.#canvas = canvas
    const listen = <K extends keyof HTMLElementEventMap>(
      type: K,
      handler: (event: HTMLElementEventMap[K]) => void,
    ) => {
      canvas.addEventListener(type, handler)
      this.#store.add(toDisposable(() => canvas.removeEventListener(type, handler)))
    }
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
    const phase = parts.session.phase
    const ease = this.#isReducedMotion ? 1 : 1 - Math.exp(-deltaSeconds * 7)

    if (this.#writingProgress < 1) {
      this.#writingProgress = Math.min(1, this.#writingProgress + deltaSeconds / writingSeconds)
      parts.sampleSheet.setReveal(this.#writingProgress)
      if (this.#writingProgress >= 1) this.#notifyChanged()
    }

    // The sample turns over onto the block, then is carved away as the relief appears.
    const sampleAngle =
      phase === 'write-sample'
        ? 0
        : phase === 'transfer'
          ? parts.session.foldProgress * Math.PI
          : Math.PI
    parts.sampleHinge.rotation.z = this.#follow(
      parts.sampleHinge.rotation.z,
      sampleAngle,
      ease,
      phase === 'transfer',
    )
    if (phase !== 'write-sample' && phase !== 'transfer' && parts.sampleHinge.visible) {
      if (!this.#isCarving) {
        this.#isCarving = true
        parts.relief.visible = true
      }
      this.#carvingProgress = this.#isReducedMotion
        ? 1
        : Math.min(1, this.#carvingProgress + deltaSeconds / carvingSeconds)
      parts.relief.scale.z = Math.max(0.02, this.#carvingProgress)
      parts.sampleMaterial.opacity = 1 - this.#carvingProgress
      if (this.#carvingProgress >= 1) parts.sampleHinge.visible = false
    }

    // The paper: waiting on the left, laid over the block, then peeled back to the left.
    const fold = parts.session.foldProgress
    const paperAngle =
      phase === 'lay-paper'
        ? (1 - fold) * Math.PI
        : phase === 'rub'
          ? 0
          : phase === 'lift'
            ? fold * Math.PI
            : Math.PI
    parts.paperHinge.rotation.z = this.#follow(
      parts.paperHinge.rotation.z,
      paperAngle,
      ease,
      phase === 'lay-paper' || phase === 'lift',
    )

    parts.inkBrush.visible = phase === 'ink'
    parts.palmBrush.visible = phase === 'rub'
    if (!this.#touch) this.#restTools()

    this.#placeCamera(deltaSeconds)
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
    this.#store.dispose()
  }

  /** A sheet follows the finger exactly while dragged, and eases elsewhere when let go. */
  #follow(current: number, target: number, ease: number, isDragged: boolean): number {
    if (isDragged && this.#touch) return target
    return current + (target - current) * ease
  }

  #restTools(): void {
    const { inkBrush, palmBrush, faceHeight } = this.#parts
    inkBrush.position.set(0, reliefDepth + 0.01, faceHeight / 2 + toolRestOffset)
    palmBrush.position.set(0, reliefDepth + 0.015, faceHeight / 2 + toolRestOffset)
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
    this.camera.position.lerp(this.#cameraTarget, ease)
  }

  /**
   * The part of the bench the station works on: across, the block with the sheet the visitor
   * moves (the sample on the right, the paper on the left) or the block alone while inking and
   * rubbing; deep, always the sheets and the brushes resting in front, so the camera never
   * moves up or down between stations. With reduced motion, the whole bench.
   */
  #workArea(): BenchBox {
    const { faceWidth, faceHeight, marginUnits, paperWidth, paperHeight } = this.#parts
    const blockHalfWidth = faceWidth / 2 + marginUnits
    const depth = {
      minY: 0,
      maxY: reliefDepth,
      minZ: -paperHeight / 2,
      maxZ: Math.max(paperHeight / 2, faceHeight / 2 + toolRestOffset + toolHalfDepth),
    }
    const phase = this.#parts.session.phase
    if (this.#isReducedMotion)
      return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth + paperWidth, ...depth }
    if (phase === 'write-sample' || phase === 'transfer')
      return { minX: -blockHalfWidth, maxX: blockHalfWidth + paperWidth, ...depth }
    if (phase === 'ink' || phase === 'rub')
      return { minX: -blockHalfWidth, maxX: blockHalfWidth, ...depth }
    return { minX: -blockHalfWidth - paperWidth, maxX: blockHalfWidth, ...depth }
  }

  /** The point on the block face under a pointer, in block coordinates (may lie outside 0–1). */
  #blockPointAt(clientX: number, clientY: number, surfaceY: number): BlockPoint | undefined {
    const canvas = this.#canvas
    if (!canvas) return undefined
    const rect = canvas.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return undefined
    this.#pointerNdc.set(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    )
    this.#raycaster.setFromCamera(this.#pointerNdc, this.camera)
    this.#surfacePlane.constant = -surfaceY
    if (!this.#raycaster.ray.intersectPlane(this.#surfacePlane, this.#hit)) return undefined
    const { faceWidth, faceHeight } = this.#parts
    return { x: this.#hit.x / faceWidth + 0.5, y: this.#hit.z / faceHeight + 0.5 }
  }

  #onPointerDown(event: PointerEvent): void {
    if (this.#touch || (event.pointerType === 'mouse' && event.button !== 0)) return
    this.#canvas?.setPointerCapture(event.pointerId)
    const surfaceY = this.#parts.session.phase === 'rub' ? reliefDepth + 0.008 : reliefDepth
    this.#touch = {
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      lastPoint: this.#blockPointAt(event.clientX, event.clientY, surfaceY),
      hasStroked: false,
      lastX: event.clientX,
      lastY: event.clientY,
      lastTimeMs: event.timeStamp,
    }
    event.preventDefault()
  }

  #onPointerMove(event: PointerEvent): void {
    const touch = this.#touch
    if (!touch || event.pointerId !== touch.pointerId) return
    const { session, blockSurface, paperSurface } = this.#parts
    const phase = session.phase
    if (isFoldStation(phase)) {
      // A fold follows where the finger is now; the path it took there does not matter.
      const spanPx = (this.#canvas?.clientWidth ?? 1000) * 0.3
      session.foldTo(
        foldProgressFromDrag(event.clientX - touch.startX, foldDirections[phase], spanPx),
      )
    } else if (phase === 'ink' || phase === 'rub') {
      // The browser sends one move a frame and keeps the samples between as coalesced events; on
      // a slow frame the middle of a stroke hides in them, so every sample inks or rubs. The
      // texels are repainted once for the whole event, not once a sample.
      const coalesced = event.getCoalescedEvents?.() ?? []
      const changed: CellRect[] = []
      for (const sample of coalesced.length > 0 ? coalesced : [event]) {
        const rect = this.#strokeTo(touch, sample, phase)
        if (rect) changed.push(rect)
      }
      if (changed.length > 0) {
        const surface = phase === 'ink' ? blockSurface : paperSurface
        for (const rect of repaintRects(changed)) surface.repaintCells(rect)
      }
      this.#notifyIfMoveOnChanged(event.timeStamp)
    }
    touch.lastX = event.clientX
    touch.lastY = event.clientY
    touch.lastTimeMs = event.timeStamp
  }

  /** Inks or rubs from the touch's last point to `sample`'s; returns the cells it changed. */
  #strokeTo(touch: ActiveTouch, sample: PointerEvent, phase: 'ink' | 'rub'): CellRect | undefined {
    const { session, inkBrush, palmBrush, faceWidth, faceHeight } = this.#parts
    const surfaceY = phase === 'rub' ? reliefDepth + 0.008 : reliefDepth
    const point = this.#blockPointAt(sample.clientX, sample.clientY, surfaceY)
    let changed: CellRect | undefined
    if (point) {
      const from = touch.lastPoint ?? point
      const tool = phase === 'ink' ? inkBrush : palmBrush
      tool.position.set((point.x - 0.5) * faceWidth, surfaceY + 0.01, (point.y - 0.5) * faceHeight)
      if (phase === 'ink') {
        changed = session.inkStroke(from, point, touch.hasStroked)
      } else {
        const elapsedMs = Math.max(1, sample.timeStamp - touch.lastTimeMs)
        const speedPxPerMs =
          Math.hypot(sample.clientX - touch.lastX, sample.clientY - touch.lastY) / elapsedMs
        const pressure = estimateRubPressure({ pointerPressure: sample.pressure, speedPxPerMs })
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
    const { session, paperSurface } = this.#parts
    const phase = session.phase
    if (isFoldStation(phase)) {
      if (!isRelease) session.foldTo(0)
      const isLift = phase === 'lift'
      if (session.releaseFold() && isLift && session.print) {
        paperSurface.showPrint(mirrorHorizontally(session.print.sheet))
      }
    } else if (phase === 'write-sample' && isRelease) {
      const moved = Math.hypot(event.clientX - touch.startX, event.clientY - touch.startY)
      if (moved < 24 && this.#writingProgress >= 1) session.moveOn()
    }
    this.#notifyChanged()
  }

  #notifyChanged(): void {
    this.#lastCanMoveOn = this.canMoveOn
    this.#listener.changed?.(this)
  }

  /** While inking or rubbing, tells the component as soon as the visitor may move on. */
  #notifyIfMoveOnChanged(timeMs: number): void {
    if (timeMs - this.#lastMoveOnCheckMs < 200) return
    this.#lastMoveOnCheckMs = timeMs
    if (this.canMoveOn !== this.#lastCanMoveOn) this.#notifyChanged()
  }
}
