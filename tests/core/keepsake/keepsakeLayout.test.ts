import { describe, expect, it } from 'vitest'
import {
  defaultKeepsakeCaptions,
  keepsakePictureDpi,
  keepsakePictureSize,
  layoutKeepsake,
  type BoxMm,
  type KeepsakeCardContent,
} from '../../../src/keepsake/keepsakeLayout'
import { isKeepsakeOffered } from '../../../src/keepsake/keepsakeOffer'
import { formatKeepsakeDate } from '../../../src/keepsake/keepsakeDate'

const woodblock: KeepsakeCardContent = {
  paper: 'a6',
  kind: 'woodblock-printing',
  exhibitTitle: { 'zh-CN': '雕版印刷', en: 'Woodblock printing' },
  caption: defaultKeepsakeCaptions['woodblock-printing'],
  sealText: '宋韵',
  venueName: { 'zh-CN': '宋韵馆', en: 'Songyun Gallery' },
  hasVenueMark: true,
  dateLines: ['丙午年十月廿八', '6 December 2026'],
  language: 'zh-CN',
  pictureAspect: 0.75,
}
const tea: KeepsakeCardContent = {
  ...woodblock,
  kind: 'tea-whisking',
  exhibitTitle: { 'zh-CN': '宋代点茶', en: 'Whisked tea' },
  caption: defaultKeepsakeCaptions['tea-whisking'],
  pictureAspect: 1,
}

const inside = (inner: BoxMm, outer: BoxMm) =>
  inner.xMm >= outer.xMm - 1e-9 &&
  inner.yMm >= outer.yMm - 1e-9 &&
  inner.xMm + inner.widthMm <= outer.xMm + outer.widthMm + 1e-9 &&
  inner.yMm + inner.heightMm <= outer.yMm + outer.heightMm + 1e-9
const overlaps = (a: BoxMm, b: BoxMm) =>
  a.xMm < b.xMm + b.widthMm &&
  b.xMm < a.xMm + a.widthMm &&
  a.yMm < b.yMm + b.heightMm &&
  b.yMm < a.yMm + a.heightMm

describe('the keepsake layout', () => {
  it.each([
    ['woodblock', woodblock],
    ['tea', tea],
  ])(
    '%s: picture, texts, seal and mark sit inside the frame, left of the 版心, apart',
    (_, card) => {
      const layout = layoutKeepsake(card)
      const field: BoxMm = {
        ...layout.innerFrame,
        widthMm: layout.centreColumn.xMm - layout.innerFrame.xMm,
      }
      const placed = [
        layout.picture,
        layout.seal.box,
        layout.venueMark!,
        ...layout.texts.filter((t) => t.role !== 'exhibit-title-column').map((t) => t.box),
      ]
      for (const box of placed) expect(inside(box, field)).toBe(true)
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++)
          expect(overlaps(placed[i]!, placed[j]!)).toBe(false)
      // The 版框: the thin rule inside the thick one; the 版心 column and its 鱼尾 inside the frame.
      expect(inside(layout.innerFrame, layout.outerFrame)).toBe(true)
      expect(inside(layout.fishTail, layout.centreColumn)).toBe(true)
      expect(layout.outerRuleMm).toBeGreaterThan(layout.innerRuleMm)
      const column = layout.texts.find((t) => t.role === 'exhibit-title-column')!
      expect(column).toMatchObject({ text: card.exhibitTitle['zh-CN'], isVertical: true })
      expect(column.box.yMm).toBeGreaterThan(layout.fishTail.yMm + layout.fishTail.heightMm)
      expect(layout.seal.text).toBe('宋韵')
    },
  )

  it('keeps each picture in its own proportions at no less than 300 dpi', () => {
    for (const card of [woodblock, tea]) {
      const { picture } = layoutKeepsake(card)
      expect(picture.widthMm / picture.heightMm).toBeCloseTo(card.pictureAspect, 5)
      expect((picture.widthPx / picture.widthMm) * 25.4).toBeGreaterThanOrEqual(keepsakePictureDpi)
      expect((picture.heightPx / picture.heightMm) * 25.4).toBeGreaterThanOrEqual(
        keepsakePictureDpi,
      )
    }
    // The bowl is square; the print sheet here is taller than wide.
    const bowl = layoutKeepsake(tea).picture
    expect(bowl.widthPx).toBe(bowl.heightPx)
    const sheet = layoutKeepsake(woodblock).picture
    expect(sheet.heightMm).toBeGreaterThan(sheet.widthMm)
  })

  it('puts the visitor’s language first and larger, and carries both captions', () => {
    for (const [language, other] of [
      ['zh-CN', 'en'],
      ['en', 'zh-CN'],
    ] as const) {
      const captions = layoutKeepsake({ ...woodblock, language }).texts.filter(
        (t) => t.role === 'caption',
      )
      expect(captions.map((c) => c.language)).toEqual([language, other])
      expect(captions.map((c) => c.text)).toEqual([
        woodblock.caption[language],
        woodblock.caption[other],
      ])
      expect(captions[0]!.sizePt).toBeGreaterThan(captions[1]!.sizePt)
      // The foot names the exhibit in the other language (the column has it in Chinese).
      const title = layoutKeepsake({ ...woodblock, language }).texts.find(
        (t) => t.role === 'exhibit-title',
      )!
      expect(title.text).toBe(woodblock.exhibitTitle[other])
    }
  })

  it('writes every date line and both venue names, and leaves the mark out when there is none', () => {
    const layout = layoutKeepsake({ ...tea, hasVenueMark: false })
    expect(layout.texts.filter((t) => t.role === 'date').map((t) => t.text)).toEqual(tea.dateLines)
    expect(layout.texts.filter((t) => t.role === 'venue').map((t) => t.text)).toEqual([
      '宋韵馆',
      'Songyun Gallery',
    ])
    expect(layout.venueMark).toBeUndefined()
    const noVenue = layoutKeepsake({ ...tea, venueName: undefined })
    expect(noVenue.texts.some((t) => t.role === 'venue')).toBe(false)
  })

  it('scales the A6 design to A5: same places, about 1.41 times the size and the pixels', () => {
    const a6 = layoutKeepsake(tea)
    const a5 = layoutKeepsake({ ...tea, paper: 'a5' })
    expect(a6.pageMm).toEqual({ widthMm: 105, heightMm: 148 })
    expect(a5.pageMm).toEqual({ widthMm: 148, heightMm: 210 })
    expect(a5.picture.widthMm / a6.picture.widthMm).toBeCloseTo(148 / 105, 5)
    expect(a5.picture.widthPx).toBeGreaterThan(a6.picture.widthPx * 1.4)
    expect(inside(a5.outerFrame, { xMm: 0, yMm: 0, widthMm: 148, heightMm: 210 })).toBe(true)
  })
})

