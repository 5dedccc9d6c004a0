import { CanvasTexture, SRGBColorSpace } from 'three'
import {
  createBitmap,
  unionRect,
  type Bitmap,
  type CellRect,
} from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { BlockLayout } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import {
  BrushStroke,
  type BrushDab,
  type BrushPoint,
  type BrushTuning,
} from '../../../../src/exhibits/woodblockPrinting/brushModel'
import {
  pageFrameReachCells,
  pageFrameRules,
} from '../../../../src/exhibits/woodblockPrinting/pageFrame'
import {
  glyphEmPlacement,
  type CharacterStrokeData,
} from '../../../../src/exhibits/woodblockPrinting/scribeStrokes'
import type { Disposable } from '../../../../src/lifecycle/disposable'
import { dabPixelRect } from './inkedPixels'
import { valueNoise } from './surfaceTextures'
import { rangeTexelUploader, type TexelUploader } from './texelUploads'

/** Paper, rule and ink colours of the sample sheet (CSS, sRGB). */
const paperCss = '#f2ecdd'
/** The page is ruled in thin cinnabar (朱丝栏), the 版心's fish tail in black. */
const ruleCss = 'rgba(168, 58, 40, 0.7)'
const modelCss = 'rgba(70, 58, 48, 0.2)'
const inkCss = '#1a1714'
/**
 * The shop's mark (牌记) the sheet comes with, written small in the writing area's lower left,
 * reading down: Song booksellers cut their names into their blocks. It is carved and printed with
 * the visitor's character, and because it reads one way only, it shows the block's mirror image
 * plainly: 宋 alone is nearly symmetric, 韵 is not.
 */
export const shopMarkText = '宋韵'
/**
 * The mark's characters, as a share of one text cell (it fits in the margin round the text); the
 * cells fill their column since the tenth pass, so the share is less for the mark's same size.
 */
const shopMarkShareOfCell = 0.16

/** Canvas pixels per model cell: the writing is sharper than the carving grid. */
export const writingPixelsPerCell = 2

/** The sample sheet's geometry, in model cells. */
export interface WritingSheetShape {
  /** The writing area: the block face, as the model's grid. */
  readonly gridWidth: number
  readonly gridHeight: number
  /** Paper round the writing area on three sides. */
  readonly marginCells: number
  /** The 版心 strip beyond the writing area, on the side away from the block (the sheet's right). */
  readonly centreStripCells: number
}

/**
 * The calligrapher's sample (写样): thin paper ruled as a Song page (版框 frame, 界行 column rules,
 * a 版心 strip with its 鱼尾 fish tail), a faint regular-script model under the writing area, and
 * the brush writing the visitor (or the scribe) lays on it. Writing space is measured in heights
 * of the writing area from its top left; `sample()` reads the writing back at the model's grid.
 */
export class WritingSheet implements Disposable {
  readonly texture: CanvasTexture<OffscreenCanvas>
  readonly #canvas: OffscreenCanvas
  readonly #page: OffscreenCanvas
  readonly #ink: OffscreenCanvas
  readonly #inkContext: OffscreenCanvasRenderingContext2D
  /** The composed sheet's context; read back by the rectangle the brush changed. */
  readonly #sheetContext: OffscreenCanvasRenderingContext2D
  readonly #shape: WritingSheetShape
  readonly #layout: BlockLayout | undefined
  readonly #markFontFamily: string
  readonly #uploader: TexelUploader
  /**
   * Where the shop's mark is written, in shares (0–1) of the writing area as read; undefined for
   * a motif, which has none.
   */
  shopMarkArea: CellRect | undefined
  /** The ink canvas's pixels changed since the last flush (undefined: none). */
  #dirtyInkPx: CellRect | undefined
  #hasInk = false

