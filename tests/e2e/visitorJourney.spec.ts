import { installAxe, seriousAxeViolations } from './support/accessibility'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { diagnostics, expect, tap, test } from './support/kioskTest'

const exhibitIds = ['woodblock-printing', 'tea-whisking', 'folk-music'] as const
/** The corner the staff gesture owns (docs/kiosk-contract.md): no visitor control may reach into it. */
const staffCornerPx = 120
/** A WebGL exhibit on Chromium's software rasteriser can take a while to open on a busy machine. */
const exhibitOpenTimeoutMs = 30_000

test.beforeEach(async ({ page }) => {
  await installAxe(page)
  page.on('response', (response) => {
    if (response.status() >= 400) console.warn(`HTTP ${response.status()} ${response.url()}`)
  })
})

/** Every visible button smaller than 64 × 64 CSS px, or reaching into the staff corner. */
async function badTargets(page: Page): Promise<string[]> {
  return page.evaluate((corner) => {
    const problems: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, [role="button"], a[href]',
    )) {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (element.closest('[data-staff-corner]')) continue
      const name = `${element.tagName.toLowerCase()}[${element.dataset.action ?? element.textContent?.trim().slice(0, 20)}]`
      if (box.width < 64 || box.height < 64)
        problems.push(`${name} is ${Math.round(box.width)}×${Math.round(box.height)}`)
      if (box.left < corner && box.top < corner)
        problems.push(`${name} reaches into the staff corner`)
    }
    return problems
  }, staffCornerPx)
}

/** Text boxes in the frame's chrome whose content does not fit (clipped CJK or English). */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const chrome = document.querySelectorAll<HTMLElement>(
      '[data-screen] header *, [data-screen] nav *, [data-panel="cards"] *, [data-screen="menu"] [data-exhibit-id] *',
    )
    for (const element of chrome) {
      const style = getComputedStyle(element)
      if (style.overflowY === 'auto' || style.overflowY === 'scroll') continue
      if (element.getClientRects().length === 0 || element.clientWidth === 0) continue
      if (element.closest('.visually-hidden') || style.position === 'absolute') continue
      if (
        element.scrollWidth > element.clientWidth + 1 ||
        element.scrollHeight > element.clientHeight + 1
      ) {
        if (style.overflow === 'visible' && style.overflowX === 'visible') continue
        problems.push(
          `${element.className || element.tagName}: "${element.textContent?.trim().slice(0, 30)}"`,
        )
      }
    }
    return problems
  })
}

async function analyticsEvents(
  dataDir: string,
): Promise<{ type: string; [key: string]: unknown }[]> {
  const folder = path.join(dataDir, 'analytics')
  const files = await readdir(folder).catch(() => [] as string[])
  const lines: string[] = []
  for (const file of files)
    lines.push(...(await readFile(path.join(folder, file), 'utf8')).split('\n').filter(Boolean))
  return lines.map((line) => JSON.parse(line) as { type: string })
}

