import { mirrorHorizontally, type Bitmap, type CellRect } from './bitmap'
import { CarvingField, type CarvingNick, type CarvingTool } from './carvingField'
import { CoverageField, type BlockPoint, type StrokeSegment } from './coverageField'
import { pageFrameBitmap } from './pageFrame'
import { computePrint, type PrintResult } from './printImpression'
import {
  describePrintSteps,
  headlineFor,
  type PrintHeadline,
  type PrintStepNotes,
  type SampleWriter,
} from './printSteps'

/** The stations of the exhibit, in order, by their manifest ids. */
export const printingStationIds = [
  'write-sample',
  'transfer',
  'carve',
  'ink',
  'lay-paper',
  'rub',
  'lift',
] as const
export type PrintingStationId = (typeof printingStationIds)[number]
/** Where a session is: at a station, or finished with a print. */
export type PrintingPhase = PrintingStationId | 'printed'

/** Stations done by folding a sheet over the block's edge, and which way the finger drags. */
export const foldDirections = { transfer: 'left', 'lay-paper': 'right', lift: 'left' } as const
export type FoldStationId = keyof typeof foldDirections

/** Whether the station is done by a fold drag. */
export function isFoldStation(id: PrintingPhase): id is FoldStationId {
  return id in foldDirections
}

/**
 * How far (0–1) a drag of `deltaXPx` folds a sheet that must travel `spanPx` to lie flat the
 * other way. Dragging against the direction folds nothing.
 */
export function foldProgressFromDrag(
  deltaXPx: number,
  direction: 'left' | 'right',
  spanPx: number,
): number {
  if (spanPx <= 0) return 0
  const along = direction === 'left' ? -deltaXPx : deltaXPx
  return Math.max(0, Math.min(1, along / spanPx))
}

/** The finished print with what each step gave it. */
export interface SessionPrint extends PrintResult {
  readonly steps: PrintStepNotes
  /** Where cuts went through strokes, in block cells (the print shows them mirrored). */
  readonly nicks: readonly CarvingNick[]
  /** What the print is called above its step lines: the worst of them (see {@link headlineFor}). */
  readonly headline: PrintHeadline
}

/** Callbacks the session makes as the visitor moves through it. */
export interface PrintingSessionListener {
  stationActive?(id: PrintingStationId): void
  stationComplete?(id: PrintingStationId): void
  printed?(result: SessionPrint): void
}

/** The brush sizes and amounts; defaults suit a block a visitor inks in a few passes. */
export interface PrintingSessionTuning {
  /** Ink brush radius as a fraction of the block width. */
  readonly inkBrushRadius: number
  /** Ink a single pass leaves at the brush centre (1 = well inked, 2 = the most a spot holds). */
  readonly inkPerPass: number
  readonly rubBrushRadius: number
  /** Rubbing a pass at full pressure gives (transfer saturates around 1). */
  readonly rubPerPass: number
  /** Share of the raised surface inked (or rubbed) before the visitor may move on. */
  readonly minCoverageToMoveOn: number
  /** A fold released beyond this completes; short of it the sheet falls back. */
  readonly foldCompletesAt: number
  /** Share of the ground the visitor clears before the master may finish the rest. */
  readonly masterFinishesAt: number
  /** The fingers' (or pad's) reach on the face-down sample's back at 上版, a fraction of the width. */
  readonly transferRubRadius: number
  /** Rubbing a pass on the sample's back gives at the centre (a cell is rubbed through at 0.3). */
  readonly transferRubPerPass: number
  /** Share of the writing rubbed through before the rest of the sample comes away with a lift. */
  readonly transferCompletesAt: number
}

export const defaultTuning: PrintingSessionTuning = {
  inkBrushRadius: 0.08,
  inkPerPass: 0.6,
  rubBrushRadius: 0.1,
  rubPerPass: 0.35,
  minCoverageToMoveOn: 0.3,
  foldCompletesAt: 0.6,
  masterFinishesAt: 0.6,
  transferRubRadius: 0.09,
  transferRubPerPass: 0.6,
  transferCompletesAt: 0.8,
}

/** Rubbing at which a cell of the face-down sample counts as rubbed through (its ink is on the wood). */
export const sampleRubbedThroughAt = 0.3

/**
 * One visitor's pass through the workshop: which station is active, what the gestures have done
 * to the block and the paper, and the print that results. Pure state: the scene feeds it touch
 * gestures in block coordinates and draws what it holds.
 */
export class PrintingSession {
  readonly ink: CoverageField
  readonly rub: CoverageField
  /** How much each cell of the face-down sample's back has been rubbed at 上版 (0–1). */
  readonly transferRub: CoverageField
  readonly tuning: PrintingSessionTuning
  #phase: PrintingPhase = 'write-sample'
  #foldProgress = 0
  /** The sample has been turned face down on the block (上版's first motion is done). */
  #isSampleDown = false
  #print: SessionPrint | undefined
  #isStarted = false
  /** The last brush segment, so the next one in the same drag does not ink their joint twice. */
  #previousSegment: StrokeSegment | undefined
  #sample: Bitmap
  #sampleWriter: SampleWriter = 'scribe'
  #carving: CarvingField
  /** The row the master carver has cleared down to, once the visitor handed the block over. */
  #masterRow: number | undefined

