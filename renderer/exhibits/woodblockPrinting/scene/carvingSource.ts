import { layoutBlockText } from '../../../../src/exhibits/woodblockPrinting/blockLayout'
import { generatePlumMotif } from '../../../../src/exhibits/woodblockPrinting/plumMotif'
import type { CarvedBlock } from '../../../../src/pack/manifestSchema'

/** What is carved on a block: the fields of a pack block that matter for drawing it. */
export type CarvingSource = Pick<CarvedBlock, 'carving' | 'text'>

/** Width ÷ height of the block face for this carving (a motif is square). */
export function carvingAspect(source: CarvingSource): number {
  return source.carving === 'motif' ? 1 : layoutBlockText(source.text).aspect
}

/** Draws the procedural plum branch: boughs as tapering strokes, blossoms as five round petals. */
export function drawPlum(
  context: OffscreenCanvasRenderingContext2D,
  width: number,
  height: number,
): void {
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
      context.arc(
        cx + Math.cos(angle) * r * 0.55,
        cy + Math.sin(angle) * r * 0.55,
        r * 0.45,
        0,
        Math.PI * 2,
      )
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
