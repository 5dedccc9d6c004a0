import {
  type BufferGeometry,
  CircleGeometry,
  Color,
  CylinderGeometry,
  type DataTexture,
  Euler,
  ExtrudeGeometry,
  Group,
  LatheGeometry,
  type Material,
  Matrix4,
  Mesh,
  MeshPhongMaterial,
  PlaneGeometry,
  Quaternion,
  Shape,
  SphereGeometry,
  BoxGeometry,
  Float32BufferAttribute,
  Vector2,
  Vector3,
} from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'
import { createRgbaTexture, texelOffset, valueNoise } from './surfaceTextures'

/**
 * The tools on the bench, each a group whose origin is where it touches the work. The long tools
 * lie with their tip at the origin and their handle towards the visitor (+z), as a carver lays them
 * out in front of the block.
 */
export interface BenchTools {
  /** 毛笔: the writing brush of the sample station. */
  readonly writingBrush: Group
  /** 笔架: the celadon brush rest the writing brush lies on between strokes. */
  readonly brushRest: Group
  /** 刻刀: the knife with a slanted blade that outlines the strokes (发刀). */
  readonly knife: Group
  /** 铲刀: the broad chisel that clears the ground (铲底). */
  readonly chisel: Group
  /** 棕刷: the palm-fibre bundle, bound at the top, that inks the block. */
  readonly inkBrush: Group
  /** 耙子: the palm-fibre rubbing pad with a grip that rubs the paper's back. */
  readonly rubbingPad: Group
  /** 砚: the ink stone with its well of wet ink and an ink stick. */
  readonly inkStone: Group
  /** 水盂: the celadon water dish. */
  readonly waterDish: Group
}

/**
 * How much larger than life, against the block, the tools are drawn: at true scale a knife is
 * nearly as long as the block is wide and the row would crowd the work out of the frame.
 */
const toolScale = 1.35

/** Height of the writing brush's shaft above the bench when it lies on its rest. */
export const brushRestHeight = 0.018 * toolScale

/** One piece of a tool: a geometry placed in the tool's frame and given one colour. */
interface ToolPiece {
  readonly geometry: BufferGeometry
  readonly color: string
  readonly position?: readonly [number, number, number]
  readonly rotation?: readonly [number, number, number]
  readonly scale?: readonly [number, number, number]
}

/**
 * Builds the bench's tools (every geometry, material and texture is added to `store`). Each tool is
 * one merged mesh coloured per vertex over a shared fibre texture, so the whole set costs a draw
 * call a tool, plus one for the ink well's wet gloss and one soft contact shadow under each tool
 * (drawn with `shadowMaterial` on a unit plane).
 */
export function buildBenchTools(
  store: DisposableStore,
  shadowMaterial: Material,
): { readonly tools: BenchTools; readonly grainTexture: DataTexture } {
  const grain = store.add(toolGrainTexture())
  const material = store.add(
    new MeshPhongMaterial({
      vertexColors: true,
      map: grain,
      shininess: 36,
      specular: '#3b3631',
    }),
  )
  // Wet ink is glossy: a tight, faint highlight on near black.
  const wetInk = store.add(
    new MeshPhongMaterial({ color: '#0d0c0b', shininess: 140, specular: '#5a5650' }),
  )
  const shadowGeometry = store.add(new PlaneGeometry(1, 1))
  const toolMesh = (pieces: readonly ToolPiece[], isLengthwise: boolean) => {
    const geometry = store.add(mergePieces(pieces))
    // Built along +x; laid out with the handle towards the visitor.
    if (isLengthwise) geometry.rotateY(-Math.PI / 2)
    return new Mesh(geometry, material)
  }
  const toolGroup = (mesh: Mesh, shadowScale: number) => {
    const group = new Group()
    group.add(mesh)
    mesh.geometry.computeBoundingBox()
    const box = mesh.geometry.boundingBox!
    const shadow = new Mesh(shadowGeometry, shadowMaterial)
    shadow.rotation.x = -Math.PI / 2
    shadow.scale.set(
      (box.max.x - box.min.x) * shadowScale,
      (box.max.z - box.min.z) * shadowScale,
      1,
    )
    // Lit from the window on the upper left: the shadow falls a little right and forward.
    shadow.position.set((box.max.x + box.min.x) / 2 + 0.006, 0.0015, (box.max.z + box.min.z) / 2)
    shadow.renderOrder = -1
    group.add(shadow)
    group.scale.setScalar(toolScale)
    return group
  }

  const writingBrush = toolGroup(toolMesh(writingBrushPieces(), true), 1.5)
  const brushRest = toolGroup(toolMesh(brushRestPieces(), false), 1.4)
  const knife = toolGroup(toolMesh(knifePieces(), true), 1.5)
  const chisel = toolGroup(toolMesh(chiselPieces(), true), 1.5)
  const inkBrush = toolGroup(toolMesh(palmBundlePieces(), false), 1.6)
  const rubbingPad = toolGroup(toolMesh(rubbingPadPieces(), true), 1.45)
  const inkStone = toolGroup(toolMesh(inkStonePieces(), false), 1.35)
  const waterDish = toolGroup(toolMesh(waterDishPieces(), false), 1.5)

  // The ink stone's well (墨池) holds wet ink: glossy where the stone is matte.
  const well = new Mesh(store.add(new CircleGeometry(1, 28)), wetInk)
  well.rotation.x = -Math.PI / 2
  well.scale.set(0.036, 0.022, 1)
  well.position.set(0, inkStoneTop + 0.0008, -0.05)
  inkStone.add(well)

  const tools = {
    writingBrush,
    brushRest,
    knife,
    chisel,
    inkBrush,
    rubbingPad,
    inkStone,
    waterDish,
  }
  return { tools, grainTexture: grain }
}