test.describe('the whole journey', () => {
  // axe-core on WebGL screens under a software rasteriser is slow; the idle reset must not
  // cut the journey short while the test itself is the one not touching the screen.
  test.use({ kioskSettings: { idleTimeoutSeconds: 900 } })

  test('attract → menu → each exhibit → home, by touch, accessible on every screen', async ({
    page,
    server,
    consoleErrors,
  }) => {
    // Three exhibits (two of them WebGL on a software rasteriser) and axe on each screen.
    test.setTimeout(240_000)
    const scriptUrls: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scriptUrls.push(request.url())
    })
    await page.goto(server.url)
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    await expect(page.locator('[data-screen="attract"]')).toContainText('轻触开始')
    await expect(page.locator('[data-screen="attract"]')).toContainText('Touch to begin')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await badTargets(page)).toEqual([])
    const attractScripts = [...scriptUrls]

    await tap(page, '[data-screen="attract"]')
    await expect(page.locator('[data-screen="menu"]')).toBeVisible()
    await expect(page.locator('[data-exhibit-id]')).toHaveCount(exhibitIds.length)
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await badTargets(page)).toEqual([])
    expect(await clippedText(page)).toEqual([])

    // The attract loop carried no exhibit code and no three.js: a kiosk at rest holds only what
    // it shows. The menu loads the exhibits' code while it is idle, so a tap on a tile waits for
    // none of it (renderer/startup/exhibitWarmUps.ts).
    for (const url of attractScripts) {
      const body = await (await page.request.get(url)).text()
      expect(body, `${url} is loaded by the attract screen`).not.toContain('WebGLRenderer')
      expect(url).not.toMatch(/Exhibit/)
    }
    await expect.poll(() => scriptUrls.some((url) => /TeaExhibit/.test(url))).toBe(true)

    const viewport = page.viewportSize()!
    for (const exhibitId of exhibitIds) {
      await tap(page, `[data-exhibit-id="${exhibitId}"]`)
      await expect(page.locator('[data-screen="exhibit"]')).toBeVisible({
        timeout: exhibitOpenTimeoutMs,
      })
      expect((await diagnostics(page)).exhibit).toBe(exhibitId)
      await expect(page.locator('[data-station-id]').first()).toBeVisible()
      await expect(page.locator('[data-station-state="active"]')).toHaveCount(1)

      // The scene area handed to the exhibit is a real, large part of the screen.
      const stage = (await page.locator('[data-exhibit-stage]').boundingBox())!
      expect(stage.width * stage.height).toBeGreaterThan(0.4 * viewport.width * viewport.height)
      expect(Math.min(stage.width, stage.height)).toBeGreaterThan(
        0.45 * Math.min(viewport.width, viewport.height),
      )

      // Controls sit in the lower part of the screen.
      for (const action of [
        'home',
        'language',
        'text-size',
        'captions',
        'reduced-motion',
        'reading-aid',
        'cards',
      ]) {
        const box = (await page
          .locator(`[data-screen="exhibit"] [data-action="${action}"]`)
          .boundingBox())!
        expect(box.y, `${action} is low on the screen`).toBeGreaterThan(viewport.height * 0.75)
      }
      expect(await seriousAxeViolations(page)).toEqual([])
      expect(await badTargets(page)).toEqual([])
      expect(await clippedText(page)).toEqual([])

      await tap(page, '[data-action="home"]')
      await expect(page.locator('[data-screen="menu"]')).toBeVisible()
      expect((await diagnostics(page)).exhibit).toBeNull()
    }

    await expect
      .poll(async () => (await analyticsEvents(server.dataDir)).map((e) => e.type))
      .toEqual(['visit-start', ...exhibitIds.flatMap(() => ['exhibit-enter', 'exhibit-leave'])])
    const leaves = (await analyticsEvents(server.dataDir)).filter((e) => e.type === 'exhibit-leave')
    expect(leaves.map((e) => e.exhibitId)).toEqual([...exhibitIds])
    for (const leave of leaves) expect(leave.dwellMs).toBeGreaterThan(0)
    expect(consoleErrors).toEqual([])
  })
})

test(
  'one tap switches the language everywhere, exhibit content and diagnostics included',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }) => {
    test.setTimeout(120_000)
    await page.goto(server.url)
    await tap(page, '[data-screen="attract"]')
    await tap(page, '[data-exhibit-id="folk-music"]')
    const frame = page.locator('[data-screen="exhibit"]')
    await expect(frame.locator('h1')).toHaveText('民乐雅集', { timeout: exhibitOpenTimeoutMs })
    const zhBar = await frame.locator(':scope > nav').innerText()
    expect((await diagnostics(page)).language).toBe('zh-CN')
    await expect(page.locator('[data-action="language"]')).toHaveText(/English/)

    await tap(page, '[data-action="language"]')
    await expect(frame.locator('h1')).toHaveText('Folk-music stage')
    expect((await diagnostics(page)).language).toBe('en')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await frame.locator(':scope > nav').innerText()).not.toBe(zhBar)
    await expect(page.locator('[data-action="language"]')).toHaveText(/中文/)
    await expect(frame.locator('[data-station-state="active"]')).not.toContainText(
      /[\u4e00-\u9fff]/,
    )
    expect(await seriousAxeViolations(page)).toEqual([])

    await tap(page, '[data-action="home"]')
    await expect(page.locator('[data-exhibit-id="folk-music"]')).toContainText('Folk-music stage')

    await tap(page, '[data-action="language"]')
    await expect(page.locator('[data-exhibit-id="folk-music"]')).toContainText('民乐雅集')
    expect((await diagnostics(page)).language).toBe('zh-CN')
    await expect
      .poll(async () =>
        (await analyticsEvents(server.dataDir)).filter((e) => e.type === 'language-switch'),
      )
      .toEqual([
        expect.objectContaining({ from: 'zh-CN', to: 'en' }),
        expect.objectContaining({ from: 'en', to: 'zh-CN' }),
      ])
    expect(consoleErrors).toEqual([])
  },
)

