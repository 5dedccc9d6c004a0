import type { LanguageTag } from '../../src/i18n/languages'

const chineseNumerals = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十']
const englishNumbers = [
  'No',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
]

/**
 * A small count as the menu's lead sentence starts with it: 四 before a measure word in Chinese
 * (两, not 二, as one says 两件), "Four" in English; digits past ten.
 */
export function countInWords(count: number, language: LanguageTag): string {
  if (!Number.isInteger(count) || count < 0 || count > 10) return String(count)
  return language.startsWith('zh') ? chineseNumerals[count]! : englishNumbers[count]!
}
