import { combinedStemLoudness, playbackGain } from '../../../src/audio/playbackGain'
import { planPhrase } from '../../../src/audio/livePhrase'
import { phraseGainDb } from '../../../src/audio/padNotes'
import {
  padFrequenciesInMode,
  quantisedStartSeconds,
  type BeatGrid,
} from '../../../src/audio/playAlong'
import { DisposableStore, type Disposable } from '../../../src/lifecycle/disposable'
import type {
  EnsemblePiece,
  FileLoudness,
  Instrument,
  Track,
} from '../../../src/pack/manifestSchema'
import type { AudioClipFactory } from '../../audio/audioClip'
import { howlerGraph, keepAudioAwake, resumeAudio, type AudioGraph } from '../../audio/howlerGraph'
import { InstrumentPads } from '../../audio/instrumentPads'
import { SpectrumTap } from '../../audio/spectrumTap'
import { fetchAudioBuffer, StemPlayer } from '../../audio/stemPlayer'
import { TrackPlayer } from '../../audio/trackPlayer'

type InstrumentKind = Instrument['instrument']

/** Where the stage finds a pack file and its measured loudness. */
export interface StageMedia {
  readonly urlOf: (packPath: string) => string
  readonly loudnessOf: (packPath: string) => FileLoudness | undefined
}

/** Pads snap to eighth notes of the piece playing. */
const padSubdivision = 2
/**
 * While a tapped instrument's phrase sounds over the ensemble, the band steps back this far (a
 * soloist stepping forward), so the phrase is heard without the whole being louder than −23 LUFS.
 */
const ensembleDuckDb = -6

/**
 * Every sound of the folk-music stage and its one owner: the solo recordings (TrackPlayer, Howler),
 * the ensemble piece's stems (StemPlayer, Web Audio), the pads and phrases in the instruments'
 * own voices (InstrumentPads), and the analyser the ink listens to. All go through Howler's master
 * gain, where the mode service's volume cap applies. `dispose()` (leaving, idle reset) silences and
 * frees everything.
 */
export class FolkStageAudio implements Disposable {
  readonly tracks: TrackPlayer
  readonly #resources = new DisposableStore()
  readonly #media: StageMedia
  #graph: AudioGraph | undefined
  #stems: StemPlayer | undefined
  #pads: InstrumentPads | undefined
  #spectrum: SpectrumTap | undefined
  #piece: EnsemblePiece | undefined

  constructor(options: {
    readonly createClip: AudioClipFactory
    readonly media: StageMedia
    readonly onTrackStart: (trackId: string) => void
  }) {
    this.#media = options.media
    this.tracks = this.#resources.add(
      new TrackPlayer({ createClip: options.createClip, onTrackStart: options.onTrackStart }),
    )
  }

  /** Builds the Web Audio parts (after mount); false where Web Audio is missing. */
  connect(): boolean {
    const graph = howlerGraph()
    if (!graph) return false
    this.#graph = graph
    this.#resources.add(keepAudioAwake())
    this.#pads = this.#resources.add(new InstrumentPads(graph))
    this.#spectrum = this.#resources.add(new SpectrumTap(graph))
    this.#stems = this.#resources.add(
      new StemPlayer({
        context: graph.context,
        destination: graph.masterGain,
        loadBuffer: (url) => fetchAudioBuffer(graph.context, url),
      }),
    )
    return true
  }

  get stems(): StemPlayer | undefined {
    return this.#stems
  }

  get spectrum(): SpectrumTap | undefined {
    return this.#spectrum
  }

  /** Queues an instrument's performances, each at its loudness gain. */
  queueTracks(tracks: readonly Track[]): void {
    this.tracks.setQueue(
      tracks.map((track) => ({
        id: track.id,
        url: this.#media.urlOf(track.audio),
        gain: playbackGain(this.#media.loudnessOf(track.audio)),
      })),
    )
  }

  /** Loads the ensemble piece's stems, gained together from the mix's loudness. */
  async loadPiece(piece: EnsemblePiece | undefined): Promise<void> {
    this.#piece = piece
    if (!piece || !this.#stems) return
    const mix =
      piece.mixLoudness ??
      combinedStemLoudness(piece.stems.map((stem) => this.#media.loudnessOf(stem.audio)))
    await this.#stems.load(
      piece.id,
      piece.stems.map((stem) => ({
        instrumentId: stem.instrumentId,
        url: this.#media.urlOf(stem.audio),
      })),
      playbackGain(mix),
    )
  }

  /** Starts or pauses the ensemble; a solo recording stops so the two never sound together. */
  toggleEnsemble(): void {
    resumeAudio()
    const stems = this.#stems
    if (!stems) return
    if (stems.state === 'playing') {
      stems.pause()
    } else {
      this.tracks.stopAll()
      stems.play()
    }
  }

  /** Plays a solo recording; the ensemble pauses. */
  playTrack(trackId: string): void {
    resumeAudio()
    if (this.#stems?.state === 'playing') this.#stems.pause()
    this.tracks.play(trackId)
  }

  /** The beat grid of the ensemble while it plays (pads snap to it), else none. */
  beatGrid(): BeatGrid | undefined {
    const stems = this.#stems
    if (!stems || stems.state !== 'playing' || !this.#piece) return undefined
    return {
      originSeconds: stems.startedAtContextSeconds,
      bpm: this.#piece.bpm,
      subdivision: padSubdivision,
    }
  }

  /** Renders the notes a pad set of `instrument` will play, in the piece's mode. */
  preparePads(instrument: InstrumentKind, tonicHz: number, mode: EnsemblePiece['mode']): void {
    this.#pads?.prepare(instrument, padFrequenciesInMode(tonicHz, mode))
  }

  /**
   * Sounds a pad, on the ensemble's beat when it plays. Returns how long after the touch the note
   * starts (the quantisation delay), in seconds.
   */
  playPad(instrument: InstrumentKind, frequencyHz: number): number {
    const graph = this.#graph
    if (!graph || !this.#pads) return 0
    resumeAudio()
    const now = graph.context.currentTime
    const when = quantisedStartSeconds(now, this.beatGrid())
    this.#pads.play(instrument, frequencyHz, when)
    return when - now
  }

  /**
   * The instrument's short phrase in its own voice; returns how long until it has rung out, in
   * seconds. Over the ensemble it joins the piece (its scale, on its beat: src/audio/livePhrase.ts)
   * and the ensemble ducks under it for its length.
   */
  playPhrase(instrument: InstrumentKind, tonicHz: number): number {
    const graph = this.#graph
    const pads = this.#pads
    if (!graph || !pads) return 0
    resumeAudio()
    const grid = this.beatGrid()
    const piece = grid && this.#piece ? { grid, tonicHz: this.#piece.tonicHz } : undefined
    // Notes not yet rendered in idle time are rendered first; the phrase is planned after that,
    // from the audio clock's time then, so its notes still land on the beat.
    pads.renderNow(
      instrument,
      planPhrase(tonicHz, 0, piece).notes.map((note) => note.frequencyHz),
    )
    const now = graph.context.currentTime
    const plan = planPhrase(tonicHz, now, piece)
    const gain = 10 ** (phraseGainDb[instrument] / 20)
    for (const note of plan.notes) pads.play(instrument, note.frequencyHz, note.whenSeconds, gain)
    if (piece) {
      this.#stems?.duck(10 ** (ensembleDuckDb / 20), plan.notes[0]!.whenSeconds, plan.endsAtSeconds)
    }
    return plan.endsAtSeconds - now
  }

  dispose(): void {
    this.#resources.dispose()
  }
}
