import type { LocalizedText } from '../../i18n/localizedText'
import type {
  ContestOutcome,
  FoamFineness,
  FoamWhiteness,
  TeaFault,
  TeaVerdict,
} from './teaVerdict'
import type { TeaStationId } from './teaStations'

// Short lines, each in both languages: the card shows them one above the other at every screen
// size (1280×800 and portrait too), at 24 px or more, with no word behind a scroll.
// From 大观茶论·点/色 and 茶录 (the tea table in docs/visitor-journey.md).
/**
 * The foam's face in one line: its whiteness (大观茶论·色: whisking brings the colour out) and
 * its fineness (fine as milk, or coarse bubbles), the two things an eye sees first.
 */
const surfaceText: Record<FoamWhiteness, Record<FoamFineness, LocalizedText>> = {
  'bright-white': {
    fine: { 'zh-CN': '面色鲜白，沫细如乳。', en: 'Bright white, and fine as milk.' },
    coarse: {
      'zh-CN': '面色鲜白，但沫尚粗，泡大易破。',
      en: 'Bright white, but coarse: big bubbles soon burst.',
    },
  },
  whitening: {
    fine: {
      'zh-CN': '沫细如乳，但茶色未尽，击拂宜匀。',
      en: 'Fine, not yet fully white: whisk more evenly.',
    },
    coarse: {
      'zh-CN': '沫渐白而尚粗，击拂宜匀。',
      en: 'Whitening but coarse: whisk more evenly.',
    },
  },
  'tea-showing': {
    fine: { 'zh-CN': '沫细，但未铺满，茶汤外露。', en: 'Fine, but the tea still shows through.' },
    coarse: {
      'zh-CN': '沫粗，且未铺满，茶汤外露。',
      en: 'Coarse, and the tea still shows through.',
    },
  },
}

const biteText: Record<'holds' | 'slips', LocalizedText> = {
  holds: {
    'zh-CN': '乳沫周回凝而不动，是为“咬盏”。',
    en: 'Set still all round the rim: it "bites the bowl".',
  },
  slips: {
    'zh-CN': '乳沫未能周回凝住盏沿。',
    en: 'Not yet set all round the rim.',
  },
}

/**
 * The contest's outcome in words. A Song contest (斗茶) asked whose water line showed first, not
 * how many seconds it held: the model's seconds rank the bowls, the visitor reads early or late.
 */
const outcomeText: Record<ContestOutcome, LocalizedText> = {
  wins: {
    'zh-CN': '水痕久久不现，斗茶可胜。',
    en: 'Its water line is slow: a winner.',
  },
  even: {
    'zh-CN': '水痕不早不晚，堪与人较。',
    en: 'Its water line, neither early nor late: a fair match.',
  },
  loses: {
    'zh-CN': '水痕很快便现，斗茶先现者负。',
    en: 'Its water line shows soon; in a contest the first loses.',
  },
}

const tipText: Record<TeaFault, LocalizedText> = {
  'pour-and-whisk-at-once': {
    'zh-CN': '此为“一发点”：边注边击，沫起无根。先注汤，再击拂。',
    en: 'The "all-at-once pour": foam without a root. Pour, then whisk.',
  },
  'still-surface': {
    'zh-CN': '此为“静面点”：手重筅轻。少注汤，击拂要有力。',
    en: 'A "still-surface pour": pour less, whisk harder.',
  },
  'cold-bowl': {
    'zh-CN': '盏冷则茶不浮：下次先熁盏。',
    en: 'In a cold bowl the tea will not float: warm it first.',
  },
  'first-pour-on-tea': {
    'zh-CN': '第一汤宜环注盏畔，勿冲茶膏。',
    en: 'Ring the first pour round the edge, not onto the paste.',
  },
  'too-much-water': {
    'zh-CN': '量茶受汤：约至盏之四分即止，多则茶薄。',
    en: 'Fit the water to the tea (量茶受汤): stop at four-tenths.',
  },
}

const headline = (score: number): LocalizedText =>
  score >= 80
    ? { 'zh-CN': '好一盏点茶！', en: 'A fine bowl of whisked tea!' }
    : score >= 55
      ? { 'zh-CN': '点得不错。', en: 'Nicely whisked.' }
      : { 'zh-CN': '点茶需练，再点一盏吧。', en: 'Whisking takes practice: try another.' }

/** The verdict as short, kind lines, each in every language. */
export function verdictLines(verdict: TeaVerdict): LocalizedText[] {
  const lines = [
    headline(verdict.score),
    surfaceText[verdict.whiteness][verdict.fineness],
    biteText[verdict.isBitingBowl ? 'holds' : 'slips'],
    outcomeText[verdict.outcome],
  ]
  const fault = verdict.faults[0]
  if (fault) lines.push(tipText[fault])
  return lines
}

/** The station whose knowledge card explains each fault (the pack names the card per station). */
const faultStation: Record<TeaFault, TeaStationId> = {
  'pour-and-whisk-at-once': 'pour-1',
  'still-surface': 'pour-2',
  'cold-bowl': 'warm-bowl',
  'first-pour-on-tea': 'pour-1',
  'too-much-water': 'pour-3',
}

/**
 * The station whose card the verdict offers to open: the one that explains its first fault, or,
 * for a faultless bowl, the last pour's (咬盏 and how contests were judged).
 */
export function verdictCardStation(verdict: TeaVerdict): TeaStationId {
  const fault = verdict.faults[0]
  return fault ? faultStation[fault] : 'pour-7'
}
