/**
 * The date lines of a keepsake card, in the styles a pack chooses (docs/content-packs.md
 * "Keepsake"): the Chinese calendar's year name, month and day (丙午年十月廿八), and the
 * Gregorian date in English (6 December 2026) or Chinese (2026年12月6日).
 */
export const keepsakeDateStyles = ['chinese-lunar', 'gregorian', 'gregorian-zh'] as const
export type KeepsakeDateStyle = (typeof keepsakeDateStyles)[number]

/** What a card shows when its pack names no styles. */
export const defaultKeepsakeDateStyles: readonly KeepsakeDateStyle[] = [
  'chinese-lunar',
  'gregorian',
]

/** The one line a style gives for a moment, read in `timeZone` (an IANA zone). */
export function formatKeepsakeDate(
  style: KeepsakeDateStyle,
  atMs: number,
  timeZone: string,
): string {
  const date = new Date(atMs)
  switch (style) {
    case 'gregorian':
      return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(date)
    case 'gregorian-zh':
      return new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone }).format(date)
    case 'chinese-lunar':
      return chineseLunarDate(date, timeZone)
  }
}

/** Month names of the Chinese calendar as a printed page writes the first and the last two. */
const traditionalMonthNames: Readonly<Record<string, string>> = {
  一月: '正月',
  十一月: '冬月',
  十二月: '腊月',
}

/** 丙午年十月廿八: the sexagenary year name, the lunar month and the day in Chinese numerals. */
function chineseLunarDate(date: Date, timeZone: string): string {
  // ICU's Chinese calendar (no package needed); `dateStyle: 'long'` writes the day as 廿八.
  const parts = new Intl.DateTimeFormat('zh-u-ca-chinese', { dateStyle: 'long', timeZone })
    .formatToParts(date)
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {})
  const yearName = parts.yearName ?? parts.year ?? ''
  const month = parts.month ?? ''
  const leap = month.startsWith('闰') ? '闰' : ''
  const monthName = traditionalMonthNames[month.replace(/^闰/, '')] ?? month.replace(/^闰/, '')
  return `${yearName}年${leap}${monthName}${parts.day ?? ''}`
}
