import type { PrintVerdict } from '../../../src/exhibits/woodblock/printImpression'
import type { LocalizedText } from '../../../src/i18n/localizedText'

/** The woodblock exhibit's own words, in both chrome languages (pack text brings its own). */
export const woodblockText = {
  next: {
    'write-sample': { 'zh-CN': '写好了，上版', en: 'Written — transfer it' },
    ink: { 'zh-CN': '墨已刷好', en: 'Done inking' },
    rub: { 'zh-CN': '刷印完毕', en: 'Done rubbing' },
  },
  gesture: {
    'write-sample': { 'zh-CN': '看书手写样，写完后轻触版面', en: 'Watch the sample being written, then tap' },
    transfer: { 'zh-CN': '向左拖动，把写样反贴到木版上', en: 'Drag left to lay the sample face down on the block' },
    ink: { 'zh-CN': '在版面上来回拖动刷墨', en: 'Drag the brush over the block to ink it' },
    'lay-paper': { 'zh-CN': '向右拖动，把纸覆在版上', en: 'Drag right to lay the paper on the block' },
    rub: { 'zh-CN': '用棕刷在纸背上来回刷', en: 'Rub the back of the paper with the palm brush' },
    lift: { 'zh-CN': '向左拖动，揭起纸张', en: 'Drag left to peel the sheet off' },
  },
  verdict: {
    crisp: { 'zh-CN': '墨色匀净，字口清晰：一张好印本。', en: 'Even, crisp ink: a fine impression.' },
    faint: { 'zh-CN': '墨色浅淡：多刷墨，或用力刷印。', en: 'Faint: ink more, or rub harder.' },
    blotchy: { 'zh-CN': '深浅不匀：有的地方墨或刷印不够。', en: 'Blotchy: some parts lacked ink or rubbing.' },
    smudged: { 'zh-CN': '墨太多，洇成了墨团。', en: 'Too much ink: it spread into smudges.' },
  } satisfies Record<PrintVerdict, LocalizedText>,
  yourPrint: { 'zh-CN': '你的印本', en: 'Your print' },
  stampSeal: { 'zh-CN': '钤印', en: 'Stamp the seal' },
  tryAnother: { 'zh-CN': '换一块版再印', en: 'Try another block' },
  printAgain: { 'zh-CN': '再印一张', en: 'Print again' },
  chooseBlock: { 'zh-CN': '选一块版', en: 'Choose a block' },
  loading: { 'zh-CN': '正在备版…', en: 'Preparing the block…' },
} as const
