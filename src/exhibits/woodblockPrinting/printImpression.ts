import { createBitmap, mirrorHorizontally, type Bitmap } from './bitmap'

/**
 * How a sheet takes ink from the block. Everything here is in block space (as seen looking down
 * on the block) except the finished sheet, which is read from its printed face: the mirror image.
 */

/**
 * Ink above this (1 = a well-inked surface) is more than the relief can hold and spreads. Two
 * ordinary passes over a spot stay below it; working the same place a third time goes beyond.
 */
export const excessInkLevel = 1.6
/** How quickly rubbing transfers ink: transfer = 1 − e^(−k·rub). */
const rubTransferRate = 5
/** Spread of excess ink, in cells. */
const smudgeRadiusCells = 3
/** How dark the spread excess prints: pressed out from under the paper it pools beside the stroke. */
const smudgeStrength = 3
/** A cell of the sheet counts as printed above this density. */
const printedDensity = 0.25

/** The fraction of the ink on a spot that rubbing of this amount moves onto the paper. */
export function transferFromRub(rub: number): number {
  return 1 - Math.exp(-rubTransferRate * Math.max(0, rub))
}

/**
 * Ink on the wood at or above this prints full black: a film of ink evens itself out on the face,
 * so a spot inked a little less than another (between two passes of the brush) prints as dark,
 * and the brush's path does not show in the print as bands. Below it the print pales.
 */
export const fullInkLevel = 0.8

/** How dark (0–1) ink of this level on the wood prints, rubbed through fully. */
export function inkTone(ink: number): number {
  return Math.min(1, Math.max(0, ink) / fullInkLevel)
}

/** The ink a spot leaves on the sheet before any smudging: only raised wood touches the paper. */
export function impressionAt(relief: number, ink: number, rub: number): number {
  return relief * inkTone(ink) * transferFromRub(rub)
}

/** The short judgement of a print shown with it. */
export type PrintVerdict = 'crisp' | 'faint' | 'blotchy' | 'smudged'

/** Measures of how a print came out, all 0–1. */
export interface PrintQuality {
  /** Share of the raised surface that was inked (ink ≥ 0.5). */
  readonly inkCoverage: number
  /** Share of the raised surface whose paper was rubbed enough to take most of the ink. */
  readonly rubCoverage: number
  /** Mean density printed where the block is raised. */
  readonly clarity: number
  /** Spread of that density relative to its mean (0 = perfectly even). */
  readonly unevenness: number
  /** Share of the blank (carved-away) area the sheet picked ink up on. */
  readonly smudge: number
  /** Share of the raised surface holding more ink than it can (above {@link excessInkLevel}). */
  readonly overInked: number
  readonly verdict: PrintVerdict
}

/** A finished sheet and how it came out. */
export interface PrintResult {
  /** Ink density 0–1 as the sheet is read, printed face up (the mirror of the block). */
  readonly sheet: Bitmap
  readonly quality: PrintQuality
}

/** What a print is computed from: three bitmaps of the same size, in block space. */
export interface PrintInputs {
  /** Carved relief: 1 where wood stands, 0 where it was cut away. */
  readonly relief: Bitmap
  /** Ink on the block (0–2: above 1 is over-inked). */
  readonly ink: Bitmap
  /** Rubbing the back of the paper received (pressure × passes). */
  readonly rub: Bitmap
  /**
   * The 版框's rules in block space (1 on a rule), when the block has one (see pageFrame.ts).
   * The frame is part of the block: the inking pass that covers the face covers it too, and the
   * rub that presses the sheet presses its edges, so it takes the ink and rub the visitor gave
   * the writing ({@link frameInkAndRub}) even where their brush and pad never reached it.
   */
  readonly frame?: Bitmap
}

/**
 * What the frame's rules hold when the block is printed: the mean ink and rub over the rest of
 * the raised face (the writing), each capped at a well-inked, well-rubbed level, or what the
 * visitor put on the rule itself when that is more. A well-inked, well-rubbed block prints its
 * frame whole and black; a light rub prints it grey; an uninked block leaves it blank.
 */
export function frameInkAndRub(
  relief: Bitmap,
  ink: Bitmap,
  rub: Bitmap,
  frame: Bitmap,
): { readonly ink: number; readonly rub: number } {
  let cells = 0
  let inkSum = 0
  let rubSum = 0
  for (let i = 0; i < relief.data.length; i++) {
    if (relief.data[i]! < 0.5 || frame.data[i]! >= 0.5) continue
    cells++
    inkSum += ink.data[i]!
    rubSum += rub.data[i]!
  }
  if (cells === 0) return { ink: 0, rub: 0 }
  return { ink: Math.min(1, inkSum / cells), rub: Math.min(1, rubSum / cells) }
}