test('knowledge cards show their source, the reading aid puts pinyin over terms, larger text does not clip', async ({
  page,
  server,
  consoleErrors,
}) => {
  test.setTimeout(120_000)
  await openFolkMusicFromAttract(page, server.url)

  await tap(page, '[data-action="cards"]')
  const drawer = page.locator('[data-panel="cards"]')
  await expect(drawer).toBeVisible()
  const firstCard = drawer.locator('[data-card-id]').first()
  const cardId = await firstCard.getAttribute('data-card-id')
  await tap(page, '[data-panel="cards"] [data-card-id]')
  await expect(drawer.locator('[data-card-source]')).toBeVisible()
  expect((await drawer.locator('[data-card-source]').innerText()).trim().length).toBeGreaterThan(4)
  expect(await seriousAxeViolations(page)).toEqual([])
  await expect
    .poll(async () => (await analyticsEvents(server.dataDir)).filter((e) => e.type === 'card-open'))
    .toEqual([expect.objectContaining({ exhibitId: 'folk-music', cardId })])

  // An English-language visitor turns on the reading aid: the Chinese title and terms get pinyin.
  await tap(page, '[data-action="language"]')
  await expect(page.locator('ruby')).toHaveCount(0)
  await tap(page, '[data-action="reading-aid"]')
  await expect(page.locator('[data-action="reading-aid"]')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[data-reading-aid="title"] rt').first()).toHaveText('mín')
  await expect(drawer.locator('[data-panel="key-terms"] rt').first()).toBeVisible()
  // Pinyin is read from a standing distance: no smaller than 20 px, and larger with larger text.
  const smallestPinyinPx = () =>
    page
      .locator('rt')
      .evaluateAll((rts) => Math.min(...rts.map((rt) => parseFloat(getComputedStyle(rt).fontSize))))
  expect(await smallestPinyinPx()).toBeGreaterThanOrEqual(20)

  // Larger text: everything grows and nothing in the chrome is clipped.
  const normalSize = await page
    .locator('[data-screen="exhibit"] h1')
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  await tap(page, '[data-action="text-size"]')
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger')
  const largerSize = await page
    .locator('[data-screen="exhibit"] h1')
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(largerSize).toBeGreaterThan(normalSize)
  const bodySize = await drawer
    .locator('[data-open-card] p')
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(bodySize).toBeGreaterThanOrEqual(28)
  expect(await smallestPinyinPx()).toBeGreaterThanOrEqual(24)
  expect(await clippedText(page)).toEqual([])
  await tap(page, '[data-action="language"]')
  expect(await clippedText(page)).toEqual([])

  // Reduced motion from the toggle, and captions off, reach the exhibit's root element state.
  await tap(page, '[data-action="reduced-motion"]')
  await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true')
  await tap(page, '[data-action="captions"]')
  await expect(page.locator('[data-action="captions"]')).toHaveAttribute('aria-pressed', 'false')
  expect(consoleErrors).toEqual([])
})

test(
  'English cards: pinyin one syllable a character in a Latin face that holds every tone mark; quotes set proportionally, Chinese keeps full-width ones',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }) => {
    test.setTimeout(120_000)
    await openFolkMusicFromAttract(page, server.url)
    // English visitor, reading aid on: the Chinese title and the key terms carry pinyin.
    await tap(page, '[data-action="language"]')
    await tap(page, '[data-action="reading-aid"]')
    await tap(page, '[data-action="cards"]')
    await expect(page.locator('[data-panel="key-terms"] rt').first()).toBeVisible()
    await expect(page.locator('[data-reading-aid="title"] rt').first()).toHaveText('mín')
    await page.evaluate(() => document.fonts.ready)

    const report = await page.evaluate(() => {
      const toneMarked = /[\u00e0-\u00fc\u0101-\u01dc]/u
      /** The first family named in a computed font-family list, unquoted. */
      const firstFamily = (list: string) =>
        list
          .split(',')[0]!
          .trim()
          .replace(/^["']|["']$/g, '')
      const ranges = (face: FontFace) =>
        face.unicodeRange.split(',').map((part) => {
          const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-')
          const low = parseInt(start!.replace(/\?/g, '0'), 16)
          const high = parseInt(end!.replace(/\?/g, 'F'), 16)
          return [low, high] as const
        })
      const loadedFaces = [...document.fonts].filter((face) => face.status === 'loaded')
      const rts = [...document.querySelectorAll('rt')]
      const pinyinFaceRanges = loadedFaces
        .filter((face) => firstFamily(face.family) === 'Songyun Pinyin')
        .flatMap(ranges)
      return {
        count: rts.length,
        pinyinFaceMisses: [...'āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ'].filter((letter) => {
          const code = letter.codePointAt(0)!
          return !pinyinFaceRanges.some(([low, high]) => code >= low && code <= high)
        }),
        rubies: [...document.querySelectorAll('ruby')].map((ruby) => {
          const base = [...ruby.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent ?? '')
            .join('')
          return { base, readings: [...ruby.querySelectorAll('rt')].map((rt) => rt.textContent) }
        }),
        rts: rts.map((rt) => {
          const text = rt.textContent ?? ''
          const style = getComputedStyle(rt)
          const family = firstFamily(style.fontFamily)
          const faceRanges = loadedFaces
            .filter((face) => firstFamily(face.family) === family)
            .flatMap(ranges)
          const uncovered = [...text]
            .filter((letter) => toneMarked.test(letter))
            .filter((letter) => {
              const code = letter.codePointAt(0)!
              return !faceRanges.some(([low, high]) => code >= low && code <= high)
            })
          return {
            text,
            family,
            fontSizePx: parseFloat(style.fontSize),
            isNfc: text === text.normalize('NFC'),
            uncovered,
          }
        }),
      }
    })

    expect(report.count).toBeGreaterThan(20)
    const shown = report.rts.map((rt) => rt.text).join('')
    // Marks from both subsets are on show (í from latin; ǎ, ǚ from latin-ext: 律吕 lǜlǚ) …
    for (const vowel of ['í', 'ǎ', 'ā', 'ǜ', 'ǚ'])
      expect(shown, `pinyin shows ${vowel}`).toContain(vowel)
    // … and the loaded pinyin face could set every tone-marked vowel there is, ü included.
    expect(report.pinyinFaceMisses).toEqual([])
    for (const rt of report.rts) {
      // A Latin face first: not one of the CJK faces, whose marks stand beside their letters.
      expect(rt.family, `"${rt.text}"`).toBe('Songyun Pinyin')
      expect(rt.uncovered, `"${rt.text}": vowels outside the loaded ${rt.family} ranges`).toEqual(
        [],
      )
      expect(rt.fontSizePx, `"${rt.text}"`).toBeGreaterThanOrEqual(20)
      expect(rt.isNfc, `"${rt.text}" is NFC`).toBe(true)
      expect(rt.text, 'one syllable').toMatch(/^[^\s]+$/)
    }
    // One reading over each character.
    for (const ruby of report.rubies) {
      expect([...ruby.base].length, `${ruby.base}: ${ruby.readings.join(' ')}`).toBe(
        ruby.readings.length,
      )
    }

    // Proportional quotes are measured without the reading aid's ruby in the line.
    await tap(page, '[data-action="reading-aid"]')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    // "… the guqin’s art …": an apostrophe in a card body.
    await tap(page, '[data-card-id="guqin-heritage"]')
    const body = '[data-open-card] p:first-child'
    await expect(page.locator(body)).toContainText('’')
    await page.evaluate(async () => {
      await document.fonts.ready
    })
    const fontSizePx = await page
      .locator(body)
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
    const apostrophePx = await renderedWidthOf(page, body, '’')
    const letterPx = await renderedWidthOf(page, body, 'n')
    // Full-width (CJK) punctuation is 1 em; a Latin apostrophe is narrower than a lower-case n.
    expect(apostrophePx).toBeLessThan(0.45 * fontSizePx)
    expect(apostrophePx).toBeLessThan(letterPx)

    // In Chinese the same card keeps its full-width quotation marks.
    await tap(page, '[data-action="language"]')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.locator(body)).toContainText('“')
    const chineseQuotePx = await renderedWidthOf(page, body, '“')
    expect(chineseQuotePx).toBeGreaterThan(0.9 * fontSizePx)
    expect(consoleErrors).toEqual([])
  },
)