const palette = {
  handleWood: '#8f5e3a',
  darkWood: '#4e3323',
  cinnabarCord: '#a4412e',
  steel: '#a3a8ad',
  bamboo: '#cdb07a',
  bambooNode: '#9c7d4c',
  hair: '#ece2cc',
  inkedHair: '#171412',
  palm: '#6f4a2c',
  palmLight: '#86603c',
  palmDark: '#4d3220',
  cord: '#3a2a1d',
  stone: '#45464a',
  stoneFace: '#2d2e31',
  inkStick: '#1b1b1d',
  gold: '#b8954a',
  celadon: '#a3bfa9',
  celadonWater: '#6f8a7c',
} as const

/** 毛笔: inked hair tip at the origin, pale hair, a horn ferrule, a bamboo shaft. */
function writingBrushPieces(): ToolPiece[] {
  const alongX = [0, 0, -Math.PI / 2] as const
  const y = 0.009
  const tip = lathe([
    [0, 0],
    [0.004, 0.006],
    [0.0082, 0.018],
  ])
  const base = lathe([
    [0.0082, 0.018],
    [0.009, 0.03],
    [0.0078, 0.04],
    [0, 0.04],
  ])
  return [
    { geometry: tip, color: palette.inkedHair, position: [0, y, 0], rotation: alongX },
    { geometry: base, color: palette.hair, position: [0, y, 0], rotation: alongX },
    {
      geometry: new CylinderGeometry(0.0085, 0.0082, 0.014, 10),
      color: palette.darkWood,
      position: [0.046, y, 0],
      rotation: alongX,
    },
    {
      geometry: new CylinderGeometry(0.0062, 0.0068, 0.13, 8),
      color: palette.bamboo,
      position: [0.118, y, 0],
      rotation: alongX,
    },
    ...[0.09, 0.15].map((x): ToolPiece => ({
      geometry: new CylinderGeometry(0.0072, 0.0072, 0.004, 8),
      color: palette.bambooNode,
      position: [x, y, 0],
      rotation: alongX,
    })),
    {
      geometry: new CylinderGeometry(0.0068, 0.0062, 0.012, 8),
      color: palette.darkWood,
      position: [0.189, y, 0],
      rotation: alongX,
    },
  ]
}

/** 笔架: a two-peaked celadon rest across the brush, which lies in the valley between the peaks. */
function brushRestPieces(): ToolPiece[] {
  const shape = new Shape()
  const outline: [number, number][] = [
    [-0.05, 0],
    [-0.047, 0.02],
    [-0.032, 0.032],
    [-0.017, 0.022],
    [0, 0.016],
    [0.017, 0.022],
    [0.032, 0.032],
    [0.047, 0.02],
    [0.05, 0],
  ]
  shape.moveTo(...outline[0]!)
  for (const point of outline.slice(1)) shape.lineTo(...point)
  shape.closePath()
  return [
    {
      geometry: new ExtrudeGeometry(shape, {
        depth: 0.014,
        bevelEnabled: true,
        bevelThickness: 0.002,
        bevelSize: 0.002,
        bevelSegments: 1,
      }),
      color: palette.celadon,
      position: [0, 0, -0.007],
    },
  ]
}

