// Does drawing the woodblock's cost in a worker (OffscreenCanvas) take the long tasks off the
// page's main thread under SwiftShader? Runs one scene three ways in the e2e tests' Chromium:
//   main            three on the main thread (as the kiosk draws today)
//   desynchronized  the same, with getContext('webgl2', { desynchronized: true })
//   worker          canvas.transferControlToOffscreen() and three in a module worker
// and prints, per way, the main thread's long tasks and frame gaps and the frames drawn.
// Run: npx tsx bench/probes/offscreenCanvas/runProbe.ts   (results: docs/performance.md)
import { createReadStream } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchKioskBrowser } from '../../support/kioskBrowser'

const probeFolder = dirname(fileURLToPath(import.meta.url))
const threeBuildFolder = join(probeFolder, '../../../node_modules/three/build')
const warmUpMs = 2_000
const measuredMs = 8_000
const probeModes = (process.env.PROBE_MODES?.split(',') ?? [
  'main',
  'desynchronized',
  'worker',
]) as readonly string[]
/** Full size, and the host's interactive floor under a finger (renderer/scenes/interactiveResolution.ts). */
const drawingScales = (process.env.PROBE_SCALES?.split(',').map(Number) ?? [
  1, 0.45,
]) as readonly number[]
const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
}

/** Serves the probe's files and three's build (the page's import map points at /three/). */
function serveProbe(): Promise<{ origin: string; close(): void }> {
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://probe').pathname)
    const file = path.startsWith('/three/')
      ? join(threeBuildFolder, path.slice('/three/'.length))
      : join(probeFolder, path)
    response.setHeader('content-type', contentTypes[extname(file)] ?? 'application/octet-stream')
    createReadStream(file)
      .on('error', () => response.writeHead(404).end())
      .pipe(response)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  )
}

interface ProbeReading {
  longTasksMs: number[]
  mainFrameGapsMs: number[]
  framesDrawn: number
  triangles: number
  calls: number
}

const percentile = (values: number[], share: number) =>
  values.length
    ? ([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * share)] ?? 0)
    : 0

const server = await serveProbe()
const kiosk = await launchKioskBrowser()
try {
  for (const drawingScale of drawingScales)
    for (const mode of probeModes) {
      const page = await kiosk.newColdPage()
      const pageErrors: string[] = []
      page.on('pageerror', (error) => pageErrors.push(error.message))
      page.on('crash', () => pageErrors.push('the page crashed'))
      page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()))
      await page.goto(`${server.origin}/probe.html?mode=${mode}&scale=${drawingScale}`)
      const started = await page
        .waitForFunction(() => 'probe' in window, undefined, { timeout: 20_000, polling: 250 })
        .then(() => true)
        .catch(() => false)
      if (!started) {
        // Seen with `desynchronized` at full size: the page never answers a script call again.
        // eslint-disable-next-line no-console -- the probe's result is what it prints
        console.log(
          `${mode.padEnd(15)} ×${drawingScale} · the page did not answer within 20 s (${pageErrors.join('; ') || 'no error reported'})`,
        )
        await page.context().close()
        continue
      }
      await page.waitForTimeout(warmUpMs)
      await page.evaluate(() => (window as unknown as { probe: { reset(): void } }).probe.reset())
      const framesBefore = (
        await page.evaluate(() =>
          (window as unknown as { probe: { read(): Promise<ProbeReading> } }).probe.read(),
        )
      ).framesDrawn
      await page.waitForTimeout(measuredMs)
      const reading = await page.evaluate(() =>
        (window as unknown as { probe: { read(): Promise<ProbeReading> } }).probe.read(),
      )
      const fps = ((reading.framesDrawn - framesBefore) / measuredMs) * 1000
      // eslint-disable-next-line no-console -- the probe's result is what it prints
      console.log(
        [
          `${mode.padEnd(15)} ×${drawingScale}`,
          `long tasks ${reading.longTasksMs.length} (longest ${Math.round(Math.max(0, ...reading.longTasksMs))} ms)`,
          `main-thread frame gap p50/p95/max ${[0.5, 0.95, 1].map((share) => Math.round(percentile(reading.mainFrameGapsMs, share))).join('/')} ms`,
          `drawn ${fps.toFixed(1)} fps`,
          `${reading.calls} calls, ${reading.triangles} triangles`,
          pageErrors.length ? `ERRORS: ${pageErrors.join('; ')}` : '',
        ].join(' · '),
      )
      await page.context().close()
    }
} finally {
  await kiosk.close()
  server.close()
}
