// The tea table's pictures, painted on 2D canvases. Each painter returns its canvas; the
// pictures are read back once a page and kept as bytes (teaTablePictures.ts), so no painter runs
// twice and none makes a GPU object.
import { seededRandom } from '../../../../src/random/seededRandom'

function canvasOf(
  width: number,
  height: number,
): [OffscreenCanvas, OffscreenCanvasRenderingContext2D] {
  // An OffscreenCanvas: the tea table may be built in the scene worker, where there is no document.
  const canvas = new OffscreenCanvas(width, height)
  // Read back once: a canvas kept in CPU memory paints and reads without a GPU round trip.
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('the tea scene needs a 2D canvas for its textures')
  return [canvas, context]
}

const hareFurWidthPx = 1024
const hareFurHeightPx = 512

/** Where the Jian glaze ends above the foot, in rows of the hare's-fur picture from its top. */
function glazeEndRow(glazeEndV: number): number {
  return (1 - glazeEndV) * hareFurHeightPx
}

/**
 * The Jian glaze (兔毫, hare's fur) for the bowl's lathe: canvas x runs round the bowl, y along
 * the profile (top of the canvas = the inner centre, `rimV` = the rim, `glazeEndV` = where the
 * glaze stops above the foot, the bare dark body below it). Fine rust and silver-brown streaks run from the rim
 * down into the well and down the outside, on a blue-black ground. Wraps round in x.
 */
export function paintHareFur(rimV: number, glazeEndV: number): OffscreenCanvas {
  const width = hareFurWidthPx
  const height = hareFurHeightPx
  const random = seededRandom(1107)
  const [canvas, g] = canvasOf(width, height)
  const rimY = (1 - rimV) * height
  const glazeEndY = glazeEndRow(glazeEndV)

  g.fillStyle = '#0b0a0c'
  g.fillRect(0, 0, width, height)
  // The well of the bowl pools darker, blue-black.
  const well = g.createLinearGradient(0, 0, 0, rimY)
  well.addColorStop(0, '#05060a')
  well.addColorStop(0.6, '#0c0b0d')
  well.addColorStop(1, '#1a120d')
  g.fillStyle = well
  g.fillRect(0, 0, width, rimY)

  // Hare's-fur streaks: long thin lines from the rim, inward (up the canvas) and outward (down).
  const streakColours = ['#6a3416', '#8a4a22', '#a8683a', '#4a2612', '#b48a62']
  for (let i = 0; i < 2600; i++) {
    const x = random() * width
    const isInside = random() < 0.62
    const length = (isInside ? rimY * 0.75 : (glazeEndY - rimY) * 0.9) * (0.25 + random() * 0.75)
    g.strokeStyle = streakColours[Math.floor(random() * streakColours.length)]!
    g.globalAlpha = 0.22 + random() * 0.5
    g.lineWidth = 0.5 + random() * 0.9
    g.beginPath()
    g.moveTo(x, rimY)
    const sway = (random() - 0.5) * 6
    g.quadraticCurveTo(
      x + sway,
      rimY + (isInside ? -length / 2 : length / 2),
      x + sway * 0.5,
      rimY + (isInside ? -length : length),
    )
    g.stroke()
  }
  g.globalAlpha = 1
  // Thin glaze at the lip burns iron-brown (a Jian bowl's rim is lighter than its body): a narrow
  // warm band that catches the eye as the rim's own line against the black inside and out.
  const lip = g.createLinearGradient(0, rimY - 10, 0, rimY + 10)
  lip.addColorStop(0, 'rgba(110,60,28,0)')
  lip.addColorStop(0.5, 'rgba(168,104,56,0.95)')
  lip.addColorStop(1, 'rgba(110,60,28,0)')
  g.fillStyle = lip
  g.fillRect(0, rimY - 10, width, 20)
  // The glaze pools thick above the foot (a rolled, darker drip line with a brown edge where
  // it thins), then the unglazed iron-rich clay of the foot.
  const pool = g.createLinearGradient(0, glazeEndY - 22, 0, glazeEndY + 2)
  pool.addColorStop(0, 'rgba(10,8,9,0)')
  pool.addColorStop(0.55, '#070608')
  pool.addColorStop(0.9, '#1a0f0a')
  pool.addColorStop(1, '#3a2216')
  g.fillStyle = pool
  g.fillRect(0, glazeEndY - 22, width, 24)
  for (let x = 0; x < width; x += 3) {
    // The drip line is uneven: the glaze ran further in some places than others.
    g.fillStyle = '#0a0809'
    g.fillRect(x, glazeEndY - 2, 3, random() * 5)
  }
  // The bare iron body (铁胎): dark grey-brown, matte and gritty, a cooler, duller dark than the
  // glaze above and the red lacquer of the stand it stands in.
  g.fillStyle = '#4e3a30'
  g.fillRect(0, glazeEndY + 2, width, height - glazeEndY)
  for (let i = 0; i < 900; i++) {
    g.fillStyle = random() < 0.5 ? '#3e2e26' : '#66503f'
    g.fillRect(random() * width, glazeEndY + 2 + random() * (height - glazeEndY), 2, 2)
  }

  return canvas
}

