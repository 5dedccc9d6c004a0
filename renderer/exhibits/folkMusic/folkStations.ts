/** Listening this long (to a recording or the ensemble) completes the `listen` station. */
export const listenToCompleteSeconds = 10
/** This many pad notes, or stem toggles counted alike, complete the `play-along` station. */
export const actionsToCompletePlayAlong = 8

/**
 * The stage's rules for its stations (what the frame shows as steps): which visitor acts complete
 * which station, each once. Kept apart from the view so they can be read and tested on their own.
 */
export class FolkStations {
  readonly #completed = new Set<string>()
  #listenedSeconds = 0
  #playAlongActions = 0

  constructor(
    private readonly onComplete: (stationId: string) => void,
    private readonly onActive: (stationId: string) => void,
  ) {}

  /** A seat was tapped: meeting an instrument is choosing it; listening comes next. */
  metInstrument(): void {
    this.#complete('choose-instrument')
    this.onActive('listen')
  }

  /** Time heard while something plays. */
  listened(deltaSeconds: number): void {
    this.#listenedSeconds += deltaSeconds
    if (this.#listenedSeconds >= listenToCompleteSeconds) this.#complete('listen')
  }

  /** A recording was heard to its end. */
  heardToEnd(): void {
    this.#complete('listen')
  }

  /** A pad note or a stem toggled. */
  playedAlong(): void {
    if (this.#playAlongActions === 0) this.onActive('play-along')
    this.#playAlongActions += 1
    if (this.#playAlongActions >= actionsToCompletePlayAlong) this.#complete('play-along')
  }

  #complete(stationId: string): void {
    if (this.#completed.has(stationId)) return
    this.#completed.add(stationId)
    this.onComplete(stationId)
  }
}
