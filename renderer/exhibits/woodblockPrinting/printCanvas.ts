import {
  createBitmap,
  type Bitmap,
  type CellRect,
} from '../../../src/exhibits/woodblockPrinting/bitmap'
import type { CarvingNick } from '../../../src/exhibits/woodblockPrinting/carvingField'
import { nickMarkers } from '../../../src/exhibits/woodblockPrinting/nickMarkers'
import { hasSealGlyphs, layOutSeal } from '../../../src/exhibits/woodblockPrinting/sealScript'
import { valueNoise } from './scene/surfaceTextures'

/** Paper and ink of the large print (sRGB). */
const paperRgb = [244, 238, 224] as const
const inkRgb = [18, 17, 18] as const

/**
 * The paper beyond the printed block, as shares of the block's printed width: a wide left margin
 * keeps the seal clear of the print (a seal is stamped beside the text, never over a stroke).
 */
export const printMargins = { left: 0.3, right: 0.06, top: 0.06, bottom: 0.06 } as const

/** A sheet cell counts as printed (inside a stroke's outline, however pale) above this density. */
const printedDensity = 0.12

/**
 * Paints a print sheet (ink density 0–1, as read) onto the canvas at `scale` canvas pixels per
 * cell, inside the paper's margins, as ink on paper rather than enlarged cells: the strokes'
 * outline is traced smoothly between cells (a blurred mask cut at its middle, so no stair steps
 * at any scale), its edge a little ragged where the ink ran into the fibres, the ink faintly
 * mottled, and the paper with its fibres showing. Everything is placed in sheet cells, so the
 * screen's print and the keepsake's larger one are the same picture.
 */
export function paintPrint(canvas: HTMLCanvasElement, sheet: Bitmap, scale = 3): void {
  const printWidth = sheet.width * scale
  const left = Math.round(printWidth * printMargins.left)
  const top = Math.round(printWidth * printMargins.top)
  canvas.width = left + printWidth + Math.round(printWidth * printMargins.right)
  canvas.height = top + sheet.height * scale + Math.round(printWidth * printMargins.bottom)
  canvas.dataset.printLeftPx = String(left)
  canvas.dataset.printTopPx = String(top)
  canvas.dataset.printWidthPx = String(printWidth)
  canvas.dataset.printHeightPx = String(sheet.height * scale)
  const context = canvas.getContext('2d')
  if (!context) return
  const outline = strokeOutline(sheet)
  const tone = mottledTone(sheet)
  // The paper's fibres as a field over the whole canvas, a sample a cell, from one cell outside it.
  const paperOriginX = -left / scale - 1
  const paperOriginY = -top / scale - 1
  const paperField = createBitmap(
    Math.ceil(canvas.width / scale) + 3,
    Math.ceil(canvas.height / scale) + 3,
  )
  const fibres = valueNoise(11)
  for (let y = 0; y < paperField.height; y++) {
    for (let x = 0; x < paperField.width; x++)
      paperField.data[y * paperField.width + x] =
        1 - 0.03 * fibres((x + paperOriginX) * 0.3, (y + paperOriginY) * 0.45)
  }
  const spread = valueNoise(37)
  // The outline's edge spans about a pixel and a half at any scale.
  const edgeHalfWidth = Math.max(0.02, 0.25 / scale)
  const image = context.createImageData(canvas.width, canvas.height)
  // Each field is interpolated down once a row, then only across within it.
  const paperRow = new Float32Array(paperField.width)
  const outlineRow = new Float32Array(sheet.width)
  const toneRow = new Float32Array(sheet.width)
  for (let y = 0; y < canvas.height; y++) {
    const sheetY = (y - top + 0.5) / scale - 0.5
    rowBetween(paperField, sheetY - paperOriginY, paperRow)
    const isOnSheetRow = sheetY > -2 && sheetY < sheet.height + 1
    if (isOnSheetRow) {
      rowBetween(outline, sheetY, outlineRow)
      rowBetween(tone, sheetY, toneRow)
    }
    for (let x = 0; x < canvas.width; x++) {
      const sheetX = (x - left + 0.5) / scale - 0.5
      // Long soft fibres, and a fine grain for the paper's tooth.
      const paper = alongRow(paperRow, sheetX - paperOriginX) - 0.015 * pixelGrain(x, y)
      let d = 0
      if (isOnSheetRow && sheetX > -2 && sheetX < sheet.width + 1) {
        let edge = alongRow(outlineRow, sheetX)
        // Only near the outline can the ragged spread of the ink move it (by less than 0.1).
        if (edge > 0.38 - edgeHalfWidth && edge < 0.62 + edgeHalfWidth)
          edge +=
            0.12 * (spread(sheetX * 0.9, sheetY * 0.9) - 0.5) + 0.06 * (pixelGrain(y, x) - 0.5)
        if (edge > 0.5 - edgeHalfWidth)
          d = smoothstep(0.5 - edgeHalfWidth, 0.5 + edgeHalfWidth, edge) * alongRow(toneRow, sheetX)
      }
      const offset = (y * canvas.width + x) * 4
      // The byte array rounds and clamps.
      image.data[offset] = paperRgb[0] * paper + (inkRgb[0] - paperRgb[0] * paper) * d
      image.data[offset + 1] = paperRgb[1] * paper + (inkRgb[1] - paperRgb[1] * paper) * d
      image.data[offset + 2] = paperRgb[2] * paper + (inkRgb[2] - paperRgb[2] * paper) * d
      image.data[offset + 3] = 255
    }
  }
  context.putImageData(image, 0, 0)
}

