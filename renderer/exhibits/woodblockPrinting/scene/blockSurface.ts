import type { DataTexture } from 'three'
import {
  createBitmap,
  sampleBilinear,
  type Bitmap,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { CarvingField } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import { createRgbaTexture, texelOffset, valueNoise } from './surfaceTextures'
import { DirtyTexture, type TexelUploader } from './texelUploads'

/** How fast ink darkens the wood: 1 − e^(−rate·ink) of the way to ink black (0.5 → 92 %). */
const inkToneRate = 5

/**
 * Pine-soot ink (松烟墨), linear RGB: nearly black and a little cool, because the workshop's
 * window light is warm (#ffdcae) and three times the face's albedo; the earlier 0.035 grey came
 * out of that light as brown. Lit, it reads black-grey, blue-black in its sheen.
 */
const inkRgb = [0.0042, 0.0052, 0.0082] as const
/** The transferred sample: thin paper pasted on and rubbed off leaves grey-black writing. */
const transferRgb = [0.028, 0.028, 0.03] as const

/**
 * The window light (workshopParts: upper left, behind the block) seen on the face's model grid:
 * the unit step towards it in cells (bitmap y runs towards the visitor), and how many cells of
 * wall height its ray climbs a cell. The face is cut about nine cells deep (reliefDepth over the
 * cell size) and the light stands about 58° high, so a full wall's shadow falls some six cells.
 */
const towardLightCells = [-0.949, -0.316] as const
const shadowRisePerCell = 0.175
const shadowReachCells = 6
/** How much of the light a wall's cast shadow and the trench's foot take from the cut ground. */
const castShadowStrength = 0.55
const trenchOcclusionStrength = 0.5
/** How far a stroke's edge cell turns to lit bare wood (facing the window) or to shade (away). */
const litWallStrength = 0.9
const shadedWallStrength = 0.62
/**
 * The cleared ground's albedo against the face's: end grain and torn fibres drink the light, so
 * the ground reads darker than the planed face even where no wall shades it.
 */
const groundAlbedo = 0.4
/** How far beyond a cut its repaint reaches: the trench's contact shadow looks three cells out. */
const trenchReachCells = 3

/**
 * The colour of the block's face: pear wood; the reversed writing once the sample is transferred;
 * rough, darker end grain where the knife and chisel cut down; ink where the brush has been.
 * One texel a model cell, repainted by the rectangle a cut or stroke touched, never whole while
 * the visitor works.
 */
export class BlockSurface {
  readonly texture: DataTexture
  /**
   * Where wet ink lies, for the face's specular map (grey, linear): ink glossy while wet, the
   * bare and cut wood matte. Painted and uploaded by the same rectangles as `texture`.
   */
  readonly wetInkTexture: DataTexture
  readonly #endGrain: (x: number, y: number) => number
  readonly #colourUploads: DirtyTexture
  readonly #wetInkUploads: DirtyTexture
  #carving: CarvingField
  /**
   * The standing wood (1 − depth) through the tent of `softStanding`, a value a cell: the walls'
   * light, shadows and the trench read it many times a texel, so it is worked out once a paint.
   */
  #standing: Bitmap
  #isWritingShown = false

  /** `wood` is RGB at the model's size; `ink` the model's ink field. */
  constructor(
    private readonly wood: Float32Array,
    carving: CarvingField,
    private readonly ink: Bitmap,
  ) {
    this.#carving = carving
    this.#standing = createBitmap(carving.width, carving.height)
    this.#endGrain = valueNoise(29)
    this.texture = createRgbaTexture(carving.width, carving.height, true)
    this.wetInkTexture = createRgbaTexture(carving.width, carving.height, false)
    this.#colourUploads = new DirtyTexture(this.texture)
    this.#wetInkUploads = new DirtyTexture(this.wetInkTexture)
    this.repaintAll()
  }

  /** Follows a new carving (the visitor wrote a new sample); repaints whole, once. */
  setCarving(carving: CarvingField): void {
    this.#carving = carving
    this.#standing = createBitmap(carving.width, carving.height)
    this.repaintAll()
  }

  /** Shows the transferred writing on the wood (from the moment the sample is laid down). */
  showWriting(isShown: boolean): void {
    if (isShown === this.#isWritingShown) return
    this.#isWritingShown = isShown
    this.repaintAll()
  }

  repaintAll(): void {
    this.#paint(0, 0, this.#carving.width, this.#carving.height)
    this.texture.needsUpdate = true
    this.wetInkTexture.needsUpdate = true
  }

  /** Repaints the texels over these cells (ink changed there) and marks just them for the next upload. */
  repaintCells(rect: CellRect): void {
    this.#paint(rect.x0, rect.y0, rect.x1, rect.y1)
    this.#colourUploads.mark(rect)
    this.#wetInkUploads.mark(rect)
  }

  /**
   * Repaints after a cut in these cells. A cut changes the shadows its walls cast away from the
   * window and the trench's darkening round it, so the rectangle grows by the shadow's reach on
   * the far side and by the trench's elsewhere.
   */
  repaintCut(rect: CellRect): void {
    this.repaintCells({
      x0: Math.max(0, rect.x0 - trenchReachCells),
      y0: Math.max(0, rect.y0 - trenchReachCells),
      x1: Math.min(this.#carving.width, rect.x1 + shadowReachCells + 1),
      y1: Math.min(this.#carving.height, rect.y1 + Math.ceil(shadowReachCells / 2) + 1),
    })
  }

  /** Sends the texels repainted since the last call (once a frame); whether there were any. */
  flushUploads(uploader: TexelUploader): boolean {
    const isColourSent = this.#colourUploads.flush(uploader)
    const isWetInkSent = this.#wetInkUploads.flush(uploader)
    return isColourSent || isWetInkSent
  }

  #paint(x0: number, y0: number, x1: number, y1: number): void {
    const { width, height } = this.#carving
    this.#softenStanding(x0, y0, x1, y1)
    const depth = this.#carving.depth.data
    const strokes = this.#carving.strokes.data
    const bytes = this.texture.image.data as Uint8Array
    const wetBytes = this.wetInkTexture.image.data as Uint8Array
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const i = y * width + x
        const cut = depth[i]!
        const standing = 1 - cut
        const ink = this.ink.data[i]!
        // Cut ground shows the chisel's work: rows of gouge scallops and torn fibres, darker
        // than the face and rough from cell to cell.
        const rough =
          gougeScallop(x, y, this.#endGrain) * (0.86 + 0.22 * this.#endGrain(x * 0.9, y * 0.9))
        // The ground lies in the shadow of the walls between it and the window, and darker still
        // at a wall's foot: what makes the strokes stand proud when seen from above.
        const shade = cut > 0 ? 1 - this.#castShadow(x, y) - this.#trenchOcclusion(x, y) : 1
        const woodShade = (standing + cut * groundAlbedo * rough) * shade
        // The writing lies on the face; a cut through it takes it away. Its edge is read through
        // a 3 × 3 tent, so the model grid's steps do not show as a staircase along a stroke.
        const writing = this.#isWritingShown
          ? softStroke(strokes, width, height, x, y) * standing * 0.92
          : 0
        const inkTone = 1 - Math.exp(-inkToneRate * Math.max(0, ink))
        const inkCover = Math.min(
          1,
          inkTone * (0.15 + 0.85 * standing) + Math.max(0, ink - 1) * 0.3,
        )
        // A stroke's wall: lit bare wood on the side facing the window, shade on the far side.
        const field = this.#standing
        const soft = field.data
        const standingSoft = soft[i]!
        // Far from any cut (the face and its neighbours all standing) there is no wall to light.
        const isFlat =
          standingSoft === 1 &&
          soft[Math.max(0, i - 1)] === 1 &&
          soft[Math.min(soft.length - 1, i + 1)] === 1 &&
          soft[Math.max(0, i - width)] === 1 &&
          soft[Math.min(soft.length - 1, i + width)] === 1
        const litWall = isFlat
          ? 0
          : standingSoft - sampleBilinear(field, x + towardLightCells[0], y + towardLightCells[1])
        const shadedWall = isFlat
          ? 0
          : standingSoft - sampleBilinear(field, x - towardLightCells[0], y - towardLightCells[1])
        // The softened field spreads a wall's step over about two cells: doubled, its edge cell
        // reads as the whole wall.
        const wallLight = Math.min(1, Math.max(0, 2 * litWall)) * litWallStrength
        const wallShade = 1 - Math.min(1, Math.max(0, 2 * shadedWall)) * shadedWallStrength
        const w = i * 3
        const offset = texelOffset(width, height, x, y)
        for (let c = 0; c < 3; c++) {
          let linear = this.wood[w + c]! * woodShade
          linear += (transferRgb[c]! - linear) * writing
          linear += (this.wood[w + c]! * 1.35 - linear) * wallLight
          linear *= wallShade
          linear += (inkRgb[c]! - linear) * inkCover
          bytes[offset + c] = Math.round(Math.pow(Math.max(0, linear), 1 / 2.2) * 255)
        }
        bytes[offset + 3] = 255
        // Gloss on the ink that stands on the face; ink sunk in the cut ground shows none.
        const wet = Math.round(255 * inkCover * standing)
        wetBytes[offset] = wet
        wetBytes[offset + 1] = wet
        wetBytes[offset + 2] = wet
        wetBytes[offset + 3] = 255
      }
    }
  }

  /**
   * Works out the softened standing wood over the cells a paint of this rectangle reads: the
   * rectangle and, round it, as far as the shadows and the trench look (their reach toward the
   * window and two cells elsewhere).
   */
  #softenStanding(x0: number, y0: number, x1: number, y1: number): void {
    const { width, height, depth } = this.#carving
    const data = this.#standing.data
    const left = Math.max(0, x0 - shadowReachCells - 1)
    const top = Math.max(0, y0 - Math.ceil(shadowReachCells / 2) - 2)
    const right = Math.min(width, x1 + 3)
    const bottom = Math.min(height, y1 + 3)
    for (let y = top; y < bottom; y++)
      for (let x = left; x < right; x++) data[y * width + x] = softStanding(depth, x, y)
  }

  /**
   * How much of the window's light the walls between this cut cell and the window hold back:
   * the ray towards the light climbs `shadowRisePerCell` a cell; any wood standing above it casts
   * a shadow, softened by how far above it stands (0 lit, `castShadowStrength` full shadow).
   */
  #castShadow(x: number, y: number): number {
    const field = this.#standing
    const floor = field.data[y * field.width + x]!
    let blocked = 0
    for (let step = 1; step <= shadowReachCells; step++) {
      const above =
        sampleBilinear(field, x + towardLightCells[0] * step, y + towardLightCells[1] * step) -
        (floor + shadowRisePerCell * step)
      if (above > blocked) blocked = above
    }
    return castShadowStrength * Math.min(1, blocked * 3)
  }

  /** The darkening at a wall's foot: the share of standing wood two cells round (0–strength). */
  #trenchOcclusion(x: number, y: number): number {
    const field = this.#standing
    const floor = field.data[y * field.width + x]!
    let rise = 0
    const { width, height, data } = field
    for (const [dx, dy] of trenchTaps) {
      const column = Math.min(width - 1, Math.max(0, x + dx))
      const row = Math.min(height - 1, Math.max(0, y + dy))
      rise += Math.max(0, data[row * width + column]! - floor)
    }
    return (trenchOcclusionStrength * rise) / trenchTaps.length
  }
}