/** Loads the kiosk afresh and opens the folk-music stage from the attract loop, by touch. */
async function openFolkMusicFromAttract(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await tap(page, '[data-screen="attract"]')
  await tap(page, '[data-exhibit-id="folk-music"]')
  await expect(page.locator('[data-screen="exhibit"]')).toBeVisible({
    timeout: exhibitOpenTimeoutMs,
  })
}

/** The rendered width, in px, of the first `character` in the text of `selector`. */
async function renderedWidthOf(page: Page, selector: string, character: string): Promise<number> {
  return page.locator(selector).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(wanted)
      if (index < 0) continue
      const range = document.createRange()
      range.setStart(node, index)
      range.setEnd(node, index + wanted.length)
      return range.getBoundingClientRect().width
    }
    throw new Error(`no "${wanted}" in the text`)
  }, character)
}

test('an opened card comes into view, and a fade shows while the leaf has more below', async ({
  page,
  server,
  consoleErrors,
}) => {
  test.setTimeout(120_000)
  await openFolkMusicFromAttract(page, server.url)
  await tap(page, '[data-action="language"]')
  await tap(page, '[data-action="text-size"]')
  await tap(page, '[data-action="cards"]')
  const scrollArea = page.locator('[data-cards-scroll]')
  const fade = page.locator('[data-panel="cards"] .cards-drawer__more')
  /** Whether the box of `selector` lies wholly inside the visible part of the scroll area. */
  const isWithinLeaf = (selector: string) =>
    page.evaluate((wanted) => {
      const area = document.querySelector('[data-cards-scroll]')!.getBoundingClientRect()
      const box = document.querySelector(wanted)!.getBoundingClientRect()
      return box.top >= area.top - 1 && box.bottom <= area.bottom + 1
    }, selector)

  // The last card, opened at the foot of the list, is brought up: its title shows.
  const lastCard = page.locator('[data-panel="cards"] [data-card-id]').last()
  const lastCardId = (await lastCard.getAttribute('data-card-id'))!
  await lastCard.scrollIntoViewIfNeeded()
  await tap(page, `[data-card-id="${lastCardId}"]`)
  await expect(page.locator('[data-open-card]')).toBeVisible()
  await expect.poll(() => isWithinLeaf(`[data-card-id="${lastCardId}"]`)).toBe(true)

  // The first card in larger text is longer than the leaf at 1280×800: it opens with its title
  // in view, the foot fades while lines are hidden below, and the fade lifts at the end.
  await scrollArea.evaluate((area) => area.scrollTo({ top: 0, behavior: 'instant' }))
  const firstCardId = (await page
    .locator('[data-panel="cards"] [data-card-id]')
    .first()
    .getAttribute('data-card-id'))!
  await tap(page, `[data-card-id="${firstCardId}"]`)
  await expect.poll(() => isWithinLeaf(`[data-card-id="${firstCardId}"]`)).toBe(true)
  const source = '[data-open-card] [data-card-source]'
  if (!(await isWithinLeaf(source))) {
    await expect(scrollArea).toHaveAttribute('data-more-below', 'true')
    await expect(fade).toHaveCSS('opacity', '1')
  }
  await scrollArea.evaluate((area) =>
    area.scrollTo({ top: area.scrollHeight, behavior: 'instant' }),
  )
  await expect(scrollArea).toHaveAttribute('data-more-below', 'false')
  await expect(fade).toHaveCSS('opacity', '0')
  expect(await seriousAxeViolations(page)).toEqual([])
  expect(consoleErrors).toEqual([])
})