/**
 * Where the sheet took ink, as a mask blurred over about a cell each way: cut at 0.5 it is the
 * strokes' outline, smooth between the cells instead of following their steps.
 */
function strokeOutline(sheet: Bitmap): Bitmap {
  const mask = createBitmap(sheet.width, sheet.height)
  for (let i = 0; i < mask.data.length; i++) mask.data[i] = sheet.data[i]! > printedDensity ? 1 : 0
  return tentBlur(tentBlur(mask))
}

/**
 * How dark the ink is near each cell: the darkest of its neighbours, so the outline's edge takes
 * the stroke's own tone rather than a mix with the paper beside it; faintly mottled, as ink
 * pressed into paper never lies perfectly even.
 */
function mottledTone(sheet: Bitmap): Bitmap {
  const { width, height, data } = sheet
  const mottle = valueNoise(23)
  const out = createBitmap(width, height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let darkest = 0
      for (let dy = -1; dy <= 1; dy++) {
        const row = Math.min(height - 1, Math.max(0, y + dy)) * width
        for (let dx = -1; dx <= 1; dx++)
          darkest = Math.max(darkest, data[row + Math.min(width - 1, Math.max(0, x + dx))]!)
      }
      out.data[y * width + x] = Math.min(1, darkest * (0.94 + 0.08 * mottle(x * 0.35, y * 0.35)))
    }
  }
  return out
}

/** A 1-2-1 blur across and down (edges clamp). */
function tentBlur(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const across = createBitmap(width, height)
  const out = createBitmap(width, height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      across.data[i] =
        (data[y * width + Math.max(0, x - 1)]! +
          2 * data[i]! +
          data[y * width + Math.min(width - 1, x + 1)]!) /
        4
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      out.data[y * width + x] =
        (across.data[Math.max(0, y - 1) * width + x]! +
          2 * across.data[y * width + x]! +
          across.data[Math.min(height - 1, y + 1) * width + x]!) /
        4
    }
  }
  return out
}

/** The bitmap's row at fractional `y` (clamped), interpolated between the two rows about it. */
function rowBetween(bitmap: Bitmap, y: number, out: Float32Array): void {
  const { width, height, data } = bitmap
  const clamped = Math.min(height - 1, Math.max(0, y))
  const y0 = Math.floor(clamped)
  const y1 = Math.min(height - 1, y0 + 1)
  const fy = clamped - y0
  for (let x = 0; x < width; x++)
    out[x] = data[y0 * width + x]! * (1 - fy) + data[y1 * width + x]! * fy
}