/**
 * Where the bowl shines, along the same lathe as {@link paintHareFur}: red full on the glaze,
 * hardly at all on the bare clay of the foot.
 */
export function paintGlazeGloss(glazeEndV: number): OffscreenCanvas {
  const [canvas, r] = canvasOf(4, 256)
  const scale = 256 / hareFurHeightPx
  r.fillStyle = '#ffffff' // the glaze shines
  r.fillRect(0, 0, 4, 256)
  r.fillStyle = '#0a0a0a' // the bare clay foot hardly at all
  r.fillRect(0, (glazeEndRow(glazeEndV) + 2) * scale, 4, 256)
  return canvas
}

/** Side of the table's wood picture, px: one repeat covers more table than any frame shows. */
const tableWoodSizePx = 1024

/**
 * Old, dark wood for the table top (aged elm darkened by oil and use, as the tea table of
 * 刘松年《撵茶图》 is: the white foam, the black bowl and the cinnabar stand read against it),
 * repeating seamlessly (the grain runs along x; its waves have whole periods across the picture),
 * with long, uneven grain lines, a few wide darker streaks of age and fine pores, so no pattern
 * shows twice in a frame. The light is the table's shader's work.
 */
export function paintTableWood(): OffscreenCanvas {
  const random = seededRandom(1049)
  const sizePx = tableWoodSizePx
  const [canvas, g] = canvasOf(sizePx, sizePx)
  g.fillStyle = '#5c4330'
  g.fillRect(0, 0, sizePx, sizePx)
  // Broad bands of heartwood and sapwood, soft-edged, running with the grain.
  for (let i = 0; i < 26; i++) {
    const y = random() * sizePx
    const band = 20 + random() * 70
    const gradient = g.createLinearGradient(0, y - band, 0, y + band)
    const tone = random() < 0.5 ? '72,50,34' : '112,84,58'
    gradient.addColorStop(0, `rgba(${tone},0)`)
    gradient.addColorStop(0.5, `rgba(${tone},${0.25 + random() * 0.3})`)
    gradient.addColorStop(1, `rgba(${tone},0)`)
    g.fillStyle = gradient
    // Drawn twice across the seam in y so the picture still tiles.
    g.fillRect(0, y - band, sizePx, band * 2)
    g.fillRect(0, y - band - sizePx, sizePx, band * 2)
    g.fillRect(0, y - band + sizePx, sizePx, band * 2)
  }
  // Grain lines.
  for (let i = 0; i < 340; i++) {
    const y = random() * sizePx
    const waves = 1 + Math.floor(random() * 3)
    const phase = random() * 2 * Math.PI
    const amplitude = 2 + random() * 6
    g.strokeStyle = random() < 0.6 ? '#3e2c1e' : '#7a5c40'
    g.globalAlpha = 0.15 + random() * 0.35
    g.lineWidth = 0.6 + random() * 2.4
    g.beginPath()
    for (let x = 0; x <= sizePx; x += 16) {
      const waveY = y + Math.sin((x / sizePx) * waves * 2 * Math.PI + phase) * amplitude
      if (x === 0) g.moveTo(x, waveY)
      else g.lineTo(x, waveY)
    }
    g.stroke()
  }
  // Pores: short dark dashes along the grain.
  g.fillStyle = '#2e2016'
  for (let i = 0; i < 5000; i++) {
    g.globalAlpha = 0.2 + random() * 0.3
    g.fillRect(random() * sizePx, random() * sizePx, 2 + random() * 6, 1)
  }
  g.globalAlpha = 1
  return canvas
}

/** Columns round the whisk's body, rows along its lathe. */
const bambooWidthPx = 256
const bambooHeightPx = 256

