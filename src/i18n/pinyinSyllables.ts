/**
 * One reading per character: a glossary gives a term's pinyin as a word (diāobǎn, Bì Shēng), and
 * the reading aid sets each syllable over its own character, so a tone mark can never stand over
 * the wrong one. Readings are normalised to NFC first, so a mark typed as a combining character
 * (a + U+0304) is the one precomposed letter (ā) the pinyin face draws with its mark in place.
 */

/** A character of a term and the syllable read over it. */
export interface CharacterReading {
  readonly character: string
  readonly reading: string
}

// A Hanyu Pinyin syllable without its tone: an initial and a final (ü written ü, v or u), or a
// final alone when it starts with a, o or e (a syllable starting i, u or ü is written y…, w…).
const finals =
  'iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|üe|ve|ui|un|uo|a|e|i|o|u|ü|v'
const syllableWithInitial = new RegExp(`^(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])(?:${finals})$`)
// Pinyin writes an apostrophe before an a-, o- or e- syllable inside a word (Xī’ān), so a final
// alone only ever starts a written word.
const syllableAlone = /^(?:ang|eng|ai|ao|an|ei|en|er|ou|a|o|e)$/
const toneMarks = /[\u0300\u0301\u0304\u030c]/g

/** The syllable's letters without tone marks, one letter per letter (ǚ → ü, ā → a). */
function toneless(text: string): string {
  return [...text]
    .map((letter) => letter.normalize('NFD').replace(toneMarks, '').normalize('NFC'))
    .join('')
    .toLowerCase()
}

/** Splits one written word (no spaces) into exactly `count` syllables, or undefined. */
function splitWord(word: string, count: number, isWordStart = true): string[] | undefined {
  if (count === 0) return word.length === 0 ? [] : undefined
  const plain = toneless(word)
  // Longest syllable first, so "xian" is one syllable where the count allows it.
  for (let length = Math.min(6, word.length); length >= 1; length--) {
    const syllable = plain.slice(0, length)
    const isSyllable =
      syllableWithInitial.test(syllable) || (isWordStart && syllableAlone.test(syllable))
    if (!isSyllable) continue
    const rest = splitWord(word.slice(length), count - 1, false)
    if (rest) return [word.slice(0, length), ...rest]
  }
  return undefined
}

/**
 * Pairs each character of `term` with its syllable of `reading` (NFC), or returns undefined when
 * the reading does not split into one syllable per character (a loanword, a typo): the caller
 * then sets the whole reading over the whole term. Spaces and apostrophes in the reading are
 * syllable breaks the split keeps.
 */
export function readingPerCharacter(term: string, reading: string): CharacterReading[] | undefined {
  const characters = [...term]
  const words = reading
    .normalize('NFC')
    .split(/[\s'’-]+/)
    .filter((word) => word.length > 0)
  const syllables = splitWords(words, characters.length)
  if (!syllables) return undefined
  return characters.map((character, index) => ({ character, reading: syllables[index]! }))
}

/** Splits the words into `count` syllables in all, each word into at least one. */
function splitWords(words: readonly string[], count: number): string[] | undefined {
  if (words.length === 0) return count === 0 ? [] : undefined
  const [first, ...rest] = words
  for (let firstCount = 1; firstCount <= count - rest.length; firstCount++) {
    const head = splitWord(first!, firstCount)
    if (!head) continue
    const tail = splitWords(rest, count - firstCount)
    if (tail) return [...head, ...tail]
  }
  return undefined
}
