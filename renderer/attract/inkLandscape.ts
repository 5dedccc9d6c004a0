import { seededRandom, valueNoise1d } from './seededRandom'

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

/** Several translucent washes of one ridge, then short dry-brush strokes (皴) along its crest. */
function paintRidge(canvas: HTMLCanvasElement, style: RidgeStyle, seed: number): void {
  const context = canvas.getContext('2d')!
  const { width, height } = canvas
  const random = seededRandom(seed)
  const step = Math.max(2, Math.round(width / 240))

  for (let wash = 0; wash < style.washes; wash++) {
    const wobble = valueNoise1d(random, 37)
    const shift = (wash - (style.washes - 1) / 2) * 0.006
    context.beginPath()
    context.moveTo(0, height)
    let crest = height
    for (let px = 0; px <= width + step; px += step) {
      const x = px / width
      const h = style.heightAt(x + shift) + (wobble(x * 3) - 0.5) * 0.012
      const y = height * (1 - h)
      crest = Math.min(crest, y)
      context.lineTo(px, y)
    }
    context.lineTo(width, height)
    context.closePath()
    const gradient = context.createLinearGradient(0, crest, 0, crest + height * style.fadeDepth)
    const alpha = style.topAlpha / style.washes
    gradient.addColorStop(0, `rgb(${style.inkRgb} / ${alpha * 1.6})`)
    gradient.addColorStop(0.45, `rgb(${style.inkRgb} / ${alpha})`)
    gradient.addColorStop(1, `rgb(${style.inkRgb} / 0)`)
    context.fillStyle = gradient
    context.fill()
  }

  // Texture strokes hang down from the crest, thinning with depth like a dry brush.
  context.lineCap = 'round'
  for (let i = 0; i < style.textureStrokes; i++) {
    const x = random()
    const h = style.heightAt(x)
    if (h < 0.02) continue
    const top = height * (1 - h) + random() * height * 0.02
    const length = height * (0.02 + random() * style.fadeDepth * 0.35)
    const lean = (random() - 0.5) * length * 0.5
    context.strokeStyle = `rgb(${style.inkRgb} / ${0.05 + random() * style.topAlpha * 0.22})`
    context.lineWidth = 0.6 + random() * Math.max(1, width / 900)
    context.beginPath()
    context.moveTo(x * width, top)
    context.quadraticCurveTo(x * width + lean, top + length * 0.5, x * width + lean * 0.4, top + length)
    context.stroke()
  }
}

function peak(x: number, centre: number, halfWidth: number, height: number): number {
  const d = (x - centre) / halfWidth
  return height * Math.exp(-d * d)
}

/**
 * Draws the still layers for a canvas of `width` × `height` device pixels. The shapes are fixed
 * by a seed; in portrait the near cliffs rise higher so the corner still holds the composition.
 */
export function paintInkLandscape(width: number, height: number): InkLandscapeLayers {
  const isPortrait = height > width
  const lift = isPortrait ? 0.72 : 1
  const random = seededRandom(1127)
  const roughNear = valueNoise1d(random, 23)
  const roughFar = valueNoise1d(random, 17)

  const near = makeCanvas(width, height)
  paintRidge(
    near,
    {
      heightAt: (x) =>
        (Math.max(peak(x, 0.02, 0.13, 0.56), peak(x, 0.15, 0.1, 0.44), peak(x, 0.27, 0.09, 0.27)) +
          (roughNear(x * 4) - 0.5) * 0.05 * Math.max(0, 1 - x * 2.2)) *
        lift,
      inkRgb: '38 36 33',
      topAlpha: 0.9,
      fadeDepth: 0.32,
      washes: 4,
      textureStrokes: 520,
    },
    11,
  )

  const far = makeCanvas(width, height)
  paintRidge(
    far,
    {
      heightAt: (x) =>
        (Math.max(peak(x, 0.2, 0.2, 0.42), peak(x, 0.42, 0.14, 0.33), peak(x, 0.58, 0.1, 0.22)) +
          (roughFar(x * 3) - 0.5) * 0.04) *
        lift,
      inkRgb: '86 112 104',
      topAlpha: 0.38,
      fadeDepth: 0.22,
      washes: 3,
      textureStrokes: 160,
    },
    23,
  )

  const distant = makeCanvas(width, height)
  paintRidge(
    distant,
    {
      heightAt: (x) => Math.max(peak(x, 0.74, 0.06, 0.4), peak(x, 0.84, 0.08, 0.34), peak(x, 0.66, 0.05, 0.3)) * lift,
      inkRgb: '110 135 128',
      topAlpha: 0.16,
      fadeDepth: 0.16,
      washes: 2,
      textureStrokes: 0,
    },
    37,
  )

  const mistSize = Math.max(64, Math.round(Math.min(width, height) * 0.5))
  const mist = makeCanvas(mistSize, mistSize)
  const mistContext = mist.getContext('2d')!
  const radius = mistSize / 2
  const glow = mistContext.createRadialGradient(radius, radius, 0, radius, radius, radius)
  glow.addColorStop(0, 'rgb(243 239 228 / 0.95)')
  glow.addColorStop(0.5, 'rgb(243 239 228 / 0.55)')
  glow.addColorStop(1, 'rgb(243 239 228 / 0)')
  mistContext.fillStyle = glow
  mistContext.fillRect(0, 0, mistSize, mistSize)

  return { distant, far, near, mist }
}

/** Lets the browser free the layers' pixel memory at once rather than at the next collection. */
export function releaseInkLandscape(layers: InkLandscapeLayers): void {
  for (const canvas of [layers.distant, layers.far, layers.near, layers.mist]) {
    canvas.width = 0
    canvas.height = 0
  }
}
