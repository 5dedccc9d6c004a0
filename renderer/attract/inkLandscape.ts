import { seededRandom } from '../../src/random/seededRandom'
import { valueNoise1d } from './valueNoise1d'

/** The still layers of the attract painting, drawn once per size into offscreen canvases. */
export interface InkLandscapeLayers {
  /** Faint far peaks on the right, lost in haze. */
  readonly distant: HTMLCanvasElement
  /** The middle range, a celadon-grey wash. */
  readonly far: HTMLCanvasElement
  /** The near cliffs anchored in one corner (马一角), dark ink dissolving into mist at the foot. */
  readonly near: HTMLCanvasElement
  /** A soft round of mist, drawn many times at different sizes. */
  readonly mist: HTMLCanvasElement
}

/** Layers being painted: draw them as they are; run `steps` a little at a time to finish them. */
export interface InkLandscapeInProgress {
  readonly layers: InkLandscapeLayers
  readonly steps: Generator<void>
}

interface RidgeStyle {
  /** The ridge height (0–1 of the canvas height) along x (0–1 of the width). */
  readonly heightAt: (x: number) => number
  /** Ink as "r g b". */
  readonly inkRgb: string
  readonly topAlpha: number
  /** How far below its crest (0–1 of the height) the ink has faded into mist. */
  readonly fadeDepth: number
  readonly washes: number
  readonly textureStrokes: number
}

function makeCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width))
  canvas.height = Math.max(1, Math.round(height))
  return canvas
}

/** Columns or strokes painted between two yields of a painting generator. */
const workPerStep = 64

/**
 * Several translucent washes of one ridge, then short dry-brush strokes (皴) along its crest.
 * A generator: it yields every few dozen columns, so its owner can spread the work over frames.
 */
function* paintRidge(canvas: HTMLCanvasElement, style: RidgeStyle, seed: number): Generator<void> {
  const context = canvas.getContext('2d')!
  const { width, height } = canvas
  const random = seededRandom(seed)

  // Each column fades from its own crest down into mist, so low peaks are as inked as high ones.
  const fadePx = height * style.fadeDepth
  for (let wash = 0; wash < style.washes; wash++) {
    const wobble = valueNoise1d(random, 37)
    const shift = (wash - (style.washes - 1) / 2) * 0.006
    const alpha = style.topAlpha / style.washes
    for (let px = 0; px < width; px++) {
      const x = (px + 0.5) / width
      const h = style.heightAt(x + shift) + (wobble(x * 3) - 0.5) * 0.012
      if (h <= 0.01) continue
      const y = height * (1 - h)
      // Foothills barely above the bottom edge thin out instead of ending in a hard line.
      const foot = Math.min(1, h / 0.08)
      const columnFadePx = Math.min(fadePx, height * h * 0.9)
      const gradient = context.createLinearGradient(0, y, 0, y + columnFadePx)
      gradient.addColorStop(0, `rgb(${style.inkRgb} / ${Math.min(1, alpha * 1.7) * foot})`)
      gradient.addColorStop(0.4, `rgb(${style.inkRgb} / ${alpha * foot})`)
      gradient.addColorStop(1, `rgb(${style.inkRgb} / 0)`)
      context.fillStyle = gradient
      context.fillRect(px, y, 1, columnFadePx)
      if (px % workPerStep === 0) yield
    }
  }

  // Texture strokes (皴) hang from the crest of the taller parts, short and slanted down the slope.
  context.lineCap = 'round'
  const slopeStep = 2 / width
  for (let i = 0; i < style.textureStrokes; i++) {
    const x = random()
    const h = style.heightAt(x)
    if (h < 0.12) continue
    const slope = (style.heightAt(x + slopeStep) - style.heightAt(x - slopeStep)) / (2 * slopeStep)
    const depth = random() ** 1.8
    const top = height * (1 - h) + depth * height * style.fadeDepth * 0.45
    const length = height * (0.012 + random() * 0.03) * (1 - depth * 0.6)
    const lean = Math.max(-1.2, Math.min(1.2, -slope * 0.35)) * length
    context.strokeStyle = `rgb(${style.inkRgb} / ${(0.1 + random() * 0.3) * style.topAlpha * (1 - depth)})`
    context.lineWidth = (0.6 + random() * 1.4) * Math.max(1, width / 960)
    context.beginPath()
    context.moveTo(x * width, top)
    context.quadraticCurveTo(
      x * width + lean * 0.7,
      top + length * 0.5,
      x * width + lean,
      top + length,
    )
    context.stroke()
  }
}