/** Pulls the print: the sheet as read and a verdict, from what the visitor actually did. */
export function computePrint({
  relief,
  ink: inkGiven,
  rub: rubGiven,
  frame,
}: PrintInputs): PrintResult {
  const { width, height } = relief
  for (const [name, bitmap] of [
    ['ink', inkGiven],
    ['rub', rubGiven],
    ['frame', frame],
  ] as const) {
    if (bitmap && (bitmap.width !== width || bitmap.height !== height)) {
      throw new RangeError(
        `The ${name} bitmap is ${bitmap.width}×${bitmap.height}; the relief is ${width}×${height}`,
      )
    }
  }
  const { ink, rub } = frame
    ? withFrameInkedAndRubbed(relief, inkGiven, rubGiven, frame)
    : { ink: inkGiven, rub: rubGiven }
  const cellCount = width * height
  const transfer = new Float32Array(cellCount)
  const excess = new Float32Array(cellCount)
  for (let i = 0; i < cellCount; i++) {
    transfer[i] = transferFromRub(rub.data[i]!)
    // Only wood standing at the face touches the paper: ink brushed onto the carved-away ground
    // lies below it and never prints, so excess spreads from the relief's edges, not in bands
    // along the brush's path over the ground.
    excess[i] = Math.max(0, ink.data[i]! - excessInkLevel) * transfer[i]! * relief.data[i]!
  }
  const spread = boxBlur(excess, width, height, smudgeRadiusCells)

  const blockSpace = createBitmap(width, height)
  let reliefCells = 0
  let inked = 0
  let rubbed = 0
  let densitySum = 0
  let densitySquares = 0
  let blankCells = 0
  let smudgedBlank = 0
  let overInked = 0
  for (let i = 0; i < cellCount; i++) {
    const reliefValue = relief.data[i]!
    const density = Math.min(
      1,
      reliefValue * inkTone(ink.data[i]!) * transfer[i]! +
        // Squeezed out from the strokes, the excess lands beside them, in the cut.
        spread[i]! * smudgeStrength * (1 - reliefValue),
    )
    blockSpace.data[i] = density
    if (reliefValue >= 0.5) {
      reliefCells++
      if (ink.data[i]! >= 0.5) inked++
      if (ink.data[i]! > excessInkLevel) overInked++
      if (transfer[i]! >= 0.6) rubbed++
      densitySum += density
      densitySquares += density * density
    } else {
      blankCells++
      if (density >= printedDensity) smudgedBlank++
    }
  }
  const clarity = reliefCells === 0 ? 0 : densitySum / reliefCells
  const variance =
    reliefCells === 0 ? 0 : Math.max(0, densitySquares / reliefCells - clarity * clarity)
  const unevenness = clarity === 0 ? 1 : Math.min(1, Math.sqrt(variance) / clarity)
  const smudge = blankCells === 0 ? 0 : smudgedBlank / blankCells
  const quality = {
    inkCoverage: reliefCells === 0 ? 0 : inked / reliefCells,
    rubCoverage: reliefCells === 0 ? 0 : rubbed / reliefCells,
    clarity,
    unevenness,
    smudge,
    overInked: reliefCells === 0 ? 0 : overInked / reliefCells,
  }
  return {
    sheet: mirrorHorizontally(blockSpace),
    quality: { ...quality, verdict: judgePrint(quality) },
  }
}

/** Copies of the ink and rub with the frame's rules raised to {@link frameInkAndRub}'s levels. */
function withFrameInkedAndRubbed(
  relief: Bitmap,
  ink: Bitmap,
  rub: Bitmap,
  frame: Bitmap,
): { ink: Bitmap; rub: Bitmap } {
  const onFrame = frameInkAndRub(relief, ink, rub, frame)
  const inked = createBitmap(ink.width, ink.height)
  const rubbed = createBitmap(rub.width, rub.height)
  for (let i = 0; i < frame.data.length; i++) {
    const isRule = frame.data[i]! >= 0.5
    inked.data[i] = isRule ? Math.max(ink.data[i]!, onFrame.ink) : ink.data[i]!
    rubbed.data[i] = isRule ? Math.max(rub.data[i]!, onFrame.rub) : rub.data[i]!
  }
  return { ink: inked, rub: rubbed }
}

/** The verdict for a print's measures: smudges first, then too little ink, then unevenness. */
export function judgePrint(quality: Omit<PrintQuality, 'verdict'>): PrintVerdict {
  if (quality.smudge > 0.03) return 'smudged'
  if (quality.clarity < 0.4) return 'faint'
  if (quality.unevenness > 0.3) return 'blotchy'
  return 'crisp'
}

/** A separable box blur of radius `r` cells (edges clamp to the field). */
function boxBlur(values: Float32Array, width: number, height: number, r: number): Float32Array {
  const horizontal = new Float32Array(values.length)
  const out = new Float32Array(values.length)
  const span = 2 * r + 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -r; k <= r; k++)
        sum += values[y * width + Math.min(width - 1, Math.max(0, x + k))]!
      horizontal[y * width + x] = sum / span
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let k = -r; k <= r; k++)
        sum += horizontal[Math.min(height - 1, Math.max(0, y + k)) * width + x]!
      out[y * width + x] = sum / span
    }
  }
  return out
}
