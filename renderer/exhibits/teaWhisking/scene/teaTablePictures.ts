import {
  DataTexture,
  LinearFilter,
  LinearMipmapLinearFilter,
  NoColorSpace,
  RepeatWrapping,
  RGBAFormat,
  SRGBColorSpace,
  UnsignedByteType,
} from 'three'
import { jianBowlProfile } from './bowlProfile'
import roomLightUrl from './roomLight.png'
import type { RgbaPicture } from './rgbaPicture'
import { bakeTableLight } from './tableTop'
import { contactShadowsOf, landscapeTeaSet, portraitTeaSet } from './teaSetLayout'
import { paintGlazeGloss, paintHareFur, paintSoftPuff, paintTableWood } from './teaTextures'

/** The pictures the tea table is drawn with. */
export type TeaPictureName =
  | 'hareFur'
  | 'glazeGloss'
  | 'tableWood'
  | 'tableLight'
  | 'tableLightPortrait'
  | 'softPuff'
  | 'roomLight'

/** How a picture is sampled: its colour space, whether it repeats, whether it has a mip chain. */
interface PictureSampling {
  readonly isColour: boolean
  readonly repeatsX: boolean
  readonly repeatsY: boolean
  readonly hasMipmaps: boolean
}

const sampling: Record<TeaPictureName, PictureSampling> = {
  hareFur: { isColour: true, repeatsX: true, repeatsY: false, hasMipmaps: true },
  // Varies along the profile only: no mip chain to build.
  glazeGloss: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: false },
  tableWood: { isColour: true, repeatsX: true, repeatsY: true, hasMipmaps: true },
  // Smooth light and shade: linear filtering is enough at any distance.
  tableLight: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: false },
  tableLightPortrait: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: false },
  softPuff: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: true },
  // Looked up by direction, never minified much: no mip chain to build on a software renderer.
  roomLight: { isColour: true, repeatsX: false, repeatsY: false, hasMipmaps: false },
}

/** How each picture made on the CPU is made (the room light is decoded instead). */
const makers: Record<Exclude<TeaPictureName, 'roomLight'>, () => RgbaPicture> = {
  hareFur: () => {
    const { rimV, footTopV } = jianBowlProfile()
    return bytesOf(paintHareFur(rimV, footTopV))
  },
  glazeGloss: () => bytesOf(paintGlazeGloss(jianBowlProfile().footTopV)),
  tableWood: () => bytesOf(paintTableWood()),
  tableLight: () => bakeTableLight(contactShadowsOf(landscapeTeaSet)),
  tableLightPortrait: () => bakeTableLight(contactShadowsOf(portraitTeaSet)),
  softPuff: () => bytesOf(paintSoftPuff()),
}

/** Reads a canvas's pixels once, turned bottom-up as a texture's rows run. */
function bytesOf(canvas: HTMLCanvasElement): RgbaPicture {
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('the tea scene needs a 2D canvas for its textures')
  const { width, height } = canvas
  const topDown = context.getImageData(0, 0, width, height).data
  const bytes = new Uint8Array(topDown.length)
  const rowBytes = width * 4
  for (let row = 0; row < height; row++) {
    const from = (height - 1 - row) * rowBytes
    bytes.set(topDown.subarray(from, from + rowBytes), row * rowBytes)
  }
  return { widthPx: width, heightPx: height, bytes }
}

/** The baked room light (scripts/bakeTeaRoomLight.mjs), decoded off the main thread. */
async function decodeRoomLight(): Promise<RgbaPicture> {
  const response = await fetch(roomLightUrl)
  if (!response.ok) throw new Error(`the tea table's room light did not load (${response.status})`)
  const bitmap = await createImageBitmap(await response.blob(), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  })
  try {
    const canvas = document.createElement('canvas')
    canvas.width = bitmap.width
    canvas.height = bitmap.height
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!context) throw new Error('the tea scene needs a 2D canvas for its textures')
    context.drawImage(bitmap, 0, 0)
    return bytesOf(canvas)
  } finally {
    bitmap.close()
  }
}

/**
 * The tea table's pictures (the hare's-fur glaze, the wood and the light on it, the tines, the
 * steam's puff, the baked room light), made once a page and kept as bytes in CPU memory (about
 * 5.3 MB): painting them
 * took a large share of opening the table, and the menu can make them while it is idle.
 *
 * Only bytes are kept, never a GPU object: each scene makes its own textures from them
 * ({@link TeaTablePictures.texture}) and disposes them, so leaving the table returns the
 * renderer's memory counts to the menu's, and a lost WebGL context loses nothing kept here.
 * The one instance ({@link teaTablePictures}) lives as long as the page.
 */
export class TeaTablePictures {
  readonly #pictures = new Map<TeaPictureName, RgbaPicture>()
  #roomLight: Promise<void> | undefined

  /** Whether every picture is made (the next scene's textures need no painting). */
  get isReady(): boolean {
    return this.#pictures.size === Object.keys(sampling).length
  }

  /**
   * The steps that make the pictures not made yet, each short enough for one idle period (the
   * largest, the hare's fur, is a few tens of milliseconds on a software rasteriser's machine).
   */
  preparationSteps(): (() => Promise<void>)[] {
    const steps: (() => Promise<void>)[] = [() => this.#loadRoomLight()]
    for (const name of Object.keys(makers) as (keyof typeof makers)[]) {
      steps.push(async () => {
        if (!this.#pictures.has(name)) this.#pictures.set(name, makers[name]())
      })
    }
    return steps
  }

  /** Makes every picture not made yet; resolves when all are (rejects if the room light fails). */
  async prepare(): Promise<void> {
    await Promise.all(this.preparationSteps().map((step) => step()))
  }

  /**
   * A new texture of picture `name`, owned by the caller (dispose it with its scene). The bytes
   * stay here and are uploaded again by each texture. Call after {@link prepare}.
   */
  texture(name: TeaPictureName): DataTexture {
    const picture = this.#pictures.get(name)
    if (!picture)
      throw new Error(`the tea picture "${name}" is not made yet: await prepare() first`)
    const how = sampling[name]
    const texture = new DataTexture(
      picture.bytes,
      picture.widthPx,
      picture.heightPx,
      RGBAFormat,
      UnsignedByteType,
    )
    texture.colorSpace = how.isColour ? SRGBColorSpace : NoColorSpace
    if (how.repeatsX) texture.wrapS = RepeatWrapping
    if (how.repeatsY) texture.wrapT = RepeatWrapping
    texture.magFilter = LinearFilter
    texture.minFilter = how.hasMipmaps ? LinearMipmapLinearFilter : LinearFilter
    texture.generateMipmaps = how.hasMipmaps
    texture.needsUpdate = true
    return texture
  }

  #loadRoomLight(): Promise<void> {
    this.#roomLight ??= decodeRoomLight().then(
      (picture) => void this.#pictures.set('roomLight', picture),
      (error: unknown) => {
        this.#roomLight = undefined // a later open tries again
        throw error
      },
    )
    return this.#roomLight
  }
}

/** The page's tea table pictures. */
export const teaTablePictures = new TeaTablePictures()