/**
 * A pine leaning out from the cliff over the void, as in Ma Yuan's album leaves: a crooked trunk
 * and flat clusters of needles, drawn in a few dozen strokes.
 */
function paintPine(
  context: CanvasRenderingContext2D,
  rootX: number,
  rootY: number,
  unit: number,
): void {
  const random = seededRandom(77)
  const at = (dx: number, dy: number) => [rootX + dx * unit, rootY + dy * unit] as const
  context.save()
  context.lineCap = 'round'
  context.lineJoin = 'round'
  context.strokeStyle = 'rgb(34 32 29 / 0.9)'
  // The trunk climbs out of the rock, then droops over the drop (倒挂松).
  context.lineWidth = 3.6 * unit
  context.beginPath()
  context.moveTo(...at(0, 0))
  context.bezierCurveTo(...at(26, -30), ...at(62, -30), ...at(104, 6))
  context.stroke()
  context.lineWidth = 1.8 * unit
  context.beginPath()
  context.moveTo(...at(40, -24))
  context.quadraticCurveTo(...at(50, -44), ...at(70, -50))
  context.moveTo(...at(82, -12))
  context.quadraticCurveTo(...at(100, -22), ...at(118, -18))
  context.stroke()
  const clusters: readonly (readonly [number, number, number])[] = [
    [70, -52, 22],
    [118, -20, 20],
    [106, 8, 16],
    [34, -32, 14],
  ]
  for (const [dx, dy, size] of clusters) {
    const [cx, cy] = at(dx, dy)
    const radius = size * unit
    const wash = context.createRadialGradient(cx, cy, 0, cx, cy, radius)
    wash.addColorStop(0, 'rgb(34 32 29 / 0.55)')
    wash.addColorStop(1, 'rgb(34 32 29 / 0)')
    context.fillStyle = wash
    context.beginPath()
    context.ellipse(cx, cy, radius, radius * 0.42, 0, 0, Math.PI * 2)
    context.fill()
    // Needles fan out from the cluster's heart, mostly sideways, like a brush pressed and lifted.
    context.lineWidth = 0.8 * unit
    for (let i = 0; i < 40; i++) {
      const angle = Math.PI + random() * Math.PI + (random() < 0.5 ? 0 : Math.PI * 0.15)
      const length = radius * (0.5 + random() * 0.55)
      const ox = cx + (random() - 0.5) * radius * 0.5
      const oy = cy + radius * 0.12
      context.strokeStyle = `rgb(34 32 29 / ${0.3 + random() * 0.4})`
      context.beginPath()
      context.moveTo(ox, oy)
      context.lineTo(ox + Math.cos(angle) * length, oy + Math.sin(angle) * length * 0.45)
      context.stroke()
    }
  }
  context.restore()
}

/** A steep, slightly lopsided peak: 0 beyond `halfWidth` of its centre. */
function peak(x: number, centre: number, halfWidth: number, height: number): number {
  const d = (x - centre) / halfWidth
  const side = d < 0 ? 1 + d * 0.85 : 1 - d
  return side <= 0 ? 0 : height * side ** 1.15
}

/**
 * Starts the still layers for a canvas of `width` × `height` pixels: far to near, so the scene
 * washes in like ink on paper. The shapes are fixed by a seed; in portrait the view spans the
 * left part of the scene, so the corner still holds the composition.
 */