  constructor(
    shape: WritingSheetShape,
    layout: BlockLayout | undefined,
    strokeData: Readonly<Record<string, CharacterStrokeData>>,
    motifModel?: (
      context: OffscreenCanvasRenderingContext2D,
      width: number,
      height: number,
    ) => void,
    /** A loaded regular-script face for the model; without one, the stroke outlines draw it. */
    modelFontFamily?: string,
    /** Sends the writing to the GPU by rectangles (the renderer's, once the scene has one). */
    uploader: TexelUploader = rangeTexelUploader,
  ) {
    this.#uploader = uploader
    this.#shape = shape
    // A motif has no text and no shop mark.
    this.#layout = motifModel ? undefined : layout
    this.#markFontFamily = modelFontFamily ?? 'Noto Serif SC'
    const s = writingPixelsPerCell
    // OffscreenCanvas, not a <canvas>: the same 2D API on the page and in a worker scene host.
    const make = (width: number, height: number) => new OffscreenCanvas(width, height)
    this.#canvas = make(
      (shape.gridWidth + shape.marginCells * 2 + shape.centreStripCells) * s,
      (shape.gridHeight + shape.marginCells * 2) * s,
    )
    this.#page = make(this.#canvas.width, this.#canvas.height)
    this.#ink = make(shape.gridWidth * s, shape.gridHeight * s)
    const inkContext = this.#ink.getContext('2d', { willReadFrequently: true })
    if (!inkContext) throw new Error('The woodblock scene could not get a 2D canvas for the sample')
    this.#inkContext = inkContext
    // Read back a rectangle a frame while the visitor writes: kept in memory, not on a GPU.
    const sheetContext = this.#canvas.getContext('2d', { willReadFrequently: true })
    if (!sheetContext)
      throw new Error('The woodblock scene could not get a 2D canvas for the sample')
    this.#sheetContext = sheetContext
    this.#paintPage(layout, strokeData, motifModel, modelFontFamily)
    this.#writeFrame()
    this.#writeShopMark()
    this.texture = new CanvasTexture(this.#canvas)
    this.texture.name = 'WritingSheet'
    this.texture.colorSpace = SRGBColorSpace
    this.#composeAll()
  }

  /** Whether any ink has been laid. */
  get hasInk(): boolean {
    return this.#hasInk
  }

  /** Width ÷ height of the whole sheet (paper, margins and 版心 strip). */
  get aspect(): number {
    return this.#canvas.width / this.#canvas.height
  }