/**
 * The whisk's body (茶筅, old 筋竹 bamboo), along its lathe (songWhisk.ts): canvas x runs round
 * the culm, y along the profile (top of the canvas = the cut top's centre, bottom = the base). An
 * aged, warm yellow-brown skin with fine fibres running its length, a darker node ring with a
 * pale edge, and at its foot the split that parts it into the tines: a dark slit above each
 * tine, so the body runs on into them as split bamboo does. Mipmapped, so it calms at a distance
 * instead of flickering.
 */
export function paintBambooSkin(splitTopV: number, nodeV: number, topV: number): OffscreenCanvas {
  const width = bambooWidthPx
  const height = bambooHeightPx
  const random = seededRandom(1101)
  const [canvas, g] = canvasOf(width, height)
  const rowOf = (v: number) => (1 - v) * height
  const splitTopY = rowOf(splitTopV)
  const nodeY = rowOf(nodeV)
  const topY = rowOf(topV)
  g.fillStyle = '#8c6a38'
  g.fillRect(0, 0, width, height)
  // Fibres along the culm: many thin lines, a little lighter and darker than the skin.
  for (let i = 0; i < 420; i++) {
    const x = random() * width
    g.strokeStyle = random() < 0.5 ? '#6e5028' : '#a8864e'
    g.globalAlpha = 0.25 + random() * 0.45
    g.lineWidth = 0.6 + random() * 1.2
    g.beginPath()
    g.moveTo(x, topY + random() * 20)
    g.lineTo(x + (random() - 0.5) * 2, height)
    g.stroke()
  }
  // Age: broad, faint darker streaks where hands have held it.
  for (let i = 0; i < 14; i++) {
    g.fillStyle = '#4a3418'
    g.globalAlpha = 0.08 + random() * 0.1
    g.fillRect(random() * width, topY, 6 + random() * 18, height - topY)
  }
  g.globalAlpha = 1
  // The node: a dark band with a pale ridge along its middle.
  const node = g.createLinearGradient(0, nodeY - 9, 0, nodeY + 9)
  node.addColorStop(0, 'rgba(70,46,20,0)')
  node.addColorStop(0.3, 'rgba(70,46,20,0.9)')
  node.addColorStop(0.5, 'rgba(196,164,110,0.9)')
  node.addColorStop(0.7, 'rgba(60,40,18,0.9)')
  node.addColorStop(1, 'rgba(60,40,18,0)')
  g.fillStyle = node
  g.fillRect(0, nodeY - 9, width, 18)
  // The split: a dark slit above each of the outer tines (a twelfth of the way round apart),
  // fading out where the culm is whole, with the paler inner wood showing at its edges.
  const tineColumns = 12
  for (let k = 0; k < tineColumns; k++) {
    const x = (k / tineColumns) * width
    const slit = g.createLinearGradient(0, splitTopY, 0, height)
    slit.addColorStop(0, 'rgba(36,22,10,0)')
    slit.addColorStop(0.35, 'rgba(36,22,10,0.85)')
    slit.addColorStop(1, 'rgba(30,18,8,1)')
    g.fillStyle = slit
    g.fillRect(x - 2, splitTopY, 4, height - splitTopY)
    g.fillStyle = 'rgba(200,168,112,0.55)'
    g.fillRect(x + 2, splitTopY + 8, 2, height - splitTopY - 8)
    g.fillRect(x - 4, splitTopY + 8, 2, height - splitTopY - 8)
  }
  // The cut top: the culm's end grain, darker, with its wall as a paler ring.
  g.fillStyle = '#5a4020'
  g.fillRect(0, 0, width, topY)
  g.fillStyle = 'rgba(190,156,100,0.8)'
  g.fillRect(0, topY - 6, width, 4)
  return canvas
}

/** A soft radial puff for the steam of the warming rinse and for the contact shadows. */
export function paintSoftPuff(): OffscreenCanvas {
  const [canvas, g] = canvasOf(128, 128)
  const gradient = g.createRadialGradient(64, 64, 0, 64, 64, 64)
  gradient.addColorStop(0, 'rgba(255,255,255,1)')
  gradient.addColorStop(0.5, 'rgba(255,255,255,0.45)')
  gradient.addColorStop(1, 'rgba(255,255,255,0)')
  g.fillStyle = gradient
  g.fillRect(0, 0, 128, 128)
  return canvas
}
