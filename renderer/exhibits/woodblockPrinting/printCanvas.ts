import { sampleBilinear, type Bitmap } from '../../../src/exhibits/woodblockPrinting/bitmap'

/** Paper and ink of the large print (sRGB). */
const paperRgb = [244, 238, 224] as const
const inkRgb = [28, 25, 23] as const

/**
 * The paper beyond the printed block, as shares of the block's printed width: a wide left margin
 * keeps the seal clear of the print (a seal is stamped beside the text, never over a stroke).
 */
export const printMargins = { left: 0.3, right: 0.06, top: 0.06, bottom: 0.06 } as const

/**
 * Paints a print sheet (ink density 0–1, as read) onto the canvas at `scale` canvas pixels per
 * cell, inside the paper's margins, interpolated so the enlarged print stays smooth, paper
 * showing through the ink.
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
  const image = context.createImageData(canvas.width, canvas.height)
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      const sheetX = (x - left + 0.5) / scale - 0.5
      const sheetY = (y - top + 0.5) / scale - 0.5
      const isOnPrint = sheetX > -1 && sheetY > -1 && sheetX < sheet.width && sheetY < sheet.height
      const d = isOnPrint ? Math.min(1, Math.max(0, sampleBilinear(sheet, sheetX, sheetY))) : 0
      const offset = (y * canvas.width + x) * 4
      for (let c = 0; c < 3; c++)
        image.data[offset + c] = Math.round(paperRgb[c]! + (inkRgb[c]! - paperRgb[c]!) * d)
      image.data[offset + 3] = 255
    }
  }
  context.putImageData(image, 0, 0)
}

/**
 * Stamps a square cinnabar seal (朱文: red characters in a red frame) low in the sheet's left
 * margin, beside the print and clear of it, the characters in columns right to left as seal
 * script is read.
 */
export function stampSeal(canvas: HTMLCanvasElement, sealText: string): void {
  const context = canvas.getContext('2d')
  if (!context) return
  const characters = Array.from(sealText)
  const left = Number(canvas.dataset.printLeftPx ?? 0)
  const size = Math.round(Math.min(left * 0.7, canvas.height * 0.2))
  const x = Math.round((left - size) / 2)
  const y = canvas.height - size - Math.round(canvas.height * 0.08)
  context.save()
  context.globalAlpha = 0.88
  context.strokeStyle = '#b23a2a'
  context.fillStyle = '#b23a2a'
  context.lineWidth = Math.max(2, size * 0.07)
  context.strokeRect(x, y, size, size)
  // Two characters stand in one column, read top to bottom; four make two columns, right first.
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
  context.restore()
}