export function beginInkLandscape(width: number, height: number): InkLandscapeInProgress {
  const layers: InkLandscapeLayers = {
    distant: makeCanvas(width, height),
    far: makeCanvas(width, height),
    near: makeCanvas(width, height),
    mist: makeCanvas(Math.max(64, Math.round(Math.min(width, height) * 0.5)), 0),
  }
  layers.mist.height = layers.mist.width
  return { layers, steps: paintLayers(layers, width, height) }
}

function* paintLayers(layers: InkLandscapeLayers, width: number, height: number): Generator<void> {
  paintMist(layers.mist)
  const isPortrait = height > width
  const lift = isPortrait ? 0.72 : 1
  // A tall screen shows the left part of the scene, wider, so the cliffs keep their proportions.
  const span = isPortrait ? 0.6 : 1
  const random = seededRandom(1127)
  const roughNear = valueNoise1d(random, 23)
  const roughFar = valueNoise1d(random, 17)

  const roughFine = valueNoise1d(random, 61)
  const nearHeightAt = (canvasX: number) => {
    const x = canvasX * span
    return (
      Math.max(peak(x, 0.04, 0.2, 0.6), peak(x, 0.19, 0.11, 0.4), peak(x, 0.31, 0.1, 0.22)) *
      (1 + (roughNear(x * 5) - 0.5) * 0.24 + (roughFine(x * 3) - 0.5) * 0.08) *
      lift
    )
  }

  const { near, far, distant } = layers
  yield* paintRidge(
    distant,
    {
      heightAt: (canvasX) => {
        const x = 1 - (1 - canvasX) * span
        return (
          Math.max(peak(x, 0.76, 0.09, 0.24), peak(x, 0.86, 0.1, 0.19), peak(x, 0.68, 0.07, 0.16)) *
          lift
        )
      },
      inkRgb: '110 135 128',
      topAlpha: 0.12,
      fadeDepth: 0.16,
      washes: 2,
      textureStrokes: 0,
    },
    37,
  )

  yield* paintRidge(
    far,
    {
      heightAt: (canvasX) => {
        const x = canvasX * span
        return (
          Math.max(peak(x, 0.22, 0.2, 0.44), peak(x, 0.43, 0.13, 0.33), peak(x, 0.56, 0.09, 0.2)) *
          (1 + (roughFar(x * 4) - 0.5) * 0.2) *
          lift
        )
      },
      inkRgb: '86 112 104',
      topAlpha: 0.38,
      fadeDepth: 0.22,
      washes: 3,
      textureStrokes: 160,
    },
    23,
  )

  yield* paintRidge(
    near,
    {
      heightAt: nearHeightAt,
      inkRgb: '38 36 33',
      topAlpha: 0.9,
      fadeDepth: 0.32,
      washes: 4,
      textureStrokes: 520,
    },
    11,
  )

  const pineX = 0.125 / span
  paintPine(
    near.getContext('2d')!,
    pineX * width,
    height * (1 - nearHeightAt(pineX)) + height * 0.015,
    Math.min(width, height) / 540,
  )
}

/** The soft round of mist every puff is drawn from. */
function paintMist(mist: HTMLCanvasElement): void {
  const context = mist.getContext('2d')!
  const radius = mist.width / 2
  const glow = context.createRadialGradient(radius, radius, 0, radius, radius, radius)
  glow.addColorStop(0, 'rgb(243 239 228 / 0.95)')
  glow.addColorStop(0.5, 'rgb(243 239 228 / 0.55)')
  glow.addColorStop(1, 'rgb(243 239 228 / 0)')
  context.fillStyle = glow
  context.fillRect(0, 0, mist.width, mist.height)
}

/** Lets the browser free the layers' pixel memory at once rather than at the next collection. */
export function releaseInkLandscape(layers: InkLandscapeLayers): void {
  for (const canvas of [layers.distant, layers.far, layers.near, layers.mist]) {
    canvas.width = 0
    canvas.height = 0
  }
}