describe('the keepsake date', () => {
  const atMs = Date.UTC(2026, 11, 6, 10)
  it('writes the Chinese calendar with its sexagenary year, and the Gregorian in each language', () => {
    expect(formatKeepsakeDate('chinese-lunar', atMs, 'Asia/Shanghai')).toBe('丙午年十月廿八')
    expect(formatKeepsakeDate('gregorian', atMs, 'Asia/Shanghai')).toBe('6 December 2026')
    expect(formatKeepsakeDate('gregorian-zh', atMs, 'Asia/Shanghai')).toBe('2026年12月6日')
    // New year's day of 丁未, and a leap month.
    expect(formatKeepsakeDate('chinese-lunar', Date.UTC(2027, 1, 7, 4), 'Asia/Shanghai')).toBe(
      '丁未年正月初一',
    )
    expect(formatKeepsakeDate('chinese-lunar', Date.UTC(2025, 7, 1, 4), 'Asia/Shanghai')).toBe(
      '乙巳年闰六月初八',
    )
  })
  it('reads the day in the kiosk’s zone', () => {
    const lateUtc = Date.UTC(2026, 11, 6, 20)
    expect(formatKeepsakeDate('gregorian', lateUtc, 'Asia/Shanghai')).toBe('7 December 2026')
    expect(formatKeepsakeDate('gregorian', lateUtc, 'Europe/London')).toBe('6 December 2026')
  })
})

describe('what the renderer needs to know', () => {
  it('offers a card only with a printer chosen and limits above nought', () => {
    const offer = { keepsakePrinter: 'desk', keepsakesPerVisit: 1, keepsakesPerDay: 200 }
    expect(isKeepsakeOffered(offer)).toBe(true)
    expect(isKeepsakeOffered({ ...offer, keepsakePrinter: undefined })).toBe(false)
    expect(isKeepsakeOffered({ ...offer, keepsakesPerVisit: 0 })).toBe(false)
    expect(isKeepsakeOffered({ ...offer, keepsakesPerDay: 0 })).toBe(false)
  })
  it('gives the picture’s pixels as the layout places it', () => {
    expect(keepsakePictureSize('a6', 1)).toEqual({
      widthPx: layoutKeepsake(tea).picture.widthPx,
      heightPx: layoutKeepsake(tea).picture.heightPx,
    })
  })
})
