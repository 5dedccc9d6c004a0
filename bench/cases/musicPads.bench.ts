import type { Page } from '@playwright/test'
import type { BenchCase, BenchRow } from '../benchCase'
import { launchKioskBrowser, tapElement } from '../support/kioskBrowser'
import { startKioskServer } from '../support/kioskServer'
import { percentile } from '../support/pageProbes'

const padSelectors = ['gong', 'shang', 'jue', 'zhi', 'yu'].map(
  (id) => `[data-pad-set="left"] [data-pad="${id}"]`,
)
const tapsPerRun = 40
const targetMs = 50
const stemToggles = 20
/** Stems are the piece's long buffers; a pad note lasts about a second. */
const stemMinSeconds = 5

/** What the in-page probe keeps, in the page's clock (performance.now / event.timeStamp). */
interface PadProbe {
  __padTaps: { touchedAtMs: number; deliveredAtMs: number; firstStartAtMs?: number }[]
  __isPadProbeArmed?: boolean
  /** What the AudioContext adds after the start call before the note is heard. */
  __audioLatencyMs?: number
  /** Every stem source started: its `when`, its offset into the piece, its context's rate. */
  __stemStarts: { whenSeconds: number; offsetSeconds: number; sampleRate: number }[]
}

/**
 * Arms the probe: a capture listener that notes when each touch was made (event.timeStamp) and
 * when page code first saw it, and a wrapper on AudioBufferSourceNode.start that notes when the first
 * note of that tap was started. Nothing in the app is changed for the measurement.
 */
async function armPadProbe(page: Page): Promise<void> {
  await page.evaluate((stemSeconds) => {
    const g = globalThis as unknown as PadProbe & typeof globalThis
    g.__padTaps = []
    g.__stemStarts = []
    if (g.__isPadProbeArmed) return // armed already: a fresh list is all a new measurement needs
    g.__isPadProbeArmed = true
    g.addEventListener(
      'pointerdown',
      (event) =>
        g.__padTaps.push({ touchedAtMs: event.timeStamp, deliveredAtMs: performance.now() }),
      { capture: true },
    )
    // Pads are rendered notes played by AudioBufferSourceNodes (the stems too, started once
    // before the probe is armed); the first start after a touch is that touch's note.
    // Called below with `.apply(this, …)`: never unbound.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const originalStart = AudioBufferSourceNode.prototype.start
    AudioBufferSourceNode.prototype.start = function (...args: Parameters<typeof originalStart>) {
      if ((this.buffer?.duration ?? 0) >= stemSeconds) {
        // A stem: where it lines up with the piece is what drift would change.
        g.__stemStarts.push({
          whenSeconds: args[0] ?? 0,
          offsetSeconds: args[1] ?? 0,
          sampleRate: this.context.sampleRate,
        })
        return originalStart.apply(this, args)
      }
      const last = g.__padTaps.at(-1)
      if (last && last.firstStartAtMs === undefined) last.firstStartAtMs = performance.now()
      const context = this.context as AudioContext
      g.__audioLatencyMs = (context.baseLatency + (context.outputLatency || 0)) * 1000
      return originalStart.apply(this, args)
    }
  }, stemMinSeconds)
}

/**
 * How far apart the stems sound, in samples: each stem source plays the piece's 0 s at
 * `when − offset`; sources started at one instant with one offset keep one timeline for good
 * (Web Audio renders them from the same sample clock), so any spread here is drift a visitor hears.
 */
function stemSpreadSamples(starts: PadProbe['__stemStarts']): number {
  if (starts.length === 0) return Number.NaN
  const zeros = starts.map((start) => start.whenSeconds - start.offsetSeconds)
  return (Math.max(...zeros) - Math.min(...zeros)) * starts[0]!.sampleRate
}

