import type { LocalizedText } from '../../i18n/localizedText'
import type {
  ContestOutcome,
  FoamFineness,
  FoamWhiteness,
  TeaFault,
  TeaVerdict,
} from './teaVerdict'
import type { TeaStationId } from './teaStations'

const whitenessText: Record<FoamWhiteness, LocalizedText> = {
  'bright-white': {
    'zh-CN': '面色鲜白：击拂已尽出茶色。',
    en: 'A bright white surface: the whisking has brought the colour fully out.',
  },
  whitening: {
    'zh-CN': '沫已转白，但茶色未尽；击拂越匀，越见其白。',
    en: 'The foam is whitening but not yet fully; steadier whisking brings out more white.',
  },
  'tea-showing': {
    'zh-CN': '沫未铺满，茶汤还露在外。',
    en: 'The foam has not covered the bowl; the tea still shows through.',
  },
}

const finenessText: Record<FoamFineness, LocalizedText> = {
  fine: {
    'zh-CN': '沫细如乳，不见粗泡。',
    en: 'The foam is fine as milk, with no coarse bubbles.',
  },
  coarse: {
    'zh-CN': '沫尚粗，泡大易破。',
    en: 'The foam is still coarse: large bubbles that soon burst.',
  },
}

const biteText: Record<'holds' | 'slips', LocalizedText> = {
  holds: {
    'zh-CN': '乳沫周回凝而不动，是为“咬盏”。',
    en: 'The foam is set all round the rim and still: it "bites the bowl" (咬盏).',
  },
  slips: {
    'zh-CN': '乳沫还未周回凝住盏沿。',
    en: 'The foam is not yet set all round the rim.',
  },
}

/**
 * The contest's outcome in words. A Song contest (斗茶) asked whose water line showed first, not
 * how many seconds it held: the model's seconds rank the bowls, the visitor reads early or late.
 */
const outcomeText: Record<ContestOutcome, LocalizedText> = {
  wins: {
    'zh-CN': '水痕久久不现，斗茶可胜。',
    en: 'The water line would be slow to show: this bowl could win a contest.',
  },
  even: {
    'zh-CN': '水痕来得不早不晚，可与人一较高下。',
    en: 'The water line would show neither early nor late: a fair match for a rival.',
  },
  loses: {
    'zh-CN': '水痕很快便现。斗茶以水痕先现者为负。',
    en: 'The water line would show soon. In a contest, the first water line loses.',
  },
}

const tipText: Record<TeaFault, LocalizedText> = {
  'pour-and-whisk-at-once': {
    'zh-CN': '此为“一发点”：边注边击，沫起而无根。下次先注汤，再击拂。',
    en: 'This was the "all-at-once pour": foam without a root. Pour first, then whisk.',
  },
  'still-surface': {
    'zh-CN': '此为“静面点”：手重筅轻，茶不立。少注汤，击拂要有力。',
    en: 'This was the "still-surface pour": heavy hand, light whisk. Pour less, whisk harder.',
  },
  'cold-bowl': {
    'zh-CN': '盏冷则茶不浮。下次先熁盏。',
    en: 'In a cold bowl the tea will not float. Warm the bowl first next time.',
  },
  'first-pour-on-tea': {
    'zh-CN': '第一汤宜环注盏畔，勿冲茶膏。',
    en: 'Ring the first pour round the bowl\u2019s edge, not onto the paste.',
  },
  'too-much-water': {
    'zh-CN': '量茶受汤：汤随茶量，约至盏之四分即止，过多则茶薄。',
    en: 'Fit the water to the tea (量茶受汤): stop at about four-tenths of the bowl; more makes the tea thin.',
  },
}

const headline = (score: number): LocalizedText =>
  score >= 80
    ? { 'zh-CN': '好一盏点茶！', en: 'A fine bowl of whisked tea!' }
    : score >= 55
      ? { 'zh-CN': '点得不错。', en: 'Nicely whisked.' }
      : { 'zh-CN': '点茶需练，再点一盏吧。', en: 'Whisking tea takes practice. Try another bowl.' }

/** The verdict as short, kind lines, each in every language. */
export function verdictLines(verdict: TeaVerdict): LocalizedText[] {
  const lines = [
    headline(verdict.score),
    whitenessText[verdict.whiteness],
    finenessText[verdict.fineness],
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
