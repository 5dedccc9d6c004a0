import { FoamModel, type WhiskInput } from './foamModel'
import { judgeTea, type TeaVerdict } from './teaVerdict'
import { pourCount, pourStationId, type TeaStationId } from './teaStations'
import { prescriptionOf } from './pourPrescription'
import { ewerWaterOver } from './ewerFlow'

/** What a session tells its owner (the scene, and through it the exhibit component). */
export interface TeaSessionListener {
  stationActive(stationId: TeaStationId): void
  stationComplete(stationId: TeaStationId): void
  verdict(verdict: TeaVerdict): void
}

/** Within a pour station: first the pour, then the whisking that follows it. */
export type PourPhase = 'pour' | 'whisk'

/** Paste is smooth enough to pour on (调如融胶). */
export const pasteReadyEvenness = 0.85
/** Whisking that finishes a pour: this many bowl radii of stroke, or this many seconds. */
export const whiskPathPerPourRadii = 12
export const whiskSecondsPerPour = 6
/** A drawing long enough to count as a picture on the foam (茶百戏), in bowl radii. */
export const drawingPathRadii = 1.5
/** Less water than this in a gesture on the ewer is a tap, not a pour. */
const minimumPourFraction = 0.005

/**
 * One visitor's bowl from warming to drawing: which station is active, what gesture each one
 * accepts, and when it is complete. Gestures that do not belong to the active station are
 * ignored (and return false), so a stray touch cannot skip a step.
 */
export class TeaSession {
  readonly foam = new FoamModel()
  #station: TeaStationId | 'finished' | 'idle' = 'idle'
  #pourPhase: PourPhase = 'pour'
  #pourNumber = 0
  #whiskPathRadii = 0
  #whiskSeconds = 0
  #drawnPathRadii = 0
  #verdict: TeaVerdict | undefined

  constructor(private readonly listener: TeaSessionListener) {}

  get station(): TeaStationId | 'finished' | 'idle' {
    return this.#station
  }

  get pourPhase(): PourPhase {
    return this.#pourPhase
  }

  get verdict(): TeaVerdict | undefined {
    return this.#verdict
  }

  /**
   * The current pour's water as a share of what that pour wants (1 = enough; past the heavy-pour
   * ratio the hand was heavy), or undefined outside the pour stations. The exhibit shows it as a
   * gauge: a visitor cannot judge a fraction of a bowl by eye on glass.
   */
  get pourFillRatio(): number | undefined {
    if (!this.isPourStation) return undefined
    const wanted = prescriptionOf(this.#pourNumber).volumeFraction
    return this.foam.pouredVolumeFraction(this.#pourNumber) / wanted
  }

  /** Whether a gesture on the ewer would pour now. */
  get isPourStation(): boolean {
    return this.#pourNumber > 0 && this.#station === pourStationId(this.#pourNumber)
  }

  start(): void {
    if (this.#station !== 'idle') return
    this.#activate('warm-bowl')
  }

  /** Tapping the bowl at 熁盏 rinses it with boiling water. */
  tapBowl(): boolean {
    if (this.#station !== 'warm-bowl') return false
    this.foam.warmBowl()
    this.#complete('warm-bowl')
    this.#activate('add-powder')
    return true
  }

  /**
   * Tapping the tea caddy spoons the powder in. At 熁盏 this skips the warming: the visitor
   * may, and the cold bowl then shows in the foam and the verdict.
   */
  tapPowder(): boolean {
    if (this.#station !== 'add-powder' && this.#station !== 'warm-bowl') return false
    this.foam.addPowder()
    this.#complete('add-powder')
    this.foam.addPasteWater()
    this.#activate('make-paste')
    return true
  }

  /** A finger came down on the ewer: a pour begins (or tops up the current one). */
  beginPour(): boolean {
    if (!this.isPourStation || this.foam.isPouring) return false
    this.foam.startPour(this.#pourNumber)
    return true
  }

  pourWater(volumeFraction: number, radiusFraction: number, angleRadians: number): void {
    if (!this.foam.isPouring) return
    this.foam.pourWater(volumeFraction, radiusFraction, angleRadians)
  }

  /**
   * The ewer held over the bowl for `seconds`: the water its stream gives in that time, full until
   * the pour has what it wants and a trickle after (ewerFlow.ts), landing at `radiusFraction` of
   * the liquid's radius and `angleRadians`.
   */
  pourFor(seconds: number, radiusFraction: number, angleRadians: number): void {
    if (!this.foam.isPouring) return
    const wanted = prescriptionOf(this.#pourNumber).volumeFraction
    const poured = this.foam.pouredVolumeFraction(this.#pourNumber)
    // Even no water marks where the stream now lands (the first pour's ring follows it).
    this.foam.pourWater(ewerWaterOver(seconds, poured, wanted), radiusFraction, angleRadians)
  }

  /** The finger left the ewer. */
  endPour(): void {
    if (!this.foam.isPouring) return
    const record = this.foam.endPour()
    if (this.#pourPhase === 'pour' && record.volumeFraction >= minimumPourFraction) {
      this.#pourPhase = 'whisk'
      this.#whiskPathRadii = 0
      this.#whiskSeconds = 0
    }
  }

  /** Whisking in the bowl (stirring, at 调膏). */
  whisk(input: WhiskInput): void {
    if (this.#station === 'idle' || this.#station === 'finished' || this.#station === 'draw') return
    this.foam.whisk(input)
    if (this.#station === 'make-paste') {
      if (this.foam.state.pasteEvenness >= pasteReadyEvenness) {
        this.#complete('make-paste')
        this.#startPourStation(1)
      }
      return
    }
    if (!this.isPourStation || this.#pourPhase !== 'whisk') return
    this.#whiskPathRadii +=
      Math.max(0, input.speedRadiiPerSecond) * Math.max(0, input.durationSeconds)
    this.#whiskSeconds += Math.max(0, input.durationSeconds)
    const isWhiskedEnough =
      this.#whiskPathRadii >= whiskPathPerPourRadii || this.#whiskSeconds >= whiskSecondsPerPour
    if (!isWhiskedEnough || this.foam.isPouring) return
    const finished = pourStationId(this.#pourNumber)
    this.#complete(finished)
    if (this.#pourNumber < pourCount) {
      this.#startPourStation(this.#pourNumber + 1)
    } else {
      this.#verdict = judgeTea(this.foam)
      this.listener.verdict(this.#verdict)
      this.#activate('draw')
    }
  }

  /** A drawing stroke on the foam (茶百戏) of `pathRadii` bowl radii. */
  draw(pathRadii: number): boolean {
    if (this.#station !== 'draw') return false
    this.#drawnPathRadii += Math.max(0, pathRadii)
    return true
  }

  /** The finger left the foam after drawing. */
  endDrawing(): void {
    if (this.#station !== 'draw' || this.#drawnPathRadii < drawingPathRadii) return
    this.#complete('draw')
    this.#station = 'finished'
  }

  /** Time passes (the bowl cools, loose foam sinks back). */
  advance(seconds: number): void {
    if (this.#station === 'idle') return
    this.foam.advance(seconds)
  }

  #startPourStation(pourNumber: number): void {
    this.#pourNumber = pourNumber
    this.#pourPhase = 'pour'
    this.#activate(pourStationId(pourNumber))
  }

  #activate(stationId: TeaStationId): void {
    this.#station = stationId
    this.listener.stationActive(stationId)
  }

  #complete(stationId: TeaStationId): void {
    this.listener.stationComplete(stationId)
  }
}
