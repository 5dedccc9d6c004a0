import type {
  PrintHeadline,
  CarvingNote,
  InkingNote,
  RubbingNote,
  SampleWriter,
} from '../../../src/exhibits/woodblockPrinting/printSteps'
import type { LocalizedText } from '../../../src/i18n/localizedText'

/** The woodblock exhibit's own words, in both chrome languages (pack text brings its own). */
export const woodblockText = {
  /** Beside the cinnabar circle the print screen draws round a nick. */
  nickMark: { 'zh-CN': '刀伤', en: 'nick' },
  /** Beside the ring round the shop's mark on the block, at the carving station. */
  reversalOnBlock: {
    'zh-CN': '牌记「宋韵」在版上是反的',
    en: 'The shop mark is reversed on the wood',
  },
  /** Under the print, beside the ring round the shop's mark on it. */
  reversalOnPrint: {
    'zh-CN': '圈中牌记：版上是反的，印出来正了。',
    en: 'The ringed mark: reversed on the block, right way round here.',
  },
  next: {
    'write-sample': { 'zh-CN': '写好了，上版', en: 'Written — transfer it' },
    carve: { 'zh-CN': '请师傅刻完', en: 'Let the master finish' },
    ink: { 'zh-CN': '墨已刷好', en: 'Done inking' },
    rub: { 'zh-CN': '刷印完毕', en: 'Done rubbing' },
  },
  /**
   * What to do, said in a few words beside the ring round the thing to touch (the frame's header
   * carries each station's full hint).
   */
  callout: {
    'write-sample': { 'zh-CN': '在格纸上用手指写字', en: 'Write here with your finger' },
    transfer: { 'zh-CN': '← 向左拖动样纸，翻到版上', en: '← Drag the sample left onto the block' },
    /** 上版's second motion, once the sample lies face down. */
    'transfer-rub': {
      'zh-CN': '擦样纸背面：纸擦掉，反字留在版上',
      en: 'Rub the sheet’s back away: the writing stays on the wood, reversed',
    },
    carve: { 'zh-CN': '在版上拖动：铲去字外的木头', en: 'Drag on the block to clear the wood' },
    /** 刻版 with the knife in hand (发刀): the callout follows the tool the visitor holds. */
    'carve-knife': {
      'zh-CN': '在版上拖动：沿笔画外缘下刀',
      en: 'Drag on the block to cut round the strokes',
    },
    ink: { 'zh-CN': '在版上来回拖动，刷墨', en: 'Brush ink over the block' },
    'lay-paper': {
      'zh-CN': '向右拖动纸张，盖上木版 →',
      en: 'Drag the paper right onto the block →',
    },
    rub: { 'zh-CN': '用耙子在纸背上来回擦', en: 'Rub the paper’s back with the pad' },
    lift: { 'zh-CN': '← 捏住纸边，向左揭起', en: '← Take the edge and peel it left' },
  },
  verdict: {
    crisp: {
      'zh-CN': '墨色匀净，字口清晰：一张好印本。',
      en: 'Even, crisp ink: a fine impression.',
    },
    faint: { 'zh-CN': '墨色浅淡：多刷墨，或用力刷印。', en: 'Faint: ink more, or rub harder.' },
    blotchy: {
      'zh-CN': '深浅不匀：有的地方墨或刷印不够。',
      en: 'Blotchy: some parts lacked ink or rubbing.',
    },
    smudged: { 'zh-CN': '墨太多，洇成了墨团。', en: 'Too much ink: it spread into smudges.' },
    nicked: {
      'zh-CN': '笔画上有一道刀伤：版上伤一刀，每张印本都带着它。',
      en: 'A stroke is nicked: a cut in the block shows on every print pulled from it.',
    },
    specked: {
      'zh-CN': '字外有墨点：底子没铲净的地方也着了墨。',
      en: 'Specks beside the strokes: ground left standing took ink too.',
    },
  } satisfies Record<PrintHeadline, LocalizedText>,
  /** What each step gave the print, said beside it in the order the steps were done. */
  steps: {
    writing: {
      visitor: {
        'zh-CN': '写样：笔画出自你的手。',
        en: 'Writing: the strokes are your own hand.',
      },
      scribe: {
        'zh-CN': '写样：书手代写，你刻印的是他的字。',
        en: 'Writing: the scribe’s hand, which you carved and printed.',
      },
    } satisfies Record<SampleWriter, LocalizedText>,
    carving: {
      clean: {
        'zh-CN': '刻版：底子铲净，笔画完好。',
        en: 'Carving: the ground is clear and every stroke stands whole.',
      },
      nicked: {
        'zh-CN': '刻版：刀口伤了笔画，印出一道白痕。',
        en: 'Carving: your knife nicked a stroke; the nick prints as a white gap.',
      },
      specks: {
        'zh-CN': '刻版：留下未铲的底子，印出墨点。',
        en: 'Carving: ground left standing prints as specks.',
      },
    } satisfies Record<CarvingNote, LocalizedText>,
    inking: {
      even: { 'zh-CN': '刷墨：墨上得匀。', en: 'Inking: even.' },
      thin: {
        'zh-CN': '刷墨：有的笔画墨不够，印得浅或缺。',
        en: 'Inking: some strokes got too little ink and print pale.',
      },
      heavy: {
        'zh-CN': '刷墨：墨太多，洇到了笔画外。',
        en: 'Inking: too much ink; it spread beyond the strokes.',
      },
    } satisfies Record<InkingNote, LocalizedText>,
    rubbing: {
      firm: { 'zh-CN': '刷印：纸背刷得匀实。', en: 'Rubbing: firm and even.' },
      light: {
        'zh-CN': '刷印：有的地方没刷到，字色发虚。',
        en: 'Rubbing: parts were rubbed too lightly and print faint.',
      },
    } satisfies Record<RubbingNote, LocalizedText>,
  },
  askScribe: { 'zh-CN': '请书手代写', en: 'Ask the scribe to write' },
  chooseTool: { 'zh-CN': '选刀', en: 'Choose a tool' },
  tools: {
    chisel: { 'zh-CN': '铲刀 · 铲底', en: 'Chisel · clear' },
    knife: { 'zh-CN': '刻刀 · 发刀', en: 'Knife · outline' },
  },
  cleared: { 'zh-CN': '已铲', en: 'Cleared' },
  masterCarving: {
    'zh-CN': '师傅接过刻刀，刻完余下的底子…',
    en: 'The master takes the knife and clears the rest…',
  },
  yourPrint: { 'zh-CN': '你的印本', en: 'Your print' },
  stampSeal: { 'zh-CN': '钤印', en: 'Stamp the seal' },
  tryAnother: { 'zh-CN': '换一块版再印', en: 'Try another block' },
  printAgain: { 'zh-CN': '再印一张', en: 'Print again' },
  chooseBlock: { 'zh-CN': '选一块版', en: 'Choose a block' },
  loading: { 'zh-CN': '正在备版…', en: 'Preparing the block…' },
} as const