/**
 * Where the trench's occlusion looks for walls: a ring one cell out and one three out (whole
 * cells), so the contact shadow is darkest at a wall's foot and fades over about three cells.
 */
const trenchTaps = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [3, 0],
  [-3, 0],
  [0, 3],
  [0, -3],
  [2, 2],
  [-2, 2],
  [2, -2],
  [-2, -2],
] as const

/** A gouge scallop's size on the model grid: across the grain, and along it (the chisel's push). */
const scallopWidthCells = 5
const scallopLengthCells = 9

/**
 * The light a cleared cell gets from its gouge scallop (about 0.7–1.15): the round chisel (铲底)
 * is pushed along the grain in overlapping scoops, row beside row, each row's scoops staggered.
 * Across a scoop its hollow faces the window on the far side and turns from it on the near;
 * along it the blade goes in steep (a dark crescent where the last scoop ended) and rises out
 * shallow. `noise` varies each scoop's length and stagger, so the rows do not read as a grid.
 */
function gougeScallop(x: number, y: number, noise: (x: number, y: number) => number): number {
  const row = Math.floor(x / scallopWidthCells)
  const across = x / scallopWidthCells - row
  const length = scallopLengthCells * (0.8 + 0.4 * noise(row * 1.7, 0.5))
  const along = (y + row * 3.7 + 6 * noise(row * 0.9, 3.1)) / length
  const scoopAlong = along - Math.floor(along)
  // The hollow's floor: lit on the side away from the window (it faces it), shaded on the near.
  const acrossLight = 0.9 + 0.2 * (across - 0.5)
  // The blade's entry: a dark crescent, then the scoop rising out towards the light.
  const entry = scoopAlong < 0.14 ? 0.8 + 1.4 * scoopAlong : 1
  const rise = 0.93 + 0.14 * scoopAlong
  // Each scoop cut a little deeper or shallower than its neighbours.
  const scoop = Math.floor(along)
  const depthVariation = 0.92 + 0.16 * noise(row * 2.3 + scoop * 5.1, scoop * 1.9)
  return acrossLight * entry * rise * depthVariation
}

/**
 * The wood standing at (x, y) (0 cut to full depth, 1 the face), read through a small tent (four
 * bilinear taps 0.7 cells round) so that a wall along a slanting stroke runs smooth rather than
 * stepping cell by cell.
 */
function softStanding(depth: Bitmap, x: number, y: number): number {
  const r = 0.7
  return (
    1 -
    (sampleBilinear(depth, x - r, y - r) +
      sampleBilinear(depth, x + r, y - r) +
      sampleBilinear(depth, x - r, y + r) +
      sampleBilinear(depth, x + r, y + r)) /
      4
  )
}

/** The stroke mask at (x, y) through a 3 × 3 tent filter (weights 1-2-1), edges clamped. */
function softStroke(
  strokes: Float32Array,
  width: number,
  height: number,
  x: number,
  y: number,
): number {
  let sum = 0
  for (let dy = -1; dy <= 1; dy++) {
    const row = Math.min(height - 1, Math.max(0, y + dy)) * width
    const wy = dy === 0 ? 2 : 1
    for (let dx = -1; dx <= 1; dx++) {
      const column = Math.min(width - 1, Math.max(0, x + dx))
      sum += strokes[row + column]! * wy * (dx === 0 ? 2 : 1)
    }
  }
  return sum / 16
}
