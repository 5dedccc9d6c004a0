import { installAxe, seriousAxeViolations } from './support/accessibility'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { KioskContent } from '../../src/contract/areas/content'
import type { FolkMusicExhibit } from '../../src/pack/manifestSchema'
import { toneWav } from '../fixtures/toneWav'
import playwrightConfig, { chromiumPath } from '../../playwright.config'
import { diagnostics, expect, tap, test } from './support/kioskTest'
import { withoutFirstScreenData } from './support/withoutFirstScreenData'

const fixtureAudioPath = 'test-fixture/tone.wav'
const fixtureTrackIds = ['fixture-tone-a', 'fixture-tone-b']

/**
 * Gives the guqin two stand-in recordings (a generated tone served by the test) in front of
 * whatever the built-in pack has, so the stage's playback is tested whatever content exists.
 */
async function serveFixtureRecordings(page: Page): Promise<void> {
  const tone = toneWav({ frequencyHz: 220, seconds: 30 })
  await page.route(`**/pack/*/${fixtureAudioPath}`, (route) =>
    route.fulfill({ status: 200, contentType: 'audio/wav', body: tone }),
  )
  // The content must come by request (not with the page) for the route below to change it.
  await withoutFirstScreenData(page)
  await page.route('**/api/request/content%3Aget', async (route) => {
    // Sent again by the test runner, not the page: it says, as the page did, that it is same-origin
    // (the host refuses a request with an Origin and no Sec-Fetch-Site, docs/operators.md).
    const response = await route.fetch({
      headers: { ...route.request().headers(), 'sec-fetch-site': 'same-origin' },
    })
    const body = (await response.json()) as { ok: true; result: KioskContent }
    for (const { exhibit } of body.result.exhibits) {
      if (exhibit.kind !== 'folk-music') continue
      const guqin = exhibit.instruments[0]!
      const text = (value: string) => ({ 'zh-CN': value, en: value })
      guqin.tracks = [
        ...fixtureTrackIds.map((id) => ({
          id,
          title: text(id),
          performer: text('test'),
          durationSeconds: 30,
          audio: fixtureAudioPath,
          captions: [{ startSeconds: 0, endSeconds: 30, text: text(`caption of ${id}`) }],
          credits: text('generated test tone'),
          isPlayAlongBed: false,
        })),
        ...guqin.tracks,
      ]
    }
    await route.fulfill({ response, json: body })
  })
}