test('the station steps stay on one line: the seven woodblock stations in both languages, the tea phases', async ({
  page,
  server,
  consoleErrors,
}) => {
  test.setTimeout(180_000)
  /** The distinct tops of the steps: one when they share a line. */
  const stepRows = () =>
    page
      .locator('[data-station-id]')
      .evaluateAll(
        (steps) => new Set(steps.map((step) => Math.round(step.getBoundingClientRect().top))).size,
      )
  await page.goto(server.url)
  await tap(page, '[data-screen="attract"]')
  // Woodblock has seven stations and the longest English step title; tea shows its three phases.
  const cases = [
    { exhibitId: 'woodblock-printing', languages: ['zh-CN', 'en'] },
    { exhibitId: 'tea-whisking', languages: ['zh-CN'] },
  ]
  for (const { exhibitId, languages } of cases) {
    await tap(page, `[data-exhibit-id="${exhibitId}"]`)
    await expect(page.locator('[data-station-state="active"]')).toHaveCount(1, {
      timeout: exhibitOpenTimeoutMs,
    })
    expect(await stepRows(), `${exhibitId} in Chinese`).toBe(1)
    if (languages.includes('en')) {
      await tap(page, '[data-action="language"]')
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      expect(await stepRows(), `${exhibitId} in English`).toBe(1)
      await tap(page, '[data-action="language"]')
    }
    await tap(page, '[data-action="home"]')
    await expect(page.locator('[data-screen="menu"]')).toBeVisible()
  }
  expect(consoleErrors).toEqual([])
})