/** 刻刀: a slanted blade, bound with cinnabar cord into an octagonal wooden handle. */
function knifePieces(): ToolPiece[] {
  const y = 0.01
  return [
    // The cutting edge runs on the slant from the point (0, 0.007) back to (0.016, −0.007).
    flatBladePiece(
      [
        [0, 0.007],
        [0.016, -0.007],
        [0.05, -0.007],
        [0.05, 0.007],
      ],
      y,
    ),
    lyingAlongHandlePiece(
      new CylinderGeometry(0.0095, 0.0105, 0.11, 8),
      palette.handleWood,
      0.1,
      y,
    ),
    lyingAlongHandlePiece(
      new CylinderGeometry(0.0112, 0.0112, 0.014, 8),
      palette.cinnabarCord,
      0.05,
      y,
    ),
  ]
}

/** A flat steel blade lying on the bench: `outline` (x along the tool, z across), 3 mm thick. */
function flatBladePiece(outline: readonly [number, number][], y: number): ToolPiece {
  const blade = new Shape()
  blade.moveTo(...outline[0]!)
  for (const point of outline.slice(1)) blade.lineTo(...point)
  blade.closePath()
  return {
    geometry: new ExtrudeGeometry(blade, { depth: 0.003, bevelEnabled: false }),
    color: palette.steel,
    position: [0, y - 0.0015, 0],
    rotation: [-Math.PI / 2, 0, 0],
  }
}

/** A round part (handle, ferrule, binding) lying along the tool, its centre `x` from the tip. */
function lyingAlongHandlePiece(
  geometry: CylinderGeometry,
  color: string,
  x: number,
  y: number,
): ToolPiece {
  return { geometry, color, position: [x, y, 0], rotation: [0, 0, -Math.PI / 2] }
}

/** 铲刀: a broad, flat blade narrowing into a steel ferrule and a round handle. */
function chiselPieces(): ToolPiece[] {
  const y = 0.012
  return [
    flatBladePiece(
      [
        [0, -0.017],
        [0.004, -0.017],
        [0.036, -0.005],
        [0.062, -0.004],
        [0.062, 0.004],
        [0.036, 0.005],
        [0.004, 0.017],
        [0, 0.017],
      ],
      y,
    ),
    lyingAlongHandlePiece(new CylinderGeometry(0.0105, 0.0105, 0.012, 10), palette.steel, 0.066, y),
    lyingAlongHandlePiece(
      new CylinderGeometry(0.012, 0.0135, 0.1, 10),
      palette.handleWood,
      0.122,
      y,
    ),
  ]
}

/** 棕刷: a bundle of palm fibre standing on its inked ends, bound twice and rounded at the top. */
function palmBundlePieces(): ToolPiece[] {
  return [
    {
      geometry: new CylinderGeometry(0.042, 0.043, 0.008, 18),
      color: palette.inkedHair,
      position: [0, 0.004, 0],
    },
    {
      geometry: new CylinderGeometry(0.035, 0.042, 0.045, 18),
      color: palette.palm,
      position: [0, 0.0305, 0],
    },
    {
      geometry: new CylinderGeometry(0.03, 0.035, 0.045, 18),
      color: palette.palmLight,
      position: [0, 0.0755, 0],
    },
    ...[0.062, 0.088].map((y): ToolPiece => ({
      geometry: new CylinderGeometry(0.0325, 0.0335, 0.007, 18),
      color: palette.cord,
      position: [0, y, 0],
    })),
    {
      geometry: new SphereGeometry(0.03, 18, 6, 0, Math.PI * 2, 0, Math.PI / 2),
      color: palette.palmLight,
      position: [0, 0.098, 0],
      scale: [1, 0.7, 1],
    },
  ]
}

