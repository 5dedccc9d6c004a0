/** One degree of the five-note scale 宫商角徵羽 (do re mi sol la). */
export interface PentatonicDegree {
  readonly id: 'gong' | 'shang' | 'jue' | 'zhi' | 'yu'
  readonly name: string
  readonly pinyin: string
  /** The degree in jianpu (numbered notation): 1 2 3 5 6. */
  readonly jianpu: string
  /** Frequency ratio to 宫. */
  readonly ratio: number
}

/**
 * The five degrees, tuned by fifths as the old "add or take away a third" rule (三分损益) gives:
 * 宫 1, 徵 3/2, 商 9/8, 羽 27/16, 角 81/64. Just fifths sound calm over a drone on 宫 and 徵.
 */
export const pentatonicDegrees: readonly PentatonicDegree[] = [
  { id: 'gong', name: '宫', pinyin: 'gōng', jianpu: '1', ratio: 1 },
  { id: 'shang', name: '商', pinyin: 'shāng', jianpu: '2', ratio: 9 / 8 },
  { id: 'jue', name: '角', pinyin: 'jué', jianpu: '3', ratio: 81 / 64 },
  { id: 'zhi', name: '徵', pinyin: 'zhǐ', jianpu: '5', ratio: 3 / 2 },
  { id: 'yu', name: '羽', pinyin: 'yǔ', jianpu: '6', ratio: 27 / 16 },
]

/** The pads' frequencies in Hz for an instrument whose 宫 is `tonicHz`. */
export function padFrequenciesHz(tonicHz: number): number[] {
  if (!Number.isFinite(tonicHz) || tonicHz <= 0) {
    throw new RangeError(`tonicHz must be a positive frequency, got ${tonicHz}`)
  }
  return pentatonicDegrees.map((degree) => tonicHz * degree.ratio)
}
