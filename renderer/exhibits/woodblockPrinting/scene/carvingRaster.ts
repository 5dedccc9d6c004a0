import { createBitmap, type Bitmap } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import { generatePlumMotif } from '../../../../src/exhibits/woodblockPrinting/plumMotif'
import type { CarvedBlock } from '../../../../src/pack/manifestSchema'

/** The serif CJK face bundled with the app (@fontsource/noto-serif-sc, loaded by the page). */
const carvingFontFamily = '"Noto Serif SC", "Noto Serif CJK SC", serif'
/** How long to wait for the font before drawing with whatever serif face the system has. */
const fontWaitMs = 4000

/** What is carved on a block: the fields of a pack block that matter for drawing it. */
export type CarvingSource = Pick<CarvedBlock, 'carving' | 'text'>

/** Width ÷ height of the block face for this carving (a motif is square). */
export function carvingAspect(source: CarvingSource): number {
  return source.carving === 'motif' ? 1 : layoutBlockText(source.text).aspect
}

/**
 * Waits for the bundled serif face to hold these characters. The @fontsource CSS splits the face
 * into unicode ranges, so `document.fonts.load` with the text fetches exactly the subsets needed.
 */
async function loadCarvingFont(text: string, signal: AbortSignal): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, fontWaitMs))
  await Promise.race([document.fonts.load(`600 64px ${carvingFontFamily}`, text).then(() => undefined), timeout]).catch(
    () => undefined,
  )
  signal.throwIfAborted()
}

function createCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}

/** Draws characters in columns, right to left, in ink on a transparent canvas. */
function drawCharacters(context: CanvasRenderingContext2D, text: string, width: number, height: number): void {
  const layout = layoutBlockText(text)
  context.fillStyle = '#000'
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  for (const glyph of layout.glyphs) {
    const sizePx = glyph.size * height * 0.86
    context.font = `600 ${sizePx}px ${carvingFontFamily}`
    context.fillText(glyph.character, glyph.centerX * width, glyph.centerY * height + sizePx * 0.03)
  }
}

/** Draws the procedural plum branch: boughs as tapering strokes, blossoms as five round petals. */
function drawPlum(context: CanvasRenderingContext2D, width: number, height: number): void {
  const motif = generatePlumMotif()
  const scale = Math.min(width, height)
  context.strokeStyle = '#000'
  context.fillStyle = '#000'
  context.lineCap = 'round'
  for (const branch of motif.branches) {
    context.lineWidth = branch.width * scale
    context.beginPath()
    context.moveTo(branch.fromX * width, branch.fromY * height)
    context.lineTo(branch.toX * width, branch.toY * height)
    context.stroke()
  }
  for (const blossom of motif.blossoms) {
    const cx = blossom.x * width
    const cy = blossom.y * height
    const r = blossom.radius * scale
    if (blossom.isBud) {
      context.beginPath()
      context.arc(cx, cy, r * 0.45, 0, Math.PI * 2)
      context.fill()
      continue
    }
    for (let petal = 0; petal < 5; petal++) {
      const angle = blossom.rotation + (petal * Math.PI * 2) / 5
      context.beginPath()
      context.arc(cx + Math.cos(angle) * r * 0.55, cy + Math.sin(angle) * r * 0.55, r * 0.45, 0, Math.PI * 2)
      context.fill()
    }
    // The heart of the flower is cut away, leaving a ring of stamens in relief.
    context.save()
    context.globalCompositeOperation = 'destination-out'
    context.beginPath()
    context.arc(cx, cy, r * 0.22, 0, Math.PI * 2)
    context.fill()
    context.restore()
  }
}

/**
 * The sample as written, right-reading: 1 where the brush laid ink, 0 on bare paper.
 * `width × height` pixels; characters in the bundled serif face, the motif drawn procedurally.
 */
export async function rasterizeSample(
  source: CarvingSource,
  width: number,
  height: number,
  signal: AbortSignal,
): Promise<Bitmap> {
  if (source.carving !== 'motif') await loadCarvingFont(source.text, signal)
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('The woodblock scene could not get a 2D canvas to draw its carving')
  if (source.carving === 'motif') drawPlum(context, width, height)
  else drawCharacters(context, source.text, width, height)
  const pixels = context.getImageData(0, 0, width, height).data
  const bitmap = createBitmap(width, height)
  for (let i = 0; i < bitmap.data.length; i++) bitmap.data[i] = pixels[i * 4 + 3]! / 255
  // Release the canvas backing store now rather than whenever the collector runs.
  canvas.width = 0
  canvas.height = 0
  return bitmap
}

/** Averages `factor × factor` cells into one (the model works on a coarser grid than the textures). */
export function downsample(bitmap: Bitmap, factor: number): Bitmap {
  const width = Math.floor(bitmap.width / factor)
  const height = Math.floor(bitmap.height / factor)
  const out = createBitmap(width, height)
  const area = factor * factor
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * bitmap.width + x * factor
        for (let dx = 0; dx < factor; dx++) sum += bitmap.data[row + dx]!
      }
      out.data[y * width + x] = sum / area
    }
  }
  return out
}
