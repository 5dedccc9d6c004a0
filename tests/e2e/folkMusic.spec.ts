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
    const response = await route.fetch()
    const body = (await response.json()) as { ok: true; result: KioskContent }
    for (const { exhibit } of body.result.exhibits) {
      if (exhibit.kind !== 'folk-music') continue
      const guqin = (exhibit as FolkMusicExhibit).instruments[0]!
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
  await expect(page.locator('[data-folk-stage]')).toBeVisible()
}

test.describe('folk-music stage', () => {
  test('a tap on a track plays it through Howler; leaving stops it and unloads every Howl', async ({
    page,
    server,
  }, testInfo) => {
    await serveFixtureRecordings(page)
    await openFolkMusicStage(page, server.url)
    await expect(page.locator('[data-instrument]')).toHaveCount(6)
    // The first instrument's recordings are preloaded before any tap.
    await expect.poll(async () => (await diagnostics(page)).audio.loaded).toBeGreaterThan(0)
    expect((await diagnostics(page)).audio.playing).toBe(0)

    await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
    // 'playing' is set by Howler's play event, not by the tap.
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-playback-state',
      'playing',
    )
    expect((await diagnostics(page)).audio.playing).toBe(1)
    await expect(page.locator('[data-folk-caption]')).toHaveText(`caption of ${fixtureTrackIds[0]}`)
    await expect
      .poll(async () =>
        (await recordedAnalytics(server.dataDir)).filter((e) => e.type === 'track-play'),
      )
      .toEqual([expect.objectContaining({ type: 'track-play', trackId: fixtureTrackIds[0] })])
    await page.screenshot({ path: testInfo.outputPath('folk-music-listen.png') })

    // Next crossfades: for a moment both sound, then only the new one.
    await tap(page, '[data-transport="next"]')
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-current-track',
      fixtureTrackIds[1]!,
    )
    await expect
      .poll(async () => (await diagnostics(page)).audio.playing, { timeout: 5000 })
      .toBe(1)
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-playback-state',
      'playing',
    )

    await tap(page, '[data-action="home"]')
    await expect(page.locator('[data-screen="menu"]')).toBeVisible()
    expect((await diagnostics(page)).audio).toEqual({ loaded: 0, playing: 0 })
    // Howler's own list of live Howls agrees (howler puts itself on window in the browser).
    expect(await liveHowlsInHowler(page)).toBe(0)

    // Coming back and leaving again leaves nothing behind either.
    for (let visit = 0; visit < 2; visit++) {
      await tap(page, '[data-exhibit-id="folk-music"]')
      await tap(page, `[data-track="${fixtureTrackIds[visit]}"]`)
      await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
        'data-playback-state',
        'playing',
      )
      await tap(page, '[data-action="home"]')
      await expect(page.locator('[data-screen="menu"]')).toBeVisible()
    }
    expect((await diagnostics(page)).audio).toEqual({ loaded: 0, playing: 0 })
    expect(await liveHowlsInHowler(page)).toBe(0)
  })

  test('pause and resume the recording; play-along pads sound in Chromium', async ({
    page,
    server,
    consoleErrors,
  }, testInfo) => {
    await serveFixtureRecordings(page)
    await openFolkMusicStage(page, server.url)
    await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-playback-state',
      'playing',
    )
    await tap(page, '[data-transport="toggle"]')
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute('data-playback-state', 'paused')
    expect((await diagnostics(page)).audio.playing).toBe(0)
    await tap(page, '[data-transport="toggle"]')
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-playback-state',
      'playing',
    )
    await page.locator('[data-transport="seek"]').fill('20')
    await expect(page.locator('.folk__time')).toContainText(/^0:2\d \//)

    await tap(page, '[data-folk-mode="play-along"]')
    const pads = page.locator('[data-pad]')
    await expect(pads).toHaveCount(5)
    for (const box of await Promise.all((await pads.all()).map((pad) => pad.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(64)
      expect(box!.width).toBeGreaterThanOrEqual(64)
    }
    await page.evaluate(() => {
      const started: number[] = []
      ;(window as unknown as { oscillatorStarts: number[] }).oscillatorStarts = started
      const original = OscillatorNode.prototype.start
      OscillatorNode.prototype.start = function (...args: Parameters<typeof original>) {
        started.push(performance.now())
        return original.apply(this, args)
      }
    })
    await tap(page, '[data-pad="zhi"]')
    await expect(page.locator('[data-pad="zhi"]')).toHaveClass(/is-last/)
    const starts = await page.evaluate(
      () => (window as unknown as { oscillatorStarts: number[] }).oscillatorStarts.length,
    )
    expect(starts).toBeGreaterThan(0)
    await tap(page, '[data-action="drone"]')
    await expect(page.locator('[data-action="drone"]')).toHaveAttribute('aria-pressed', 'true')
    await page.screenshot({ path: testInfo.outputPath('folk-music-play-along.png') })
    expect(consoleErrors).toEqual([])
  })

  test('the silent stage is a still landscape with the introduction on its paper, and no empty column', async ({
    page,
    server,
  }) => {
    await openFolkMusicStage(page, server.url)
    // Before anything plays, the transport already says how long the first piece lasts.
    const firstListed = await page.locator('.folk__track-meta').first().innerText()
    const listedLength = firstListed.match(/\d+:\d\d/)![0]
    await expect(page.locator('[data-transport="time"]')).toHaveText(`0:00 / ${listedLength}`)

    // The ink canvas at rest: hills rising on the right, low on the left (not an even band).
    const inkTopFraction = () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-folk-stage] canvas')!
        const { data, width, height } = canvas
          .getContext('2d')!
          .getImageData(0, 0, canvas.width, canvas.height)
        /** How far up the column at `xFraction` the ink reaches, as a fraction of the height. */
        const reach = (xFraction: number) => {
          const x = Math.floor(xFraction * (width - 1))
          for (let y = 0; y < height; y += 1)
            if (data[(y * width + x) * 4 + 3]! > 8) return 1 - y / height
          return 0
        }
        return { left: reach(0.1), right: reach(0.8) }
      })
    await expect.poll(async () => (await inkTopFraction()).right).toBeGreaterThan(0.4)
    expect((await inkTopFraction()).left).toBeLessThan(0.25)

    // The introduction stands inside the stage's picture, at body size, clear of the hills' peak.
    const intro = (await page.locator('[data-folk-intro]').boundingBox())!
    const picture = (await page.locator('[data-folk-stage] canvas').boundingBox())!
    expect(intro.y).toBeGreaterThanOrEqual(picture.y)
    expect(intro.y + intro.height).toBeLessThanOrEqual(picture.y + picture.height)
    expect(intro.x + intro.width).toBeLessThan(picture.x + picture.width * 0.65)
    const introFontPx = await page
      .locator('[data-folk-intro]')
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
    expect(introFontPx).toBeGreaterThanOrEqual(24)

    // The instrument list leaves no large blank under itself (portrait used to leave 40 %).
    const blankUnderList = await page.evaluate(() => {
      const list = document.querySelector('[data-folk-stage] nav')!.getBoundingClientRect()
      const stage = document.querySelector('[data-folk-stage]')!.getBoundingClientRect()
      const lastBottom = Math.max(
        ...[...document.querySelectorAll('[data-instrument]')].map(
          (button) => button.getBoundingClientRect().bottom,
        ),
      )
      return (list.bottom - lastBottom) / stage.height
    })
    expect(blankUnderList).toBeLessThan(0.25)
    expect(await smallTargetsInStage(page)).toEqual([])
  })

  test('without the autoplay flag (as a real kiosk starts), a touch starts the audio', async ({
    playwright,
    server,
  }) => {
    const args = (playwrightConfig.use?.launchOptions?.args ?? []).filter(
      (arg) => !arg.startsWith('--autoplay-policy'),
    )
    const browser = await playwright.chromium.launch({ executablePath: chromiumPath, args })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true })
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
  })

  test.describe('quiet hours', () => {
    test.use({
      kioskSettings: { volume: 0.7, quietHours: [{ from: '00:00', to: '24:00', maxVolume: 0.2 }] },
    })

    test('the master volume is the setting capped by the quiet hours in force', async ({
      page,
      server,
    }) => {
      await openFolkMusicStage(page, server.url)
      const masterVolume = () =>
        page.evaluate(() => {
          const howler = (
            window as unknown as { Howler: { volume(): number; masterGain: GainNode } }
          ).Howler
          return { howler: howler.volume(), gain: howler.masterGain.gain.value }
        })
      await expect.poll(masterVolume).toEqual({ howler: 0.2, gain: expect.closeTo(0.2, 5) })
    })
  })

  test.describe('idle', () => {
    test.use({ kioskSettings: { idleTimeoutSeconds: 5, idleWarningSeconds: 3 } })

    test('an idle reset stops the recording and unloads every Howl', async ({ page, server }) => {
      await serveFixtureRecordings(page)
      await openFolkMusicStage(page, server.url)
      await tap(page, `[data-track="${fixtureTrackIds[0]}"]`)
      await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
        'data-playback-state',
        'playing',
      )
      expect((await diagnostics(page)).audio.playing).toBe(1)
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 20_000 })
      expect((await diagnostics(page)).audio).toEqual({ loaded: 0, playing: 0 })
    })
  })

  test("the built-in pack's own recordings play, captioned, in English too", async ({
    page,
    server,
    consoleErrors,
  }, testInfo) => {
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
    await tap(page, '[data-folk-mode="play-along"]')
    const bed = page.locator('.folk__bed').first()
    await tap(page, `[data-track="${await bed.getAttribute('data-track')}"]`)
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-current-track',
      (await bed.getAttribute('data-track'))!,
    )
    await expect(page.locator('[data-folk-stage]')).toHaveAttribute(
      'data-playback-state',
      'playing',
    )
    await page.screenshot({ path: testInfo.outputPath('folk-music-bed-en.png') })
    expect(await seriousAxeViolations(page, '[data-folk-stage]')).toEqual([])
    expect(await smallTargetsInStage(page)).toEqual([])
    expect(failedUrls).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  test('recordings in the pack answer byte ranges with 206, so seeking works', async ({
    request,
    server,
  }) => {
    const answer = await request.post(new URL('api/request/content%3Aget', server.url).href, {
      data: {},
    })
    const content = (await answer.json()) as { result: KioskContent }
    const stage = content.result.exhibits.find((entry) => entry.exhibit.kind === 'folk-music')!
    const audioPaths = (stage.exhibit as FolkMusicExhibit).instruments.flatMap((i) =>
      i.tracks.map((t) => t.audio),
    )
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
  })
})
