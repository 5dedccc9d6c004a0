import {
  AmbientLight,
  BackSide,
  BoxGeometry,
  CanvasTexture,
  Color,
  DirectionalLight,
  DoubleSide,
  FrontSide,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  MeshPhongMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  type DataTexture,
  type Side,
  type Texture,
  Vector3,
} from 'three'
import { createBitmap, type Bitmap } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import {
  gridSizeFor,
  layoutBlockText,
} from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import {
  PrintingSession,
  type PrintingSessionListener,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { CharacterStrokeData } from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'
import type { SceneContext } from '../../../scenes/exhibitScene'
import { textureByteSize } from '../../../scenes/textureByteSize'
import strokeDataJson from '../scribeStrokeData.json'
import { buildBenchTools, type BenchTools } from './benchTools'
import { BlockSurface } from './blockSurface'
import { CarvedRelief } from './carvedRelief'
import { carvingAspect, drawPlum, type CarvingSource } from './carvingSource'
import { flatLambertColour } from './flatLambertLight'
import { cachedPainting } from './paintingCache'
import { PaperSurface } from './paperSurface'
import { PeelingSheet } from './peelingSheet'
import { SampleRubAway } from './sampleRubAway'
import {
  createRgbaTexture,
  paintBlockSides,
  paintPearWood,
  paintRicePaper,
  paintWorkbench,
  texelOffset,
} from './surfaceTextures'
import { rendererTexelUploader, type TexelUploader } from './texelUploads'
import { WoodChips } from './woodChips'
import { loadModelGlyphFont, modelGlyphFontFamily } from './modelGlyphFont'
import { WritingSheet } from './writingSheet'

/** The pack's characters' stroke data (extracted by scripts/woodblock/extractScribeStrokes.ts). */
export const scribeStrokeData: Readonly<Record<string, CharacterStrokeData>> = strokeDataJson

/** Cells along the block's long side in the printing and carving model (one texel a cell). */
export const modelLongSideCells = 256
/** Relief geometry segments along the long side: 2 × 160² ≈ 51k triangles. */
const reliefSegments = 160
/** Height of the wood left standing, in scene units (the block's long side is 1). */
export const reliefDepth = 0.035
/** Paper margin round the block face, as a share of the block's long side. */
const paperMarginShare = 0.07
/** The sample's 版心 strip, as a share of the block's long side. */
const centreStripShare = 0.09
/** The gloss of wet ink on the block (the specular colour where the wet-ink map is white). */
export const wetInkSpecular = new Color('#4c4a48')
/** The bench top's size in scene units, and its centre across (the sample lies to the right). */
const benchWidthUnits = 7
const benchDepthUnits = 5.25
const benchCentreX = 0.4
/** How far the block's body stands above the bench (the block face is at y = 0). */
export const blockBodyDepth = 0.12
/**
 * Wood of the block beyond the paper's edge each side, in scene units: the sheets at 上版 and
 * 刷印 lie ON the block, its edges and end grain showing round them (a block the size of the
 * face hid under the paper's margins, and the paper seemed to lie on the bench).
 */
export const blockShoulderUnits = 0.05

/** The meshes and surfaces the scene animates; all owned by the scene's DisposableStore. */
export interface WorkshopParts {
  readonly scene: Scene
  readonly session: PrintingSession
  readonly blockSurface: BlockSurface
  readonly carvedRelief: CarvedRelief
  readonly paperSurface: PaperSurface
  readonly writingSheet: WritingSheet
  /** The carved relief the paper reads while it is rubbed (filled when carving ends). */
  readonly printRelief: Bitmap
  readonly relief: Mesh
  /** The block face's material: its specular colour fades as the ink dries (see wetInkSpecular). */
  readonly reliefMaterial: MeshPhongMaterial
  readonly sampleHinge: Group
  readonly sampleMaterial: MeshLambertMaterial
  /** The face-down sample's paper at 上版, rubbed away where the visitor rubs its back. */
  readonly sampleRubAway: SampleRubAway
  readonly paperHinge: Group
  /** The printing paper's bend as it is peeled off the block (揭纸). */
  readonly paperPeel: PeelingSheet
  readonly tools: BenchTools
  readonly chips: WoodChips
  readonly isMotif: boolean
  /** The block's text (the scribe writes it; a motif's stands for its name). */
  readonly blockText: string
  readonly faceWidth: number
  readonly faceHeight: number
  /** Paper overhang beyond the block face each side, in scene units. */
  readonly marginUnits: number
  /** The block's body beyond its face each side (the paper's margin and the shoulder round it). */
  readonly bodyOverhangUnits: number
  readonly paperWidth: number
  readonly paperHeight: number
  /** The sample is wider than the printing paper by its 版心 strip. */
  readonly sampleWidth: number
  /** Bytes of texture data the scene uploads (the budget is 64 MB). */
  readonly textureBytes: number
  /** Sends the surfaces' repainted rectangles to the GPU, once a frame. */
  readonly texelUploader: TexelUploader
}

/**
 * Builds the workshop for `block`; every resource it makes is added to `store`. The model glyph's
 * face is loaded into `fonts` (see loadModelGlyphFont).
 */
export async function buildWorkshop(
  block: CarvingSource,
  listener: PrintingSessionListener,
  context: SceneContext,
  store: DisposableStore,
  fonts: FontFaceSet | undefined,
): Promise<WorkshopParts> {
  const aspect = carvingAspect(block)
  const grid = gridSizeFor(aspect, modelLongSideCells)
  const isMotif = block.carving === 'motif'
  const layout = isMotif ? undefined : layoutBlockText(block.text)
  // Awaited before anything is made, so an abandoned build has nothing to dispose.
  const hasModelFont = !isMotif && (await loadModelGlyphFont(fonts))
  // A blank sheet until the visitor (or the scribe) writes on it.
  const session = new PrintingSession(createBitmap(grid.width, grid.height), listener)

  const faceWidth = aspect >= 1 ? 1 : aspect
  const faceHeight = aspect >= 1 ? 1 / aspect : 1
  const marginCells = Math.round(paperMarginShare * Math.max(grid.width, grid.height))
  const stripCells = Math.round(centreStripShare * Math.max(grid.width, grid.height))
  const unitsPerCell = faceWidth / grid.width
  const marginUnits = marginCells * unitsPerCell
  const paperWidth = faceWidth + 2 * marginUnits
  const bodyOverhangUnits = marginUnits + blockShoulderUnits
  const paperHeight = faceHeight + 2 * marginUnits
  const sampleWidth = paperWidth + stripCells * unitsPerCell

  const scene = new Scene()
  // The dim room beyond the bench, the colour the bench's light falls off to at its edges.
  scene.background = new Color('#3a2a20')

  // Soft light from a workshop window on the upper left, warm; a dim, warm room fills the rest.
  const lights = [
    new HemisphereLight('#fff1dc', '#3a2a20', 1.0),
    new AmbientLight('#ffe9cf', 0.18),
    new DirectionalLight('#ffdcae', 2.5),
  ] as const
  const windowLight = lights[2]
  windowLight.position.set(-1.8, 3, -0.6)
  scene.add(...lights)

  // The bench top: worn boards running across the view, lit by the window (baked: see
  // paintWorkbench). One texture over the whole bench, so no tile repeats.
  const benchLighting = {
    widthUnits: benchWidthUnits,
    depthUnits: benchDepthUnits,
    litX: -1.0,
    litZ: -0.7,
    reachUnits: 2.1,
  }
  const benchTexture = store.add(
    linearRgbTexture('bench', 512, 384, () => paintWorkbench(512, 384, benchLighting)),
  )
  // The bench lies flat under lights that do not depend on position: its Lambert light is one
  // colour, baked into a basic material (see flatLambertColour); the same picture, less per pixel.
  const bench = new Mesh(
    store.add(new PlaneGeometry(benchWidthUnits, benchDepthUnits)),
    store.add(
      new MeshBasicMaterial({
        map: benchTexture,
        color: flatLambertColour(new Vector3(0, 1, 0), lights),
      }),
    ),
  )
  bench.rotation.x = -Math.PI / 2
  bench.position.set(benchCentreX, -blockBodyDepth, 0)
  scene.add(bench)

  // Soft contact shadows: a blurred dark patch under the block and under the ink stone.
  const shadowTexture = store.add(contactShadowTexture())
  const shadowMaterial = store.add(
    new MeshBasicMaterial({
      map: shadowTexture,
      transparent: true,
      depthWrite: false,
      color: '#000000',
    }),
  )
  const shadowGeometry = store.add(new PlaneGeometry(1, 1))
  const blockShadow = new Mesh(shadowGeometry, shadowMaterial)
  blockShadow.rotation.x = -Math.PI / 2
  blockShadow.scale.set(
    (faceWidth + 2 * bodyOverhangUnits) * 1.25,
    (faceHeight + 2 * bodyOverhangUnits) * 1.25,
    1,
  )
  blockShadow.position.set(0.03, -blockBodyDepth + 0.001, 0.03)
  scene.add(blockShadow)

  // The block's body: the face is long grain, as Song blocks were cut, so the front and back show
  // end grain (the right half of the texture) and the sides long grain (its left half).
  const endGrain = store.add(
    linearRgbTexture('block sides', 512, 64, () => paintBlockSides(512, 64)),
  )
  const bodyGeometry = store.add(
    new BoxGeometry(
      faceWidth + 2 * bodyOverhangUnits,
      blockBodyDepth,
      faceHeight + 2 * bodyOverhangUnits,
    ),
  )
  const bodyUvs = bodyGeometry.getAttribute('uv')
  for (let vertex = 0; vertex < bodyUvs.count; vertex++) {
    // BoxGeometry's faces come four vertices each in the order +x, −x, +y, −y, +z, −z.
    const isEndFace = Math.floor(vertex / 4) >= 4
    bodyUvs.setX(vertex, (isEndFace ? 0.5 : 0) + bodyUvs.getX(vertex) / 2)
  }
  const body = new Mesh(bodyGeometry, store.add(new MeshLambertMaterial({ map: endGrain })))
  body.position.y = -blockBodyDepth / 2 - 0.0005
  scene.add(body)

  const blockSurface = new BlockSurface(
    cachedPainting(`pear wood ${grid.width}×${grid.height}`, () =>
      paintPearWood(grid.width, grid.height),
    ),
    session.carving,
    session.ink.bitmap,
  )
  store.add(blockSurface.texture)
  store.add(blockSurface.wetInkTexture)
  const carvedRelief = store.add(
    new CarvedRelief(session.carving.depth, faceWidth, faceHeight, reliefDepth, reliefSegments),
  )
  // Phong for the face so wet ink can shine (its specular map); the wood stays matte.
  const reliefMaterial = store.add(
    new MeshPhongMaterial({
      map: blockSurface.texture,
      normalMap: carvedRelief.normalMap,
      specularMap: blockSurface.wetInkTexture,
      specular: wetInkSpecular,
      shininess: 24,
    }),
  )
  const relief = new Mesh(carvedRelief.geometry, reliefMaterial)
  relief.rotation.x = -Math.PI / 2
  relief.position.y = 0.0005
  scene.add(relief)

  // The sample lies to the right, hinged on the block's right edge so it turns over onto it.
  const texelUploader = rendererTexelUploader(context.renderer)
  const writingSheet = store.add(
    new WritingSheet(
      { gridWidth: grid.width, gridHeight: grid.height, marginCells, centreStripCells: stripCells },
      layout,
      scribeStrokeData,
      isMotif ? drawPlum : undefined,
      hasModelFont ? modelGlyphFontFamily : undefined,
      texelUploader,
    ),
  )
  const sampleRubAway = store.add(
    new SampleRubAway(
      { gridWidth: grid.width, gridHeight: grid.height, marginCells },
      grid.width + 2 * marginCells + stripCells,
      grid.height + 2 * marginCells,
      session.transferRub.bitmap,
    ),
  )
  const sampleMaterial = store.add(
    // Transparent from the start (the deckle edge, rubbed away at 上版, and fading once
    // transferred) with no recompile.
    new MeshLambertMaterial({
      map: writingSheet.texture,
      alphaMap: sampleRubAway.alphaMap,
      side: DoubleSide,
      transparent: true,
      alphaTest: 0.02,
    }),
  )
  const sampleMesh = new Mesh(
    store.add(new PlaneGeometry(sampleWidth, paperHeight)),
    sampleMaterial,
  )
  sampleMesh.rotation.x = -Math.PI / 2
  sampleMesh.position.x = sampleWidth / 2
  const sampleHinge = new Group()
  sampleHinge.position.set(faceWidth / 2 + marginUnits, reliefDepth + 0.004, 0)
  sampleHinge.add(sampleMesh)
  scene.add(sampleHinge)

  // The printing paper waits on the left, hinged on the block's left edge.
  const printRelief = createBitmap(grid.width, grid.height)
  const paperWidthCells = grid.width + 2 * marginCells
  const paperHeightCells = grid.height + 2 * marginCells
  const paperSurface = new PaperSurface(
    cachedPainting(`rice paper ${paperWidthCells}×${paperHeightCells}`, () =>
      paintRicePaper(paperWidthCells, paperHeightCells),
    ),
    printRelief,
    session.ink.bitmap,
    session.rub.bitmap,
    marginCells,
  )
  store.add(paperSurface.backTexture)
  store.add(paperSurface.faceTexture)
  // Segments across, so the sheet can bend over its curl as it is peeled off: about twenty round
  // the curl (48 across the sheet left it a visible polygon).
  const sheetGeometry = store.add(new PlaneGeometry(paperWidth, paperHeight, 160, 1))
  // The deckle edge is the textures' soft alpha, blended rather than cut at a threshold: a cut
  // edge stair-steps wherever the sheet is drawn small (the host draws touched frames at down to
  // 0.45 scale on software WebGL, so the curl of a peel in progress showed steps). The paper is
  // out only once the sample has been rubbed away, so there is nothing else transparent to sort
  // it against but its own shadow; texels with next to no alpha write no depth.
  const sheetMaterial = (map: DataTexture, side: Side) =>
    store.add(new MeshLambertMaterial({ map, side, transparent: true, alphaTest: 0.02 }))
  const paperBack = new Mesh(sheetGeometry, sheetMaterial(paperSurface.backTexture, FrontSide))
  const paperFace = new Mesh(sheetGeometry, sheetMaterial(paperSurface.faceTexture, BackSide))
  for (const mesh of [paperBack, paperFace]) {
    mesh.rotation.x = -Math.PI / 2
    mesh.position.x = paperWidth / 2
  }
  // A soft contact shadow under the sheet, a little towards the room from the window's light; it
  // turns with the sheet, so it lies under it on the bench and on the block alike.
  const sheetShadowTexture = store.add(sheetShadowCanvasTexture())
  const sheetShadowMaterial = store.add(
    new MeshBasicMaterial({
      map: sheetShadowTexture,
      transparent: true,
      depthWrite: false,
      color: '#000000',
    }),
  )
  const sheetShadow = new Mesh(shadowGeometry, sheetShadowMaterial)
  const paperPeel = new PeelingSheet(sheetGeometry, paperWidth, sheetShadow)
  sheetShadow.rotation.x = -Math.PI / 2
  sheetShadow.scale.set(paperWidth * 1.12, paperHeight * 1.12, 1)
  // Placed under the sheet however it is turned by PeelingSheet.followTurn.
  sheetShadow.position.z = 0.012
  const paperHinge = new Group()
  paperHinge.position.set(-(faceWidth / 2 + marginUnits), reliefDepth + 0.008, 0)
  paperHinge.add(sheetShadow, paperBack, paperFace)
  paperHinge.rotation.z = Math.PI
  scene.add(paperHinge)

  const { tools, grainTexture } = buildBenchTools(store, shadowMaterial)
  for (const tool of Object.values(tools)) scene.add(tool)

  const chips = store.add(new WoodChips(faceWidth / 2, faceHeight / 2))
  scene.add(chips.mesh)

  // Compile every material now, so nothing stalls a frame on a shader compile later.
  await context.renderer.compileAsync(scene, new PerspectiveCamera())
  context.signal.throwIfAborted()

  const textures: Texture[] = [
    blockSurface.texture,
    blockSurface.wetInkTexture,
    carvedRelief.normalMap,
    paperSurface.backTexture,
    paperSurface.faceTexture,
    writingSheet.texture,
    sampleRubAway.alphaMap,
    benchTexture,
    endGrain,
    shadowTexture,
    sheetShadowTexture,
    grainTexture,
  ]
  // Upload every texture whole now. The paper stays hidden until 覆纸 while its texels are
  // repainted by sub-rectangles; a first upload of only those ranges would leave the rest of the
  // sheet uninitialised (black). It also keeps the first uploads out of the visitor's frames.
  for (const texture of textures) context.renderer.initTexture(texture)
  return {
    scene,
    session,
    blockSurface,
    carvedRelief,
    paperSurface,
    writingSheet,
    printRelief,
    relief,
    reliefMaterial,
    sampleHinge,
    sampleMaterial,
    sampleRubAway,
    paperHinge,
    paperPeel,
    tools,
    chips,
    isMotif,
    blockText: block.text,
    faceWidth,
    faceHeight,
    marginUnits,
    bodyOverhangUnits,
    paperWidth,
    paperHeight,
    sampleWidth,
    textureBytes: textures
      .map((texture) => textureByteSize(texture))
      .reduce((sum, bytes) => sum + bytes, 0),
    texelUploader,
  }
}

/**
 * An sRGB texture of the linear RGB 0–1 triples `paint` lays out (row 0 at the top), painted and
 * encoded once a page (see cachedPainting): a later visit uploads the same bytes.
 */
function linearRgbTexture(name: string, width: number, height: number, paint: () => Float32Array) {
  const bytes = cachedPainting(`${name} ${width}×${height} sRGB`, () =>
    srgbBytes(width, height, paint()),
  )
  return createRgbaTexture(width, height, true, bytes)
}

/** Linear RGB triples as flipped sRGB RGBA bytes, as a DataTexture stores them. */
function srgbBytes(width: number, height: number, rgb: Float32Array): Uint8Array {
  const bytes = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = texelOffset(width, height, x, y)
      for (let c = 0; c < 3; c++)
        bytes[offset + c] = Math.round(
          Math.pow(Math.min(1, rgb[(y * width + x) * 3 + c]!), 1 / 2.2) * 255,
        )
      bytes[offset + 3] = 255
    }
  }
  return bytes
}