/**
 * The rubbing pad's half size across and along (before `toolScale`): drawn at scale it is about a
 * third of the block's width, a hand's breadth on a block some 25 cm long, the width of three or
 * four 界行 columns of a Song page (docs/woodblock-stations.md); a domino-sized pad read as a toy.
 */
export const rubbingPadHalfWidth = 0.118
const rubbingPadHalfDepth = 0.072

/**
 * 耙子: a flat, rounded block of coiled palm fibre bound across with cord, its worn face a fringe
 * of fibre ends wider than the body, with a grip on two posts.
 */
function rubbingPadPieces(): ToolPiece[] {
  const w = rubbingPadHalfWidth
  const h = rubbingPadHalfDepth
  const bodyTop = 0.004 + 0.022 + 0.006
  return [
    {
      // The working face: fibre ends splayed a little beyond the body, ragged at the rim.
      geometry: new ExtrudeGeometry(fibreFringe(w + 0.009, h + 0.009, 120), {
        depth: 0.004,
        bevelEnabled: false,
      }),
      color: palette.palmDark,
      position: [0, 0, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
    {
      geometry: new ExtrudeGeometry(roundedRect(w, h, 0.034), {
        depth: 0.022,
        bevelEnabled: true,
        bevelThickness: 0.006,
        bevelSize: 0.005,
        bevelSegments: 2,
      }),
      color: palette.palm,
      position: [0, 0.004, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
    {
      geometry: new ExtrudeGeometry(roundedRect(w - 0.016, h - 0.014, 0.026), {
        depth: 0.0008,
        bevelEnabled: false,
      }),
      color: palette.palmLight,
      position: [0, bodyTop, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
    // Two cords bind the coiled fibre, across the pad outside the grip's posts.
    ...[-0.088, 0.088].map((x): ToolPiece => ({
      geometry: new BoxGeometry(0.009, 0.004, 2 * h + 0.012),
      color: palette.cord,
      position: [x, bodyTop, 0],
    })),
    {
      geometry: new CylinderGeometry(0.015, 0.015, 0.17, 12),
      color: palette.handleWood,
      position: [0, bodyTop + 0.042, 0],
      rotation: [0, 0, -Math.PI / 2],
    },
    ...[-0.058, 0.058].map((x): ToolPiece => ({
      geometry: new CylinderGeometry(0.008, 0.009, 0.036, 8),
      color: palette.darkWood,
      position: [x, bodyTop + 0.018, 0],
    })),
  ]
}

/**
 * A rounded rectangle's outline (a superellipse, half sizes `halfWidth` × `halfHeight`) with its
 * rim broken into `teeth` fibre ends of uneven length: the splayed edge of a palm-fibre pad.
 */
function fibreFringe(halfWidth: number, halfHeight: number, teeth: number): Shape {
  const shape = new Shape()
  const jitter = valueNoise(41)
  for (let i = 0; i <= teeth * 2; i++) {
    const angle = (i / (teeth * 2)) * Math.PI * 2
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    // |x/a|^4 + |y/b|^4 = 1: a rectangle with well-rounded corners.
    const radius = Math.pow(Math.pow(Math.abs(cos), 4) + Math.pow(Math.abs(sin), 4), -0.25)
    // Every other point is a fibre's tip, standing out by an uneven length; between them the root.
    const reach = i % 2 === 0 ? 1 : 1 - 0.05 - 0.06 * jitter(i * 0.37, 1.3)
    const x = cos * radius * halfWidth * reach
    const y = sin * radius * halfHeight * reach
    if (i === 0) shape.moveTo(x, y)
    else shape.lineTo(x, y)
  }
  return shape
}

/** The ink stone's top face, above the bench. */
const inkStoneTop = 0.03

/** 砚: a rounded slab with a darker grinding face and an ink stick lying on it. */
function inkStonePieces(): ToolPiece[] {
  const slab = roundedRect(0.055, 0.085, 0.014)
  const face = roundedRect(0.042, 0.047, 0.01)
  return [
    {
      geometry: new ExtrudeGeometry(slab, {
        depth: inkStoneTop - 0.006,
        bevelEnabled: true,
        bevelThickness: 0.003,
        bevelSize: 0.003,
        bevelSegments: 2,
      }),
      color: palette.stone,
      position: [0, 0.003, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
    {
      geometry: new ExtrudeGeometry(face, { depth: 0.0006, bevelEnabled: false }),
      color: palette.stoneFace,
      position: [0, inkStoneTop, 0.026],
      rotation: [-Math.PI / 2, 0, 0],
    },
    {
      geometry: new BoxGeometry(0.015, 0.011, 0.062),
      color: palette.inkStick,
      position: [0.014, inkStoneTop + 0.0062, 0.03],
      rotation: [0, 0.3, 0],
    },
    {
      geometry: new BoxGeometry(0.01, 0.0008, 0.03),
      color: palette.gold,
      position: [0.014, inkStoneTop + 0.0119, 0.03],
      rotation: [0, 0.3, 0],
    },
  ]
}

/** 水盂: a small round celadon pot, its water showing at the mouth. */
function waterDishPieces(): ToolPiece[] {
  return [
    {
      geometry: lathe([
        [0, 0],
        [0.026, 0],
        [0.034, 0.01],
        [0.036, 0.02],
        [0.03, 0.031],
        [0.02, 0.036],
        [0.017, 0.033],
      ]),
      color: palette.celadon,
    },
    {
      geometry: new CircleGeometry(0.0172, 18),
      color: palette.celadonWater,
      position: [0, 0.031, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
  ]
}

/** A surface of revolution about y through `profile` ([radius, height] pairs). */
function lathe(profile: readonly (readonly [number, number])[]): LatheGeometry {
  return new LatheGeometry(
    profile.map(([radius, height]) => new Vector2(radius, height)),
    18,
  )
}

/** A rectangle of half-size `halfWidth` × `halfHeight` with corners rounded by `radius`. */
function roundedRect(halfWidth: number, halfHeight: number, radius: number): Shape {
  const shape = new Shape()
  const w = halfWidth
  const h = halfHeight
  const r = radius
  shape.moveTo(-w + r, -h)
  shape.lineTo(w - r, -h)
  shape.quadraticCurveTo(w, -h, w, -h + r)
  shape.lineTo(w, h - r)
  shape.quadraticCurveTo(w, h, w - r, h)
  shape.lineTo(-w + r, h)
  shape.quadraticCurveTo(-w, h, -w, h - r)
  shape.lineTo(-w, -h + r)
  shape.quadraticCurveTo(-w, -h, -w + r, -h)
  return shape
}

/** Places, colours and merges a tool's pieces into one geometry (the pieces are disposed). */
function mergePieces(pieces: readonly ToolPiece[]): BufferGeometry {
  const matrix = new Matrix4()
  const quaternion = new Quaternion()
  const color = new Color()
  const placed = pieces.map((piece) => {
    const flat = piece.geometry.index ? piece.geometry.toNonIndexed() : piece.geometry.clone()
    piece.geometry.dispose()
    flat.clearGroups()
    quaternion.setFromEuler(new Euler(...(piece.rotation ?? [0, 0, 0])))
    matrix.compose(
      new Vector3(...(piece.position ?? [0, 0, 0])),
      quaternion,
      new Vector3(...(piece.scale ?? [1, 1, 1])),
    )
    flat.applyMatrix4(matrix)
    color.set(piece.color)
    const count = flat.getAttribute('position').count
    const colors = new Float32Array(count * 3)
    for (let i = 0; i < count; i++) colors.set([color.r, color.g, color.b], i * 3)
    flat.setAttribute('color', new Float32BufferAttribute(colors, 3))
    return flat
  })
  const merged = mergeGeometries(placed)
  for (const geometry of placed) geometry.dispose()
  if (!merged) throw new Error('A bench tool’s pieces could not be merged (mismatched attributes)')
  return merged
}

/**
 * A grey fibre texture the tools' vertex colours tint: fine lengthwise streaks that read as grain
 * on a handle, fibre on a brush and a faint texture on stone and glaze.
 */
function toolGrainTexture(): DataTexture {
  const size = 64
  const noise = valueNoise(23)
  const texture = createRgbaTexture(size, size, true)
  const bytes = texture.image.data as Uint8Array
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const streak = noise(x * 0.9, y * 0.08) * 0.7 + noise(x * 0.25, y * 0.25) * 0.3
      const value = Math.round(255 * (0.8 + 0.2 * streak))
      const offset = texelOffset(size, size, x, y)
      bytes.set([value, value, value, 255], offset)
    }
  }
  return texture
}
