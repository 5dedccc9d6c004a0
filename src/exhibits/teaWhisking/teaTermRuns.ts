/**
 * A stretch of a tea text: a term that must stay on one line (咬盏 split as 咬 / 盏 reads as two
 * words, not the contest's term), or the plain words around it, which may break anywhere.
 */
export interface TeaTextRun {
  readonly text: string
  readonly isTerm: boolean
}

/**
 * The tea exhibit's terms of art (大观茶论, 茶录; docs/visitor-journey.md, the tea table), longest
 * first so a longer term wins over one inside it.
 */
const teaTerms: readonly string[] = [
  '量茶受汤',
  '茶百戏',
  '一发点',
  '静面点',
  '咬盏',
  '水痕',
  '熁盏',
  '击拂',
  '斗茶',
  '茶膏',
  'bites the bowl',
  'water line',
]

/** A quoted phrase, with its quotation marks (Chinese or English), is kept whole as a term too. */
const quoted = /“[^”]{1,12}”|"[^"]{1,24}"/u

/**
 * Splits `text` into runs, marking each quoted phrase and each tea term as a term, so the screen
 * can keep them whole on a line. Joining the runs' text gives `text` back unchanged.
 */
export function teaTermRuns(text: string): TeaTextRun[] {
  const runs: TeaTextRun[] = []
  let rest = text
  while (rest.length > 0) {
    const match = firstTerm(rest)
    if (!match) {
      runs.push({ text: rest, isTerm: false })
      break
    }
    if (match.index > 0) runs.push({ text: rest.slice(0, match.index), isTerm: false })
    runs.push({ text: match.term, isTerm: true })
    rest = rest.slice(match.index + match.term.length)
  }
  return runs
}

/** The earliest term in `text` (a quoted phrase or a listed term; the longer at a tie). */
function firstTerm(text: string): { index: number; term: string } | undefined {
  let best: { index: number; term: string } | undefined
  const consider = (index: number, term: string) => {
    if (index < 0) return
    if (!best || index < best.index || (index === best.index && term.length > best.term.length))
      best = { index, term }
  }
  const quote = quoted.exec(text)
  if (quote) consider(quote.index, quote[0])
  for (const term of teaTerms) consider(text.indexOf(term), term)
  return best
}