  /**
   * `sample` is the written sample as read (1 = ink), the size of the model's grid; the visitor
   * may replace it with their own writing ({@link setSample}) until the sample is transferred.
   */
  constructor(
    sample: Bitmap,
    private readonly listener: PrintingSessionListener = {},
    tuning: Partial<PrintingSessionTuning> = {},
  ) {
    this.tuning = { ...defaultTuning, ...tuning }
    this.#sample = sample
    this.#carving = new CarvingField(mirrorHorizontally(sample))
    this.ink = new CoverageField(sample.width, sample.height, 2)
    this.rub = new CoverageField(sample.width, sample.height, 3)
    this.transferRub = new CoverageField(sample.width, sample.height, 1)
  }

  /** The sample as written and read (not mirrored). */
  get sample(): Bitmap {
    return this.#sample
  }

  /** The block being carved: its transferred writing is the sample's mirror image. */
  get carving(): CarvingField {
    return this.#carving
  }

  /** The strokes to ink: the transferred writing, which stands when the ground is cut away. */
  get relief(): Bitmap {
    return this.#carving.strokes
  }

  /** Replaces the sample with what the visitor (or the scribe) wrote (only while writing). */
  setSample(sample: Bitmap, writer: SampleWriter = 'visitor'): void {
    if (this.#phase !== 'write-sample') return
    if (sample.width !== this.#sample.width || sample.height !== this.#sample.height) {
      throw new RangeError(
        `The written sample is ${sample.width}×${sample.height}; the block's grid is ${this.#sample.width}×${this.#sample.height}`,
      )
    }
    this.#sample = sample
    this.#sampleWriter = writer
    this.#carving = new CarvingField(mirrorHorizontally(sample))
  }

  /** Whether the sample lies face down on the block, waiting to be rubbed off (at 上版). */
  get isSampleDown(): boolean {
    return this.#isSampleDown
  }

  /** Share of the transferred writing whose sample paper has been rubbed through (0–1). */
  get transferCoverage(): number {
    return this.transferRub.coveredFraction(this.#carving.strokes, sampleRubbedThroughAt)
  }

  /** Whether the master carver is clearing the rest of the ground (the visitor watches). */
  get isMasterCarving(): boolean {
    return this.#masterRow !== undefined
  }

  get phase(): PrintingPhase {
    return this.#phase
  }

  /** How far the current fold station's sheet is turned, 0–1. */
  get foldProgress(): number {
    return this.#foldProgress
  }

  get print(): SessionPrint | undefined {
    return this.#print
  }

  /** Share of the raised surface with ink on it. */
  get inkCoverage(): number {
    return this.ink.coveredFraction(this.relief, 0.5)
  }

  /** Share of the raised surface whose paper has been rubbed enough to take most ink. */
  get rubCoverage(): number {
    return this.rub.coveredFraction(this.relief, 0.3)
  }

  /** Whether the visitor may finish the current station by choice (ink and rub need some work first). */
  get canMoveOn(): boolean {
    switch (this.#phase) {
      case 'write-sample':
        return this.#carving.strokes.data.some((value) => value > 0)
      case 'carve':
        return (
          this.#masterRow === undefined &&
          this.#carving.clearedFraction >= this.tuning.masterFinishesAt
        )
      case 'ink':
        return this.inkCoverage >= this.tuning.minCoverageToMoveOn
      case 'rub':
        return this.rubCoverage >= this.tuning.minCoverageToMoveOn
      default:
        return false
    }
  }

  /** Announces the first station. Separate from the constructor so building one has no effects. */
  start(): void {
    if (this.#isStarted) return
    this.#isStarted = true
    this.listener.stationActive?.(this.#phase as PrintingStationId)
  }

  /**
   * Finishes the sample, ink or rub station when {@link canMoveOn}; false if it may not yet. At
   * the carve station it hands the block to the master, who finishes it in {@link masterCarve}.
   */
  moveOn(): boolean {
    if (!this.canMoveOn) return false
    if (this.#phase === 'carve') {
      this.#masterRow = 0
      return true
    }
    this.#completeStation()
    return true
  }

  /** A pass of the visitor's knife or chisel over the block (only while carving, before the master). */
  carveStroke(from: BlockPoint, to: BlockPoint, tool: CarvingTool): CellRect | undefined {
    if (this.#phase !== 'carve' || this.#masterRow !== undefined) return undefined
    return this.#carving.cut(from, to, tool)
  }

  /**
   * The master clears the next `rows` rows of ground; when the last row is done the carve
   * station completes. Returns the cells cleared.
   */
  masterCarve(rows: number): CellRect | undefined {
    if (this.#phase !== 'carve' || this.#masterRow === undefined) return undefined
    const from = this.#masterRow
    const to = Math.min(this.#carving.height, from + Math.max(1, Math.ceil(rows)))
    this.#masterRow = to
    const rect = this.#carving.clearGroundRows(from, to)
    if (to >= this.#carving.height) {
      this.#masterRow = undefined
      this.#completeStation()
    }
    return rect
  }

  /** Whether the current station's sheet is turned by a drag now (上版 only until the sample is down). */
  get isFolding(): boolean {
    return isFoldStation(this.#phase) && !(this.#phase === 'transfer' && this.#isSampleDown)
  }

  /** Turns the current fold station's sheet to `progress` (0–1); ignored at other stations. */
  foldTo(progress: number): void {
    if (!this.isFolding) return
    this.#foldProgress = Math.max(0, Math.min(1, progress))
  }

  /**
   * The finger lifted: a fold far enough takes (and returns true), else the sheet falls back. At
   * 上版 the fold only lays the sample face down; the station completes once it is rubbed off
   * ({@link releaseTransferRub}). At the other fold stations the fold completes the station.
   */
  releaseFold(): boolean {
    if (!this.isFolding) return false
    if (this.#foldProgress >= this.tuning.foldCompletesAt) {
      this.#foldProgress = 1
      if (this.#phase === 'transfer') this.#isSampleDown = true
      else this.#completeStation()
      return true
    }
    this.#foldProgress = 0
    return false
  }

  /**
   * A segment of a rub over the face-down sample's back (only at 上版, once the sample is down);
   * `isContinuation` when it follows an earlier segment of the same drag. Returns the cells rubbed.
   */
  transferStroke(from: BlockPoint, to: BlockPoint, isContinuation = false): CellRect | undefined {
    if (this.#phase !== 'transfer' || !this.#isSampleDown) return undefined
    const previous = isContinuation ? this.#previousSegment : undefined
    this.#previousSegment = { from, to }
    const { transferRubRadius, transferRubPerPass } = this.tuning
    return this.transferRub.stroke(from, to, transferRubRadius, transferRubPerPass, previous)
  }

  /**
   * The finger lifted from the sample's back: once most of the writing is rubbed through
   * ({@link PrintingSessionTuning.transferCompletesAt}) the rest of the paper comes away and 上版
   * completes (true); short of that the visitor rubs on.
   */
  releaseTransferRub(): boolean {
    if (this.#phase !== 'transfer' || !this.#isSampleDown) return false
    if (this.transferCoverage < this.tuning.transferCompletesAt) return false
    this.#completeStation()
    return true
  }

  /**
   * A segment of an ink-brush drag over the block (only while inking); `isContinuation` when it
   * follows an earlier segment of the same drag. Returns the cells inked.
   */
  inkStroke(from: BlockPoint, to: BlockPoint, isContinuation = false): CellRect | undefined {
    if (this.#phase !== 'ink') return undefined
    const previous = isContinuation ? this.#previousSegment : undefined
    this.#previousSegment = { from, to }
    return this.ink.stroke(from, to, this.tuning.inkBrushRadius, this.tuning.inkPerPass, previous)
  }

  /** A segment of a palm-brush drag over the paper's back at `pressure` 0–1 (only while rubbing). */
  rubStroke(
    from: BlockPoint,
    to: BlockPoint,
    pressure: number,
    isContinuation = false,
  ): CellRect | undefined {
    if (this.#phase !== 'rub') return undefined
    const amount = this.tuning.rubPerPass * Math.max(0, Math.min(1, pressure))
    const previous = isContinuation ? this.#previousSegment : undefined
    this.#previousSegment = { from, to }
    return this.rub.stroke(from, to, this.tuning.rubBrushRadius, amount, previous)
  }

  #completeStation(): void {
    const finished = this.#phase
    if (finished === 'printed') return
    this.listener.stationComplete?.(finished)
    const next = printingStationIds[printingStationIds.indexOf(finished) + 1]
    // A fold station starts with its sheet where the previous fold left it: flat, unturned.
    this.#foldProgress = 0
    if (next) {
      this.#phase = next
      this.listener.stationActive?.(next)
      return
    }
    this.#phase = 'printed'
    this.#foldProgress = 1
    const print = computePrint({
      relief: this.#carving.relief(),
      ink: this.ink.bitmap,
      rub: this.rub.bitmap,
      // The sample is ruled with the frame; the block carries it mirrored (the same rules).
      frame: mirrorHorizontally(pageFrameBitmap(this.#sample.width, this.#sample.height)),
    })
    const steps = describePrintSteps(print.quality, this.#carving, this.#sampleWriter)
    this.#print = {
      ...print,
      steps,
      nicks: this.#carving.nicks,
      headline: headlineFor(print.quality.verdict, steps),
    }
    this.listener.printed?.(this.#print)
  }
}
