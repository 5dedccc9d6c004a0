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
import { TableLightBake, tableLightBandRows } from './tableTop'
import {
  contactShadowsOf,
  landscapeTeaSet,
  portraitTeaSet,
  teaSetLayoutFor,
  type TeaSetLayout,
} from './teaSetLayout'
import { songWhiskBodyProfile } from './songWhisk'
import {
  paintBambooSkin,
  paintGlazeGloss,
  paintHareFur,
  paintSoftPuff,
  paintTableWood,
} from './teaTextures'

/** The pictures the tea table is drawn with. */
export type TeaPictureName =
  | 'hareFur'
  | 'glazeGloss'
  | 'bambooSkin'
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
  bambooSkin: { isColour: true, repeatsX: true, repeatsY: false, hasMipmaps: true },
  tableWood: { isColour: true, repeatsX: true, repeatsY: true, hasMipmaps: true },
  // Smooth light and shade: linear filtering is enough at any distance.
  tableLight: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: false },
  tableLightPortrait: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: false },
  softPuff: { isColour: false, repeatsX: false, repeatsY: false, hasMipmaps: true },
  // Looked up by direction, never minified much: no mip chain to build on a software renderer.
  roomLight: { isColour: true, repeatsX: false, repeatsY: false, hasMipmaps: false },
}

/** The table's baked light for each layout of the set (its contact shadows differ). */
type TableLightName = 'tableLight' | 'tableLightPortrait'

/** The name of the table's light for `layout`. */
function tableLightNameOf(layout: TeaSetLayout): TableLightName {
  return layout === portraitTeaSet ? 'tableLightPortrait' : 'tableLight'
}

const layoutOfTableLight: Record<TableLightName, TeaSetLayout> = {
  tableLight: landscapeTeaSet,
  tableLightPortrait: portraitTeaSet,
}

/** How each picture painted on the CPU is made (the room light is decoded, the lights baked). */
const painters: Record<Exclude<TeaPictureName, 'roomLight' | TableLightName>, () => RgbaPicture> = {
  hareFur: () => {
    const { rimV, glazeEndV } = jianBowlProfile()
    return bytesOf(paintHareFur(rimV, glazeEndV))
  },
  glazeGloss: () => bytesOf(paintGlazeGloss(jianBowlProfile().glazeEndV)),
  bambooSkin: () => {
    const { splitTopV, nodeV, topV } = songWhiskBodyProfile()
    return bytesOf(paintBambooSkin(splitTopV, nodeV, topV))
  },
  tableWood: () => bytesOf(paintTableWood()),
  softPuff: () => bytesOf(paintSoftPuff()),
}

/** Reads a canvas's pixels once, turned bottom-up as a texture's rows run. */
function bytesOf(canvas: OffscreenCanvas): RgbaPicture {
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
    // An OffscreenCanvas: the pictures may be made in the scene worker, where there is no document.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
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
 * 4.3 MB, 5.3 with both layouts' light): painting them took a large share of opening the table,
 * and the menu makes them in slices while it is idle.
 *
 * Only bytes are kept, never a GPU object: each scene makes its own textures from them
 * ({@link TeaTablePictures.texture}) and disposes them, so leaving the table returns the
 * renderer's memory counts to the menu's, and a lost WebGL context loses nothing kept here.
 * The one instance ({@link teaTablePictures}) lives as long as the page.
 */
export class TeaTablePictures {
  readonly #pictures = new Map<TeaPictureName, RgbaPicture>()
  /** The table lights begun (a bake resumes where the last slice of idle time stopped). */
  readonly #lightBakes = new Map<TableLightName, TableLightBake>()
  #roomLight: Promise<void> | undefined

  /**
   * The steps that make the pictures a screen `screenAspect` wide (width / height) needs and
   * that are not made yet, each short enough for one slice of idle time: one picture painted
   * (the largest, the hare's fur, is a few tens of milliseconds on a software rasteriser's
   * machine), or one band of the table's light. Only the light of the layout this screen's shape
   * takes is baked (teaSetLayout.ts); the other is baked if the screen turns.
   */
  preparationSteps(screenAspect: number): (() => Promise<void>)[] {
    const steps: (() => Promise<void>)[] = [() => this.#loadRoomLight()]
    for (const name of Object.keys(painters) as (keyof typeof painters)[]) {
      steps.push(async () => {
        if (!this.#pictures.has(name)) this.#pictures.set(name, painters[name]())
      })
    }
    const lightName = tableLightNameOf(teaSetLayoutFor(screenAspect))
    const bandCount = Math.ceil(this.#lightBakeOf(lightName).picture.heightPx / tableLightBandRows)
    for (let band = 0; band < bandCount; band++) {
      steps.push(async () => {
        const bake = this.#lightBakeOf(lightName)
        if (!bake.isDone) bake.bakeNextRows(tableLightBandRows)
        if (bake.isDone) this.#pictures.set(lightName, bake.picture)
      })
    }
    return steps
  }

  /**
   * Makes every picture a screen `screenAspect` wide needs and is not made yet (finishing what
   * the idle slices began); resolves when all are (rejects if the room light fails).
   */
  async prepare(screenAspect: number): Promise<void> {
    await Promise.all(this.preparationSteps(screenAspect).map((step) => step()))
  }

  /**
   * A new texture of the table's baked light for `layout`, owned by the caller. A layout not
   * prepared for (the screen turned since) has its light baked now, whole.
   */
  tableLightTexture(layout: TeaSetLayout): DataTexture {
    const name = tableLightNameOf(layout)
    if (!this.#pictures.has(name)) this.#pictures.set(name, this.#lightBakeOf(name).finish())
    return this.texture(name)
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

  #lightBakeOf(name: TableLightName): TableLightBake {
    let bake = this.#lightBakes.get(name)
    if (!bake) {
      bake = new TableLightBake(contactShadowsOf(layoutOfTableLight[name]))
      this.#lightBakes.set(name, bake)
    }
    return bake
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