/** Every visible control of the stage smaller than 64 × 64 CSS px. */
async function smallTargetsInStage(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-folk-stage] button, [data-folk-stage] input')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 64 || box.height < 64))
      .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} ${box.width}×${box.height}`),
  )
}

/** Every analytics event the services appended, from all day files of the data folder. */
async function recordedAnalytics(dataDir: string): Promise<{ type: string; trackId?: string }[]> {
  const folder = path.join(dataDir, 'analytics')
  const files = await readdir(folder).catch(() => [] as string[])
  const text = (await Promise.all(files.map((f) => readFile(path.join(folder, f), 'utf8')))).join(
    '\n',
  )
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; trackId?: string })
}

/** How many Howls Howler itself still holds. */
function liveHowlsInHowler(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { Howler: { _howls: unknown[] } }).Howler._howls.length,
  )
}

async function openFolkMusicStage(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await tap(page, '[data-screen="attract"]')
  await tap(page, '[data-exhibit-id="folk-music"]')
  // A loaded machine renders the stage slowly: the stage itself is what is tested here.
  await expect(page.locator('[data-folk-stage]')).toBeVisible({ timeout: 30_000 })
}

/**
 * Arms a probe on AudioBufferSourceNode.start: every start with its `when`, offset and buffer
 * length, so the test can tell the ensemble's stems (long buffers) from pad notes (short ones).
 */
async function armSourceProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      __starts: { when: number; offset: number; seconds: number }[]
    }
    g.__starts = []
    const original = AudioBufferSourceNode.prototype.start
    AudioBufferSourceNode.prototype.start = function (
      when?: number,
      offset?: number,
      ...rest: number[]
    ) {
      g.__starts.push({ when: when ?? 0, offset: offset ?? 0, seconds: this.buffer?.duration ?? 0 })
      return original.call(this, when, offset, ...rest)
    }
  })
}

type SourceStart = { when: number; offset: number; seconds: number }
function sourceStarts(page: Page): Promise<SourceStart[]> {
  return page.evaluate(() => (globalThis as unknown as { __starts: SourceStart[] }).__starts)
}
const stemStarts = (starts: SourceStart[]) => starts.filter((s) => s.seconds > 20)
const noteStarts = (starts: SourceStart[]) => starts.filter((s) => s.seconds <= 20)

/** Every control of the stage whose top lies above the lower 45 % of the window. */
async function controlsAboveReach(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reachTop = window.innerHeight * 0.55
    return [...document.querySelectorAll<HTMLElement>('[data-folk-stage] button')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.top < reachTop)
      .map(({ element, box }) => `${element.outerHTML.slice(0, 70)} top ${Math.round(box.top)}`)
  })
}

test.describe('folk-music stage', () => {
  test.describe.configure({ timeout: 180_000 })

  test('the band is on the stage as pictures; a tap plays a phrase in its voice and opens its introduction', async ({
    page,
    server,
    consoleErrors,
  }, testInfo) => {
    await installAxe(page)
    await openFolkMusicStage(page, server.url)
    await armSourceProbe(page)
    const seats = page.locator('[data-instrument]')
    await expect(seats).toHaveCount(6)
    // Every seat shows the pack's picture of its instrument, loaded, and large.
    await expect
      .poll(
        () =>
          page.$$eval('[data-instrument] img', (images) =>
            images.map((image) => (image as HTMLImageElement).naturalWidth > 0),
          ),
        { timeout: 30_000 },
      )
      .toEqual([true, true, true, true, true, true])
    const pictureSizes = await page.$$eval('[data-instrument] img', (images) =>
      images.map((image) => image.getBoundingClientRect().width),
    )
    expect(Math.min(...pictureSizes)).toBeGreaterThanOrEqual(96)
    // The clappers lead: in front, in the middle.
    const stage = (await page.locator('.folk__stage').boundingBox())!
    const paiban = (await page.locator('[data-instrument="paiban"]').boundingBox())!
    expect(Math.abs(paiban.x + paiban.width / 2 - (stage.x + stage.width / 2))).toBeLessThan(
      stage.width * 0.05,
    )

    // Whether the seat ever shows it sounds (a loaded machine may pause the page past the phrase).
    await page.evaluate(() => {
      const seat = document.querySelector('[data-instrument="pipa"]')!
      const seen: string[] = []
      ;(globalThis as unknown as { __soundingSeen: string[] }).__soundingSeen = seen
      new MutationObserver(() => seen.push(seat.getAttribute('data-sounding')!)).observe(seat, {
        attributes: true,
        attributeFilter: ['data-sounding'],
      })
    })
    await tap(page, '[data-instrument="pipa"]')
    await expect(page.locator('[data-folk-intro]')).toContainText('四弦')
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as { __soundingSeen: string[] }).__soundingSeen),
      )
      .toContain('true')
    await expect.poll(async () => noteStarts(await sourceStarts(page)).length).toBe(4)
    await page.screenshot({ path: testInfo.outputPath('folk-music-phrase.png') })
    await expect(page.locator('[data-instrument="pipa"]')).toHaveAttribute(
      'data-sounding',
      'false',
      {
        timeout: 5000,
      },
    )
    expect(await seriousAxeViolations(page, '[data-folk-stage]')).toEqual([])
    expect(await smallTargetsInStage(page)).toEqual([])
    if (page.viewportSize()!.height > page.viewportSize()!.width) {
      expect(await controlsAboveReach(page)).toEqual([])
    }
    expect(consoleErrors).toEqual([])
  })

  test('the ensemble plays by stems started together; toggling instruments only changes the mix', async ({
    page,
    server,
    consoleErrors,
  }, testInfo) => {
    await openFolkMusicStage(page, server.url)
    await armSourceProbe(page)
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-ensemble-state',
      'ready',
      {
        timeout: 30_000,
      },
    )
    await tap(page, '[data-ensemble="toggle"]')
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-ensemble-state',
      'playing',
    )
    const started = stemStarts(await sourceStarts(page))
    expect(started.length).toBeGreaterThanOrEqual(4)
    // One `when` and one offset for every stem: sample-accurate together.
    expect(new Set(started.map((s) => s.when)).size).toBe(1)
    expect(new Set(started.map((s) => s.offset)).size).toBe(1)
    expect(new Set(started.map((s) => s.seconds)).size).toBe(1)
    expect((await diagnostics(page)).audio.playing).toBe(started.length)

    const stems = await page.$$eval('[data-stem]', (buttons) =>
      buttons.map((button) => button.getAttribute('data-stem')!),
    )
    for (let toggle = 0; toggle < 10; toggle++) {
      const stem = stems[toggle % stems.length]!
      const before = await page.locator(`[data-stem="${stem}"]`).getAttribute('aria-pressed')
      await tap(page, `[data-stem="${stem}"]`)
      await expect(page.locator(`[data-stem="${stem}"]`)).not.toHaveAttribute(
        'aria-pressed',
        before!,
      )
      // The mix changes, the playing count never does: a muted stem keeps running in step.
      expect((await diagnostics(page)).audio.playing).toBe(started.length)
    }
    // No stem was restarted: none can have drifted from the others.
    expect(stemStarts(await sourceStarts(page))).toEqual(started)
    // A muted instrument shows it on the stage.
    await tap(page, `[data-stem="${stems[0]}"]`)
    const isOut = await page.locator(`[data-stem="${stems[0]}"]`).getAttribute('aria-pressed')
    if (isOut === 'false')
      await expect(page.locator(`[data-instrument="${stems[0]}"]`)).toHaveClass(/is-out/)
    await page.screenshot({ path: testInfo.outputPath('folk-music-ensemble.png') })
    await tap(page, '[data-ensemble="toggle"]')
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute('data-ensemble-state', 'paused')
    expect((await diagnostics(page)).audio.playing).toBe(0)
    expect(consoleErrors).toEqual([])
  })

  test('two visitors at once: two touches on the two pad sets both sound', async ({
    page,
    server,
    consoleErrors,
  }) => {
    await openFolkMusicStage(page, server.url)
    await armSourceProbe(page)
    await expect(page.locator('[data-pad-set="left"] [data-pad]').first()).toBeEnabled()
    const centre = async (selector: string) => {
      const box = (await page.locator(selector).boundingBox())!
      return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) }
    }
    const left = await centre('[data-pad-set="left"] [data-pad]:nth-of-type(2)')
    const right = await centre('[data-pad-set="right"] [data-pad]:nth-of-type(4)')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [
        { ...left, id: 1 },
        { ...right, id: 2 },
      ],
    })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await expect.poll(async () => noteStarts(await sourceStarts(page)).length).toBe(2)
    await expect(page.locator('[data-pad-set="left"] .is-last')).toHaveCount(1)
    await expect(page.locator('[data-pad-set="right"] .is-last')).toHaveCount(1)
    expect(consoleErrors).toEqual([])
  })

  test(
    'a solo recording plays through Howler at its loudness; leaving stops it and unloads every Howl',
    { tag: '@one-size' },
    async ({ page, server }) => {
      await serveFixtureRecordings(page)
      await openFolkMusicStage(page, server.url)
      await expect.poll(async () => (await diagnostics(page)).audio.loaded).toBeGreaterThan(0)
      await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
      await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
        'data-playback-state',
        'playing',
      )
      expect((await diagnostics(page)).audio.playing).toBe(1)
      await expect(page.locator('[data-folk-caption]')).toHaveText(
        `caption of ${fixtureTrackIds[0]}`,
      )
      await expect
        .poll(async () =>
          (await recordedAnalytics(server.dataDir)).filter((e) => e.type === 'track-play'),
        )
        .toEqual([expect.objectContaining({ type: 'track-play', trackId: fixtureTrackIds[0] })])
      await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
      await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
        'data-playback-state',
        'paused',
      )
      await tap(page, '[data-action="home"]')
      await expect(page.locator('[data-folk-stage]')).toHaveCount(0)
      await expect.poll(() => liveHowlsInHowler(page)).toBe(0)
      expect((await diagnostics(page)).audio).toEqual({ loaded: 0, playing: 0 })
    },
  )

  test(
    'without the autoplay flag (as a real kiosk starts), a touch starts the audio',
    { tag: '@one-size' },
    async ({ playwright, server }) => {
      const args = (playwrightConfig.use?.launchOptions?.args ?? []).filter(
        (arg) => !arg.startsWith('--autoplay-policy'),
      )
      const browser = await playwright.chromium.launch({ executablePath: chromiumPath, args })
      try {
        const page = await browser.newPage({
          viewport: { width: 1280, height: 800 },
          hasTouch: true,
        })
        await serveFixtureRecordings(page)
        await openFolkMusicStage(page, server.url)
        await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
        await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
          'data-playback-state',
          'playing',
        )
        const contextState = await page.evaluate(
          () => (window as unknown as { Howler: { ctx: AudioContext } }).Howler.ctx.state,
        )
        expect(contextState).toBe('running')
        expect((await diagnostics(page)).audio.playing).toBe(1)
      } finally {
        await browser.close()
      }
    },
  )

  test.describe('quiet hours', () => {
    test.use({
      kioskSettings: { volume: 0.7, quietHours: [{ from: '00:00', to: '24:00', maxVolume: 0.2 }] },
    })

    test(
      'the master volume is the cap the mode service broadcasts (setting capped by quiet hours)',
      { tag: '@one-size' },
      async ({ page, server }) => {
        await openFolkMusicStage(page, server.url)
        const masterVolume = () =>
          page.evaluate(() => {
            const howler = (
              window as unknown as { Howler: { volume(): number; masterGain: GainNode } }
            ).Howler
            return { howler: howler.volume(), gain: howler.masterGain.gain.value }
          })
        await expect.poll(masterVolume).toEqual({ howler: 0.2, gain: expect.closeTo(0.2, 5) })
      },
    )
  })

  test.describe('idle', () => {
    test.use({ kioskSettings: { idleTimeoutSeconds: 15, idleWarningSeconds: 3 } })

    test(
      'an idle reset stops the recording and unloads every Howl',
      { tag: '@one-size' },
      async ({ page, server }) => {
        await serveFixtureRecordings(page)
        await openFolkMusicStage(page, server.url)
        await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
        await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
          'data-playback-state',
          'playing',
        )
        expect((await diagnostics(page)).audio.playing).toBe(1)
        await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 40_000 })
        expect((await diagnostics(page)).audio).toEqual({ loaded: 0, playing: 0 })
      },
    )
  })

  test(
    "the built-in pack's own recordings play, captioned, in English too",
    { tag: '@one-size' },
    async ({ page, server, consoleErrors }, testInfo) => {
      await installAxe(page)
      const failedUrls: string[] = []
      page.on('response', (response) => {
        if (response.status() >= 400) failedUrls.push(`${response.status()} ${response.url()}`)
      })
      await openFolkMusicStage(page, server.url)
      await tap(page, '[data-action="language"]')
      const firstPerformance = page.locator('.folk__track').first()
      const trackId = await firstPerformance.getAttribute('data-track')
      await tap(page, `[data-track="${trackId}"]`)
      await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
        'data-playback-state',
        'playing',
      )
      await expect(page.locator('[data-folk-caption]')).toBeVisible()
      expect((await diagnostics(page)).audio.playing).toBe(1)
      await page.screenshot({ path: testInfo.outputPath('folk-music-pack-en.png') })
      expect(await seriousAxeViolations(page, '[data-folk-stage]')).toEqual([])
      expect(await smallTargetsInStage(page)).toEqual([])
      expect(failedUrls).toEqual([])
      expect(consoleErrors).toEqual([])
    },
  )

  test(
    'recordings in the pack answer byte ranges with 206, so seeking works',
    { tag: '@one-size' },
    async ({ request, server }) => {
      const answer = await request.post(new URL('api/request/content%3Aget', server.url).href, {
        data: {},
      })
      const content = (await answer.json()) as { result: KioskContent }
      const stage = content.result.exhibits.find((entry) => entry.exhibit.kind === 'folk-music')!
      const folk = stage.exhibit as FolkMusicExhibit
      const audioPaths = [
        ...folk.instruments.flatMap((i) => i.tracks.map((t) => t.audio)),
        ...folk.pieces.flatMap((piece) => piece.stems.map((stem) => stem.audio)),
      ]
      expect(audioPaths.length, 'the built-in pack has recordings').toBeGreaterThan(0)
      for (const audioPath of audioPaths) {
        const encodedPath = audioPath.split('/').map(encodeURIComponent).join('/')
        const url = new URL(`pack/${stage.packId}/${encodedPath}`, server.url).href
        const part = await request.get(url, { headers: { Range: 'bytes=100-1099' } })
        expect(part.status(), audioPath).toBe(206)
        expect(part.headers()['content-range']).toMatch(/^bytes 100-1099\/\d+$/)
        expect(part.headers()['content-type']).toMatch(/^audio\//)
        expect((await part.body()).length).toBe(1000)
      }
    },
  )
})