test(
  'reduced motion follows the operating system',
  { tag: '@one-size' },
  async ({ page, server }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(server.url)
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('data-reduced-motion', 'true')
  },
)

test.describe('idle', () => {
  test.use({
    kioskSettings: { idleTimeoutSeconds: 5, idleWarningSeconds: 3, defaultLanguage: 'zh-CN' },
  })

  test(
    'a countdown warns, a touch dismisses it, and then a full reset returns to the attract loop',
    { tag: '@one-size' },
    async ({ page, server, consoleErrors }) => {
      await openFolkMusicFromAttract(page, server.url)
      await tap(page, '[data-action="language"]')
      await tap(page, '[data-action="text-size"]')
      await tap(page, '[data-action="reading-aid"]')
      expect((await diagnostics(page)).language).toBe('en')

      const warning = page.locator('[data-overlay="idle-warning"]')
      await expect(warning).toBeVisible({ timeout: 8_000 })
      await expect(warning).toContainText('Are you still there?')
      await expect(warning).toContainText('还在参观吗')
      expect(await seriousAxeViolations(page)).toEqual([])
      // A touch anywhere dismisses it, and the visit carries on where it was.
      await page.touchscreen.tap(page.viewportSize()!.width / 2, 40)
      await expect(warning).toBeHidden()
      expect((await diagnostics(page)).screen).toBe('exhibit')
      expect((await diagnostics(page)).language).toBe('en')

      await expect(warning).toBeVisible({ timeout: 8_000 })
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 6_000 })
      await expect(warning).toBeHidden()
      const after = await diagnostics(page)
      expect(after).toMatchObject({ screen: 'attract', language: 'zh-CN', exhibit: null })
      expect(after.audio).toEqual({ loaded: 0, playing: 0 })
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal')
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

      await expect
        .poll(async () => (await analyticsEvents(server.dataDir)).map((e) => e.type))
        .toEqual(['visit-start', 'exhibit-enter', 'language-switch', 'exhibit-leave', 'visit-end'])
      const end = (await analyticsEvents(server.dataDir)).at(-1)!
      expect(end).toMatchObject({ type: 'visit-end', reason: 'idle' })
      expect(end.durationMs).toBeGreaterThan(8_000)

      // The next visitor starts afresh, with the exhibit at its first station.
      await tap(page, '[data-screen="attract"]')
      await tap(page, '[data-exhibit-id="folk-music"]')
      await expect(page.locator('[data-station-state="active"]')).toHaveAttribute(
        'data-station-id',
        (await page.locator('[data-station-id]').first().getAttribute('data-station-id'))!,
      )
      await expect(page.locator('[data-action="reading-aid"]')).toHaveAttribute(
        'aria-pressed',
        'false',
      )
      expect(consoleErrors).toEqual([])
    },
  )
})