  /** Starts a brush stroke at `point` (writing space); its dabs land on the sheet. */
  beginStroke(point: BrushPoint, tuning: Partial<BrushTuning>): BrushStroke {
    return new BrushStroke(point, (dab) => this.#stamp(dab), tuning)
  }

  /** Wipes the writing (a fresh sheet for the scribe or a second try). */
  clearWriting(): void {
    this.#inkContext.clearRect(0, 0, this.#ink.width, this.#ink.height)
    this.#writeFrame()
    this.#writeShopMark()
    this.#hasInk = false
    this.#markAllInk()
  }

  /** Lays a ready-made image as the writing (the plum motif, drawn by the scribe). */
  drawWriting(
    draw: (context: OffscreenCanvasRenderingContext2D, width: number, height: number) => void,
  ): void {
    draw(this.#inkContext, this.#ink.width, this.#ink.height)
    this.#hasInk = true
    this.#markAllInk()
  }

  /**
   * Sends the writing laid since the last call to the GPU (at most once a frame): just the
   * rectangle the brush touched, composed over the page and uploaded with one texSubImage2D.
   * A whole-sheet upload a frame (1.5 MB and its mipmaps) was part of every written frame's wait.
   */
  flush(): void {
    const dirty = this.#dirtyInkPx
    if (!dirty) return
    this.#dirtyInkPx = undefined
    const m = this.#shape.marginCells * writingPixelsPerCell
    const sheetRect = { x0: dirty.x0 + m, y0: dirty.y0 + m, x1: dirty.x1 + m, y1: dirty.y1 + m }
    this.#compose(sheetRect)
    const width = sheetRect.x1 - sheetRect.x0
    const height = sheetRect.y1 - sheetRect.y0
    const pixels = this.#sheetContext.getImageData(sheetRect.x0, sheetRect.y0, width, height).data
    this.#uploader.uploadPixels(
      this.texture,
      new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
      sheetRect,
    )
  }

  /** The writing as the model's grid (1 = ink), read back from the sheet. */
  sample(): Bitmap {
    const s = writingPixelsPerCell
    const { gridWidth, gridHeight } = this.#shape
    const pixels = this.#inkContext.getImageData(0, 0, this.#ink.width, this.#ink.height).data
    const out = createBitmap(gridWidth, gridHeight)
    for (let y = 0; y < gridHeight; y++) {
      for (let x = 0; x < gridWidth; x++) {
        let sum = 0
        for (let dy = 0; dy < s; dy++) {
          for (let dx = 0; dx < s; dx++)
            sum += pixels[((y * s + dy) * this.#ink.width + x * s + dx) * 4 + 3]!
        }
        out.data[y * gridWidth + x] = sum / (255 * s * s)
      }
    }
    return out
  }

  dispose(): void {
    this.texture.dispose()
    // Free the canvases' backing stores now, not whenever the collector runs.
    this.#canvas.width = 0
    this.#page.width = 0
    this.#ink.width = 0
  }

  /**
   * Rules the 版框 in ink round the writing area (docs/woodblock-stations.md): it is part of the
   * sample, so it goes onto the block with the writing, stands when the ground is cleared and
   * prints.
   */
  #writeFrame(): void {
    const s = writingPixelsPerCell
    const context = this.#inkContext
    context.save()
    context.fillStyle = inkCss
    for (const rule of pageFrameRules(this.#shape.gridWidth, this.#shape.gridHeight))
      context.fillRect(rule.x0 * s, rule.y0 * s, (rule.x1 - rule.x0) * s, (rule.y1 - rule.y0) * s)
    context.restore()
  }

  /** Writes the shop's mark in the writing area's lower left, inside the frame, read top to bottom. */
  #writeShopMark(): void {
    const layout = this.#layout
    if (!layout) return
    const context = this.#inkContext
    const { width, height } = this.#ink
    // One text cell, in pixels: the layout gives glyph sizes as shares of the writing height.
    const cellPx = (layout.glyphs[0]?.size ?? 0.5) * height
    const sizePx = cellPx * shopMarkShareOfCell
    const characters = Array.from(shopMarkText)
    const frameReachPx =
      pageFrameReachCells(this.#shape.gridWidth, this.#shape.gridHeight) * writingPixelsPerCell
    const left = frameReachPx + Math.max(2, cellPx * 0.03)
    const bottom = height - frameReachPx - Math.max(2, cellPx * 0.03)
    context.save()
    context.fillStyle = inkCss
    context.strokeStyle = inkCss
    // Written small, the face's hairlines would fall below the carving grid: give them a brush's width.
    context.lineWidth = Math.max(1, sizePx * 0.045)
    this.shopMarkArea = {
      x0: left / width,
      y0: (bottom - sizePx * characters.length) / height,
      x1: (left + sizePx) / width,
      y1: bottom / height,
    }
    characters.forEach((character, index) => {
      const top = bottom - sizePx * (characters.length - index)
      drawCentredGlyph(context, character, this.#markFontFamily, sizePx, left, top)
      strokeCentredGlyph(context, character, this.#markFontFamily, sizePx, left, top)
    })
    context.restore()
  }

  #stamp(dab: BrushDab): void {
    const scale = this.#shape.gridHeight * writingPixelsPerCell
    const context = this.#inkContext
    // Each dab lays a little ink; overlapping dabs build the stroke up, a drier brush less so.
    context.globalAlpha = Math.min(1, 0.18 + 0.5 * dab.ink * dab.ink)
    context.fillStyle = inkCss
    context.beginPath()
    context.arc(dab.x * scale, dab.y * scale, Math.max(0.6, dab.radius * scale), 0, Math.PI * 2)
    context.fill()
    context.globalAlpha = 1
    this.#hasInk = true
    this.#dirtyInkPx = unionRect(
      this.#dirtyInkPx,
      dabPixelRect(dab, scale, this.#ink.width, this.#ink.height),
    )
  }

  #markAllInk(): void {
    this.#dirtyInkPx = { x0: 0, y0: 0, x1: this.#ink.width, y1: this.#ink.height }
  }

  /** The page with the writing over it, whole (sent whole once, when the scene is built). */
  #composeAll(): void {
    this.#compose({ x0: 0, y0: 0, x1: this.#canvas.width, y1: this.#canvas.height })
    this.texture.needsUpdate = true
  }

  /** Redraws `rect` of the sheet (pixels) from the page and the ink under it. */
  #compose(rect: CellRect): void {
    const context = this.#sheetContext
    const m = this.#shape.marginCells * writingPixelsPerCell
    const width = rect.x1 - rect.x0
    const height = rect.y1 - rect.y0
    context.clearRect(rect.x0, rect.y0, width, height)
    context.drawImage(this.#page, rect.x0, rect.y0, width, height, rect.x0, rect.y0, width, height)
    // The ink canvas lies at (m, m): draw the part of it inside the rectangle.
    const inkX0 = Math.max(0, rect.x0 - m)
    const inkY0 = Math.max(0, rect.y0 - m)
    const inkX1 = Math.min(this.#ink.width, rect.x1 - m)
    const inkY1 = Math.min(this.#ink.height, rect.y1 - m)
    if (inkX1 <= inkX0 || inkY1 <= inkY0) return
    const inkWidth = inkX1 - inkX0
    const inkHeight = inkY1 - inkY0
    context.drawImage(
      this.#ink,
      inkX0,
      inkY0,
      inkWidth,
      inkHeight,
      inkX0 + m,
      inkY0 + m,
      inkWidth,
      inkHeight,
    )
  }

  #paintPage(
    layout: BlockLayout | undefined,
    strokeData: Readonly<Record<string, CharacterStrokeData>>,
    motifModel:
      | ((context: OffscreenCanvasRenderingContext2D, width: number, height: number) => void)
      | undefined,
    modelFontFamily: string | undefined,
  ): void {
    const context = this.#page.getContext('2d')!
    const { width, height } = this.#page
    const s = writingPixelsPerCell
    const m = this.#shape.marginCells * s
    const writingWidth = this.#shape.gridWidth * s
    const writingHeight = this.#shape.gridHeight * s
    const strip = this.#shape.centreStripCells * s

    // Paper with a deckle edge: the hand-made sheet's soft, uneven border, and long fibres.
    const edge = valueNoise(5)
    const deckle = Math.max(3, m * 0.18)
    context.fillStyle = paperCss
    context.beginPath()
    const perimeter: [number, number][] = []
    const steps = 90
    for (let i = 0; i < steps; i++) perimeter.push([(width * i) / steps, deckle * edge(i * 0.7, 1)])
    for (let i = 0; i < steps; i++)
      perimeter.push([width - deckle * edge(i * 0.7, 2), (height * i) / steps])
    for (let i = 0; i < steps; i++)
      perimeter.push([width - (width * i) / steps, height - deckle * edge(i * 0.7, 3)])
    for (let i = 0; i < steps; i++)
      perimeter.push([deckle * edge(i * 0.7, 4), height - (height * i) / steps])
    perimeter.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)))
    context.closePath()
    context.fill()
    const fibre = valueNoise(17)
    context.strokeStyle = 'rgba(150, 128, 96, 0.16)'
    context.lineWidth = 0.7
    for (let i = 0; i < 220; i++) {
      const x = fibre(i * 1.3, 0.5) * width
      const y = fibre(0.5, i * 1.7) * height
      const angle = fibre(i * 0.9, i * 0.4) * Math.PI * 2
      const length = 4 + fibre(i, i) * 16
      context.beginPath()
      context.moveTo(x, y)
      context.quadraticCurveTo(
        x + Math.cos(angle + 0.6) * length * 0.5,
        y + Math.sin(angle + 0.6) * length * 0.5,
        x + Math.cos(angle) * length,
        y + Math.sin(angle) * length,
      )
      context.stroke()
    }

    // The 版框 itself is ruled in ink inside the writing area (#writeFrame), so it is carved and
    // printed; the cinnabar guide rules (朱丝栏) box the 版心 beside it and part the columns.
    const frameTop = m
    const frameBottom = m + writingHeight
    context.strokeStyle = ruleCss
    context.lineWidth = Math.max(1, m * 0.035)
    context.strokeRect(m + writingWidth, frameTop, strip, writingHeight)
    // 界行: a rule between columns.
    const columns = Math.max(1, layout?.columns ?? 1)
    for (let column = 1; column < columns; column++) {
      const x = m + (writingWidth * column) / columns
      context.beginPath()
      context.moveTo(x, frameTop)
      context.lineTo(x, frameBottom)
      context.stroke()
    }
    // 版心 with its 鱼尾: the black fish tail a folder lines the fold up by.
    const stripCentre = m + writingWidth + strip / 2
    const tailTop = frameTop + (frameBottom - frameTop) * 0.16
    const tailWidth = strip * 0.62
    context.fillStyle = 'rgba(30, 26, 22, 0.85)'
    context.beginPath()
    context.moveTo(stripCentre - tailWidth / 2, tailTop)
    context.lineTo(stripCentre + tailWidth / 2, tailTop)
    context.lineTo(stripCentre + tailWidth / 2, tailTop + tailWidth * 0.9)
    context.lineTo(stripCentre, tailTop + tailWidth * 0.5)
    context.lineTo(stripCentre - tailWidth / 2, tailTop + tailWidth * 0.9)
    context.closePath()
    context.fill()
    context.beginPath()
    context.moveTo(stripCentre - tailWidth / 2, tailTop - tailWidth * 0.25)
    context.lineTo(stripCentre + tailWidth / 2, tailTop - tailWidth * 0.25)
    context.lineWidth = Math.max(1, m * 0.05)
    context.strokeStyle = 'rgba(30, 26, 22, 0.85)'
    context.stroke()

    // The faint model: the scribe's own stroke outlines (hanzi-writer-data, Arphic 楷) placed
    // as 欧体 stands (glyphEmPlacement), so the guide lies where the scribe's brush goes and the
    // visitor who traces it writes the page's hand; the regular-script face (LXGW WenKai) only
    // for a character without stroke data; or the motif.
    context.save()
    context.translate(m, m)
    if (motifModel) {
      context.globalAlpha = 0.2
      motifModel(context, writingWidth, writingHeight)
    } else if (layout) {
      context.fillStyle = modelCss
      const writingAspect = writingWidth / writingHeight
      for (const glyph of layout.glyphs) {
        const data = strokeData[glyph.character]
        const sizePx = glyph.size * writingHeight
        const left = glyph.centerX * writingWidth - sizePx / 2
        const top = glyph.centerY * writingHeight - sizePx / 2
        if (!data) {
          if (modelFontFamily) {
            drawCentredGlyph(context, glyph.character, modelFontFamily, sizePx, left, top)
            continue
          }
          context.font = `${sizePx * 0.86}px "Noto Serif SC", serif`
          context.textAlign = 'center'
          context.textBaseline = 'middle'
          context.fillText(glyph.character, left + sizePx / 2, top + sizePx / 2)
          continue
        }
        // Writing space is in heights of the writing area: one unit is writingHeight pixels.
        const placement = glyphEmPlacement(glyph, data, writingAspect)
        context.save()
        context.setTransform(
          context
            .getTransform()
            .translate(placement.originX * writingHeight, placement.originY * writingHeight)
            .scale(placement.scaleX * writingHeight, placement.scaleY * writingHeight),
        )
        for (const outline of data.strokes) context.fill(new Path2D(outline))
        context.restore()
      }
    }
    context.restore()
  }
}

/**
 * Draws `character` in `fontFamily` with its inked box centred in the square cell at (left, top)
 * of `sizePx` (the face's own metrics place CJK glyphs unevenly in the em).
 */
function drawCentredGlyph(
  context: OffscreenCanvasRenderingContext2D,
  character: string,
  fontFamily: string,
  sizePx: number,
  left: number,
  top: number,
  isOutlined = false,
): void {
  context.font = `${sizePx * 0.88}px "${fontFamily}"`
  context.textAlign = 'left'
  context.textBaseline = 'alphabetic'
  const box = context.measureText(character)
  const inkWidth = box.actualBoundingBoxLeft + box.actualBoundingBoxRight
  const inkHeight = box.actualBoundingBoxAscent + box.actualBoundingBoxDescent
  const x = left + (sizePx - inkWidth) / 2 + box.actualBoundingBoxLeft
  const y = top + (sizePx - inkHeight) / 2 + box.actualBoundingBoxAscent
  if (isOutlined) context.strokeText(character, x, y)
  else context.fillText(character, x, y)
}

/** {@link drawCentredGlyph}, outlining the glyph with the context's stroke instead of filling it. */
function strokeCentredGlyph(
  context: OffscreenCanvasRenderingContext2D,
  character: string,
  fontFamily: string,
  sizePx: number,
  left: number,
  top: number,
): void {
  drawCentredGlyph(context, character, fontFamily, sizePx, left, top, true)
}