/** A row's value at fractional `x` (clamped), interpolated between its two neighbours. */
function alongRow(row: Float32Array, x: number): number {
  const clamped = Math.min(row.length - 1, Math.max(0, x))
  const x0 = Math.floor(clamped)
  const x1 = Math.min(row.length - 1, x0 + 1)
  const fx = clamped - x0
  return row[x0]! * (1 - fx) + row[x1]! * fx
}

/** A fixed grain value 0–1 per canvas pixel (an integer hash: no state, the same every time). */
function pixelGrain(x: number, y: number): number {
  let h = Math.imul(x, 374761393) + Math.imul(y, 668265263)
  h = Math.imul(h ^ (h >>> 13), 1274126177)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

function smoothstep(edge0: number, edge1: number, value: number): number {
  const t = Math.min(1, Math.max(0, (value - edge0) / (edge1 - edge0)))
  return t * t * (3 - 2 * t)
}

/** Seal paste (印泥): cinnabar, a little translucent where it lies on the paper. */
const cinnabar = '#b23a2a'

/**
 * Stamps a square cinnabar seal (朱文: red characters in a red frame) low in the sheet's left
 * margin, beside the print and clear of it. Its characters are cut in seal script (sealScript.ts),
 * in columns read from the right; a seal text with no drawn glyph falls back to the serif face.
 */
export function stampSeal(canvas: HTMLCanvasElement, sealText: string): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const left = Number(canvas.dataset.printLeftPx ?? 0)
  const size = Math.round(Math.min(left * 0.7, canvas.height * 0.2))
  const x = Math.round((left - size) / 2)
  const y = canvas.height - size - Math.round(canvas.height * 0.08)
  context.save()
  context.globalAlpha = 0.88
  context.strokeStyle = cinnabar
  context.fillStyle = cinnabar
  context.lineWidth = Math.max(2, size * 0.07)
  // A cut border's corners are a little worn round.
  context.lineJoin = 'round'
  context.strokeRect(x, y, size, size)
  if (hasSealGlyphs(sealText)) {
    // Seal script's lines are of one width, their ends and turns rounded.
    context.lineWidth = Math.max(1.5, size * 0.042)
    context.lineCap = 'round'
    for (const glyph of layOutSeal(sealText, size)) {
      for (const line of glyph.lines) {
        context.beginPath()
        line.forEach(([px, py], index) =>
          index === 0 ? context.moveTo(x + px, y + py) : context.lineTo(x + px, y + py),
        )
        context.stroke()
      }
    }
  } else stampSealInFace(context, Array.from(sealText), x, y, size)
  context.restore()
}

/** The seal set in the serif face, for a seal text sealScript.ts has no glyphs for. */
function stampSealInFace(
  context: CanvasRenderingContext2D,
  characters: readonly string[],
  x: number,
  y: number,
  size: number,
): void {
  const columns = characters.length > 2 ? 2 : 1
  const rows = Math.ceil(characters.length / columns)
  const cell = (size * 0.82) / Math.max(columns, rows)
  context.font = `600 ${cell * 0.92}px "Noto Serif SC", serif`
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  characters.forEach((character, index) => {
    const column = Math.floor(index / rows)
    const row = index % rows
    const cx = x + size - size * 0.09 - cell * (column + 0.5) - (size * 0.82 - columns * cell) / 2
    const cy = y + size * 0.09 + cell * (row + 0.5) + (size * 0.82 - rows * cell) / 2
    context.fillText(character, cx, cy)
  })
}

/** The nick's word is at least this tall as the visitor sees it, at every screen size. */
export const nickLabelMinCssPx = 22

/**
 * Marks where a cut nicked a stroke, as a teacher marks a proof: a thin cinnabar circle round
 * each place and the word beside the largest, in both languages (`words`, the visit's language
 * first), so the verdict's "a stroke is nicked" points at something on the sheet. Drawn on the
 * print screen's own marks layer over the print, so the print (and the keepsake) carries none.
 * `nicks` are in block cells (nickMarkers mirrors them onto the sheet). `cssPxPerCanvasPx` is
 * how large the canvas is shown: the word is sized for the eye (`nickLabelMinCssPx`), not for the
 * canvas, which the page shrinks on small screens. The word's height as shown, in CSS px, is left
 * on the canvas as `data-nick-label-css-px`.
 */