const musicPads: BenchCase = {
  name: 'music-pads',
  description:
    'folk-music play-along over the playing stems: touch on a pad → its note started (target < 50 ms), vs touch → page code',
  async run({ log }) {
    const server = await startKioskServer()
    const kioskBrowser = await launchKioskBrowser()
    try {
      const { page } = kioskBrowser
      await page.goto(server.url)
      await tapElement(page, '[data-screen="attract"]')
      // Baseline on the same machine and moment: touch → page code on the menu, with no stage.
      await armPadProbe(page)
      for (let tap = 0; tap < tapsPerRun; tap++) {
        await tapElement(page, '[data-screen="menu"] h1')
        await page.waitForTimeout(60)
      }
      const menuTaps = await page.evaluate(() => (globalThis as unknown as PadProbe).__padTaps)
      const menuDeliveryMs = menuTaps.map((t) => t.deliveredAtMs - t.touchedAtMs)
      await tapElement(page, '[data-exhibit-id="folk-music"]')
      await page.locator('[data-folk-stage]').waitFor({ state: 'visible', timeout: 30_000 })
      await page.locator(`${padSelectors[0]}:not([disabled])`).waitFor({ state: 'visible' })
      // With the ensemble's stems playing, as a visitor would play along.
      await page
        .locator('[data-folk-stage][data-ensemble-state="ready"]')
        .waitFor({ timeout: 60_000 })
      await armPadProbe(page)
      await tapElement(page, '[data-ensemble="toggle"]')
      await page.locator('[data-folk-stage][data-ensemble-state="playing"]').waitFor()
      const stemStartsAtPlay = await page.evaluate(
        () => (globalThis as unknown as PadProbe).__stemStarts,
      )
      await armPadProbe(page)
      for (let tap = 0; tap < tapsPerRun; tap++) {
        await tapElement(page, padSelectors[tap % padSelectors.length]!)
        await page.waitForTimeout(60) // a brisk player's pace
      }
      const taps = await page.evaluate(() => (globalThis as unknown as PadProbe).__padTaps)
      const audioLatencyMs = await page.evaluate(
        () => (globalThis as unknown as PadProbe).__audioLatencyMs ?? Number.NaN,
      )
      // Twenty stem toggles, a visitor bringing instruments in and out: only gains may move.
      const stemIds = await page
        .locator('[data-stem]')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-stem')!))
      for (let toggle = 0; toggle < stemToggles; toggle++) {
        await tapElement(page, `[data-stem="${stemIds[toggle % stemIds.length]}"]`)
        await page.waitForTimeout(80)
      }
      const stemState = await page.evaluate(() => ({
        startsDuringToggles: (globalThis as unknown as PadProbe).__stemStarts,
        ensembleState: document
          .querySelector('[data-folk-stage]')
          ?.getAttribute('data-ensemble-state'),
      }))
      const started = taps.filter((t) => t.firstStartAtMs !== undefined)
      if (started.length < tapsPerRun)
        log(`only ${started.length} of ${taps.length} taps started a note`)
      const tapToStartMs = started.map((t) => t.firstStartAtMs! - t.touchedAtMs)
      const tapToPageMs = taps.map((t) => t.deliveredAtMs - t.touchedAtMs)
      // The app's own share: from the moment page code first sees the touch to the note's start.
      const pageToStartMs = started.map((t) => t.firstStartAtMs! - t.deliveredAtMs)
      const p50 = percentile(tapToStartMs, 0.5)
      const p95 = percentile(tapToStartMs, 0.95)
      const baselineP50 = percentile(menuDeliveryMs, 0.5)
      const rows: BenchRow[] = [
        { metric: 'taps that started a note', value: started.length, unit: `of ${taps.length}` },
        {
          metric: 'pad touch → note start p50',
          value: p50,
          unit: 'ms',
          baseline: baselineP50,
          ratio: baselineP50 > 0 ? p50 / baselineP50 : undefined,
          target: `< ${targetMs} ms`,
          isWithinTarget: p50 < targetMs,
        },
        {
          metric: 'pad touch → note start p95',
          value: p95,
          unit: 'ms',
          target: `< ${targetMs} ms`,
          isWithinTarget: p95 < targetMs && started.length === taps.length,
        },
        {
          metric: 'pad touch → note start max',
          value: Math.max(...tapToStartMs),
          unit: 'ms',
        },
        { metric: 'menu: touch → page code p50 (baseline)', value: baselineP50, unit: 'ms' },
        {
          metric: 'menu: touch → page code p95',
          value: percentile(menuDeliveryMs, 0.95),
          unit: 'ms',
        },
        { metric: 'stage: touch → page code p50', value: percentile(tapToPageMs, 0.5), unit: 'ms' },
        {
          metric: 'stage: touch → page code p95',
          value: percentile(tapToPageMs, 0.95),
          unit: 'ms',
        },
        {
          metric: 'page code → note start p95 (the app)',
          value: percentile(pageToStartMs, 0.95),
          unit: 'ms',
        },
      ]
      const spreadSamples = stemSpreadSamples(stemStartsAtPlay)
      const restarts = stemState.startsDuringToggles.length
      log(
        `${stemStartsAtPlay.length} stems started; after ${stemToggles} toggles: ${restarts} restarted, ensemble ${stemState.ensembleState}`,
      )
      rows.push(
        {
          metric: `stem drift after ${stemToggles} toggles (spread of the stems' 0 s)`,
          value: restarts === 0 ? spreadSamples : Number.NaN,
          unit: 'samples',
          target: '0 (sample-accurate)',
          isWithinTarget:
            restarts === 0 && spreadSamples === 0 && stemState.ensembleState === 'playing',
        },
        {
          metric: `stem sources restarted by ${stemToggles} toggles`,
          value: restarts,
          unit: `of ${stemStartsAtPlay.length} stems`,
        },
      )
      if (Number.isFinite(audioLatencyMs)) {
        rows.push({
          metric: 'AudioContext base + output latency',
          value: audioLatencyMs,
          unit: 'ms',
        })
      }
      return rows
    } finally {
      await kioskBrowser.close()
      await server.stop()
    }
  },
}

export default musicPads
