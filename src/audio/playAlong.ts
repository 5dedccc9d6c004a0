/** The five tones 宫商角徵羽 and the mode a piece rests on. */
export type PentatonicMode = 'gong' | 'shang' | 'jue' | 'zhi' | 'yu'

/** One pad of the play-along: a tone of the piece's scale. */
export interface ModePad {
  readonly id: PentatonicMode
  readonly name: string
  readonly pinyin: string
  /** The degree in jianpu: 1 2 3 5 6. */
  readonly jianpu: string
  /** Octaves above the piece's 宫 (jianpu writes a dot over the digit for each). */
  readonly octave: 0 | 1
  /** Frequency ratio to the piece's 宫. */
  readonly ratio: number
}

/** Tuned by fifths (三分损益): 宫 1, 商 9/8, 角 81/64, 徵 3/2, 羽 27/16. */
const tones: readonly Omit<ModePad, 'jianpu' | 'octave'>[] = [
  { id: 'gong', name: '宫', pinyin: 'gōng', ratio: 1 },
  { id: 'shang', name: '商', pinyin: 'shāng', ratio: 9 / 8 },
  { id: 'jue', name: '角', pinyin: 'jué', ratio: 81 / 64 },
  { id: 'zhi', name: '徵', pinyin: 'zhǐ', ratio: 3 / 2 },
  { id: 'yu', name: '羽', pinyin: 'yǔ', ratio: 27 / 16 },
]
const jianpuOf: Record<PentatonicMode, string> = {
  gong: '1',
  shang: '2',
  jue: '3',
  zhi: '5',
  yu: '6',
}

/**
 * The five pads of a piece in `mode`: its scale on its 宫, starting from the mode's own final
 * tone and rising, so the first pad is always "home" (徵 mode: 徵 羽 宫̇ 商̇ 角̇). Any order of them
 * stays in the piece's scale.
 */
export function padsInMode(mode: PentatonicMode): ModePad[] {
  const first = tones.findIndex((tone) => tone.id === mode)
  return tones.map((_, step) => {
    const tone = tones[(first + step) % tones.length]!
    const isOctaveUp = first + step >= tones.length
    return {
      id: tone.id,
      name: tone.name,
      pinyin: tone.pinyin,
      jianpu: jianpuOf[tone.id],
      octave: isOctaveUp ? 1 : 0,
      ratio: tone.ratio * (isOctaveUp ? 2 : 1),
    }
  })
}

/** The pads' frequencies in Hz for a piece whose 宫 is `tonicHz`. */
export function padFrequenciesInMode(tonicHz: number, mode: PentatonicMode): number[] {
  if (!Number.isFinite(tonicHz) || tonicHz <= 0) {
    throw new RangeError(`tonicHz must be a positive frequency, got ${tonicHz}`)
  }
  return padsInMode(mode).map((pad) => tonicHz * pad.ratio)
}

/** The beat grid of the piece playing: where its 0 s is, its tempo and how finely to snap. */
export interface BeatGrid {
  /** Audio-clock time of the piece's 0 s. */
  readonly originSeconds: number
  readonly bpm: number
  /** Grid points per beat (2: eighth notes). */
  readonly subdivision: number
}

/**
 * When a pad touched at `nowSeconds` should sound: on the nearest point of the piece's beat grid.
 * A point just passed (the touch came a little late) sounds now rather than never; so a note is
 * delayed by at most half a grid step, and with no piece playing it sounds at once.
 */
export function quantisedStartSeconds(nowSeconds: number, grid: BeatGrid | undefined): number {
  if (!grid || grid.bpm <= 0 || grid.subdivision <= 0) return nowSeconds
  const stepSeconds = 60 / grid.bpm / grid.subdivision
  const steps = Math.round((nowSeconds - grid.originSeconds) / stepSeconds)
  return Math.max(nowSeconds, grid.originSeconds + steps * stepSeconds)
}