export function markNicks(
  canvas: HTMLCanvasElement,
  nicks: readonly CarvingNick[],
  sheetWidth: number,
  sheetHeight: number,
  words: readonly [string, string],
  cssPxPerCanvasPx: number,
): void {
  const context = canvas.getContext('2d')
  if (!context || nicks.length === 0) return
  const left = Number(canvas.dataset.printLeftPx ?? 0)
  const top = Number(canvas.dataset.printTopPx ?? 0)
  const scale = Number(canvas.dataset.printWidthPx ?? sheetWidth) / sheetWidth
  const shownScale = cssPxPerCanvasPx > 0 ? cssPxPerCanvasPx : 1
  context.save()
  context.strokeStyle = cinnabar
  context.fillStyle = cinnabar
  context.lineWidth = Math.max(2, 2 / shownScale)
  const fontPx = Math.ceil(Math.max(canvas.width / 26, nickLabelMinCssPx / shownScale))
  canvas.dataset.nickLabelCssPx = (fontPx * shownScale).toFixed(1)
  context.textBaseline = 'middle'
  // The word once, beside the largest place: several words along one cut ran into each other.
  nickMarkers(nicks, sheetWidth, sheetHeight).forEach((marker, index) => {
    const cx = left + (marker.centreX + 0.5) * scale
    const cy = top + (marker.centreY + 0.5) * scale
    const radius = Math.max(marker.radiusCells * scale, fontPx * 0.7)
    context.beginPath()
    context.ellipse(cx, cy, radius * 1.1, radius, -0.2, 0, Math.PI * 2)
    context.stroke()
    if (index > 0) return
    const isRight = marker.labelSide === 'right'
    const x = cx + (isRight ? 1 : -1) * (radius * 1.1 + fontPx * 0.35)
    context.textAlign = isRight ? 'left' : 'right'
    // The visit's language first and larger, the other under it, as every note on this screen.
    context.font = `600 ${fontPx}px "Noto Serif SC", serif`
    context.fillText(words[0], x, cy - fontPx * 0.45)
    context.font = `500 ${Math.round(fontPx * 0.9)}px "Noto Serif SC", serif`
    context.fillText(words[1], x, cy + fontPx * 0.6)
  })
  context.restore()
}

/**
 * Rings the shop's mark (牌记) on the screen's print, as {@link markNicks} rings a nick: the mark
 * stood reversed on the block and reads the right way round here, and the print screen's note
 * beside the sheet points at this ring. `area` is the mark's place in shares (0–1) of the sheet
 * as read; drawn on the marks layer, so the print and the keepsake carry none.
 */
export function markShopMark(
  canvas: HTMLCanvasElement,
  area: CellRect,
  cssPxPerCanvasPx: number,
): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const left = Number(canvas.dataset.printLeftPx ?? 0)
  const top = Number(canvas.dataset.printTopPx ?? 0)
  const width = Number(canvas.dataset.printWidthPx ?? canvas.width)
  const height = Number(canvas.dataset.printHeightPx ?? canvas.height)
  const shownScale = cssPxPerCanvasPx > 0 ? cssPxPerCanvasPx : 1
  const cx = left + ((area.x0 + area.x1) / 2) * width
  const cy = top + ((area.y0 + area.y1) / 2) * height
  // Clear of the mark by a few pixels as shown, as round as the mark is tall.
  const airPx = 6 / shownScale
  const radiusX = ((area.x1 - area.x0) * width) / 2 + airPx * 1.6
  const radiusY = ((area.y1 - area.y0) * height) / 2 + airPx
  context.save()
  context.strokeStyle = cinnabar
  context.lineWidth = Math.max(2, 2 / shownScale)
  context.beginPath()
  context.ellipse(cx, cy, radiusX, radiusY, 0, 0, Math.PI * 2)
  context.stroke()
  context.restore()
}