/**
 * A soft dark rectangle fading to nothing at its rim: the shadow a thin sheet lying close to a
 * surface casts in soft light (the plane it is drawn on is a little larger than the sheet).
 */
function sheetShadowCanvasTexture(): CanvasTexture<OffscreenCanvas> {
  const size = 64
  const canvas = new OffscreenCanvas(size, size)
  const context = canvas.getContext('2d')!
  const inset = 7
  context.filter = 'blur(3px)'
  context.fillStyle = 'rgba(0,0,0,0.34)'
  context.fillRect(inset, inset, size - 2 * inset, size - 2 * inset)
  return new CanvasTexture(canvas)
}

/** A soft dark ellipse fading to nothing: the shadow an object casts on the bench in soft light. */
function contactShadowTexture(): CanvasTexture<OffscreenCanvas> {
  const canvas = new OffscreenCanvas(64, 64)
  const context = canvas.getContext('2d')!
  const gradient = context.createRadialGradient(32, 32, 8, 32, 32, 32)
  gradient.addColorStop(0, 'rgba(0,0,0,0.55)')
  gradient.addColorStop(1, 'rgba(0,0,0,0)')
  context.fillStyle = gradient
  context.fillRect(0, 0, 64, 64)
  return new CanvasTexture(canvas)
}
