// `npm run soak -- --minutes N`: scripted visitors in Debian Chromium against a real
// `songyun serve`, cycling every exhibit, the language, idle resets and pack installs. Every
// minute it samples JS heap, DOM nodes, listeners, WebGL counts and frame time into soak.csv, plots
// them into soak.svg, and exits non-zero if a memory or WebGL trend grows or any error appears.
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { snapshotBuiltApp } from '../support/appSnapshot'
import { launchKioskBrowser } from '../support/kioskBrowser'
import { startKioskServer } from '../support/kioskServer'
import {
  readKioskDiagnostics,
  readPageMemoryMetrics,
  summariseFrameTimes,
} from '../support/pageProbes'
import { seededRandom } from '../../src/random/seededRandom'
import { ScriptedVisitor } from './scriptedVisitor'
import { renderSoakSvg } from './soakPlot'
import { judgeGrowth, type GrowthTolerance, type TrendPoint } from './soakTrend'

const run = promisify(execFile)
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))

const { values: options } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string', default: '20261128' },
    out: { type: 'string' },
    'pack-every-minutes': { type: 'string', default: '4' },
  },
})
const minutes = Number(options.minutes)
if (!Number.isFinite(minutes) || minutes < 1)
  throw new Error(`--minutes must be a number ≥ 1, not "${options.minutes}"`)
const packEveryMs = Number(options['pack-every-minutes']) * 60_000
const outDir = path.resolve(
  options.out ??
    path.join(
      repositoryRoot,
      'bench',
      'results',
      'soak',
      new Date().toISOString().replace(/[:.]/g, '-'),
    ),
)

/**
 * Short idle settings, so every soak minute ends in an idle reset; long enough that a heavy
 * scene on a slow, shared machine (SwiftShader WebGL) does not time a busy visitor out.
 */
const idleTimeoutSeconds = 10
const idleWarningSeconds = 3
const idleResetMs = (idleTimeoutSeconds + idleWarningSeconds) * 1000
const sampleEveryMs = 60_000
/** A visit that fails (an error screen, a control that never appears) is retried after a reload, up to this many times. */
const maxFailedVisits = 5

/** How much each metric may grow over the run before it counts as a leak (see soakTrend.ts). */
const tolerances: Record<string, GrowthTolerance> = {
  jsHeapUsedMb: { absolute: 8, relative: 0.15 },
  documentElements: { absolute: 100, relative: 0.15 },
  jsEventListeners: { absolute: 100, relative: 0.15 },
  webglGeometries: { absolute: 2, relative: 0 },
  webglTextures: { absolute: 2, relative: 0 },
  webglPrograms: { absolute: 2, relative: 0 },
}

interface Sample {
  minute: number
  jsHeapUsedMb: number
  documentElements: number
  blinkNodes: number
  jsEventListeners: number
  webglGeometries: number
  webglTextures: number
  webglPrograms: number
  frameP50Ms: number
  frameP95Ms: number
  exhibitVisits: number
  idleResets: number
  packInstalls: number
  errors: number
}
const csvColumns: (keyof Sample)[] = [
  'minute',
  'jsHeapUsedMb',
  'documentElements',
  'blinkNodes',
  'jsEventListeners',
  'webglGeometries',
  'webglTextures',
  'webglPrograms',
  'frameP50Ms',
  'frameP95Ms',
  'exhibitVisits',
  'idleResets',
  'packInstalls',
  'errors',
]

const log = (message: string) =>
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`)

await mkdir(outDir, { recursive: true })
// The soak runs its own copy of the built app: a rebuild of out/ by someone else mid-run must not
// look like a kiosk failure.
const snapshotDir = await mkdtemp(path.join(os.tmpdir(), 'songyun-soak-app-'))
const appRoot = await snapshotBuiltApp(snapshotDir)
const songyunCli = path.join(appRoot, 'bin', 'songyun.mjs')
const errors: string[] = []
const samples: Sample[] = []
let exhibitVisits = 0
let idleResets = 0
let packInstalls = 0
let frameIntervalsMs: number[] = []

// A pack made with the packs CLI, rebuilt with a higher version for every install.
const packSourceDir = path.join(outDir, 'pack-source')
async function installTestPack(dataDir: string): Promise<void> {
  const startedAt = Date.now()
  try {
    if (packInstalls === 0) await run(process.execPath, [songyunCli, 'pack', 'init', packSourceDir])
    const manifestPath = path.join(packSourceDir, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string }
    manifest.version = `1.0.${packInstalls + 1}`
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2))
    const archive = path.join(outDir, `soak-pack-${manifest.version}.songpack`)
    await run(process.execPath, [songyunCli, 'pack', 'build', packSourceDir, '-o', archive])
    await run(process.execPath, [
      songyunCli,
      'pack',
      'install',
      archive,
      '--allow-unsigned',
      '--data-dir',
      dataDir,
      '--json',
    ])
    packInstalls++
    log(`installed the test pack ${manifest.version} in ${Date.now() - startedAt} ms`)
  } catch (error) {
    const failure = error as Error & { stderr?: string }
    errors.push(`pack install failed: ${failure.stderr?.trim() || failure.message}`)
    log(errors.at(-1)!)
  }
}

const server = await startKioskServer({ idleTimeoutSeconds, idleWarningSeconds }, { appRoot })
const kioskBrowser = await launchKioskBrowser()
const { page } = kioskBrowser
page.setDefaultTimeout(30_000)
page.on('console', (message) => {
  if (message.type() === 'error') errors.push(`console: ${message.text()}`)
})
page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
page.on('crash', () => errors.push('the page crashed'))

const visitor = new ScriptedVisitor(page, seededRandom(Number(options.seed)))
const startedAtMs = Date.now()
const deadlineMs = startedAtMs + minutes * 60_000

async function idleResetAndSample(): Promise<void> {
  await visitor.walkAwayUntilIdleReset(idleResetMs)
  idleResets++
  const memory = await readPageMemoryMetrics(page)
  const webgl = (await readKioskDiagnostics(page)).webgl
  const frames = summariseFrameTimes(frameIntervalsMs)
  frameIntervalsMs = []
  const sample: Sample = {
    minute: (Date.now() - startedAtMs) / 60_000,
    jsHeapUsedMb: memory.jsHeapUsedBytes / (1024 * 1024),
    documentElements: memory.documentElementCount,
    blinkNodes: memory.blinkNodeCount,
    jsEventListeners: memory.jsEventListenerCount,
    webglGeometries: webgl?.geometries ?? 0,
    webglTextures: webgl?.textures ?? 0,
    webglPrograms: webgl?.programs ?? 0,
    frameP50Ms: frames.p50Ms,
    frameP95Ms: frames.p95Ms,
    exhibitVisits,
    idleResets,
    packInstalls,
    errors: errors.length,
  }
  samples.push(sample)
  await writeFile(
    path.join(outDir, 'soak.csv'),
    [
      csvColumns.join(','),
      ...samples.map((s) =>
        csvColumns.map((c) => (Number.isInteger(s[c]) ? s[c] : s[c].toFixed(3))).join(','),
      ),
    ].join('\n') + '\n',
  )
  log(
    `minute ${sample.minute.toFixed(1)}: heap ${sample.jsHeapUsedMb.toFixed(1)} MB, ${sample.documentElements} elements (${sample.blinkNodes} Blink nodes), ` +
      `${sample.jsEventListeners} listeners, webgl ${sample.webglGeometries}g/${sample.webglTextures}t/${sample.webglPrograms}p, ` +
      `frames p50 ${sample.frameP50Ms.toFixed(1)} p95 ${sample.frameP95Ms.toFixed(1)} ms, ${exhibitVisits} visits, ${errors.length} errors`,
  )
}

let lastSampleAtMs = Date.now()
let lastPackAtMs = startedAtMs - packEveryMs + 60_000 // the first install after about a minute
try {
  await page.goto(server.url)
  await page.locator('[data-screen="attract"]').waitFor({ state: 'visible' })
  log(`soaking ${minutes} min against ${server.url}; results in ${outDir}`)
  let cycle = 0
  let failedVisits = 0
  let isWarmedUp = false
  while (Date.now() < deadlineMs) {
    try {
      await visitor.goToMenu()
      if (cycle % 2 === 1) await visitor.switchLanguage()
      const ids = await visitor.menuExhibitIds()
      for (const [index, id] of ids.entries()) {
        if (index > 0) await visitor.goToMenu()
        const intervals = await visitor.playExhibit(id, 4_000, index === cycle % ids.length)
        frameIntervalsMs.push(...intervals)
        exhibitVisits++
      }
    } catch (error) {
      const screen = await readKioskDiagnostics(page).then(
        (d) => `${d.screen}/${d.exhibit ?? '-'}`,
        () => 'unknown',
      )
      const message = (error as Error).message.split('\n')
      const waitedFor = message.find((line) => line.includes('waiting for'))?.trim() ?? ''
      errors.push(`a scripted visit failed on ${screen}: ${message[0]} ${waitedFor}`.trim())
      log(errors.at(-1)!)
      await page
        .screenshot({ path: path.join(outDir, `failed-visit-${failedVisits + 1}.png`) })
        .catch(() => undefined)
      if (++failedVisits >= maxFailedVisits)
        throw new Error(`${failedVisits} visits failed; giving up`, { cause: error })
      await page.reload()
    }
    cycle++
    // The first sample comes after one full round, once every exhibit's code has loaded.
    if (!isWarmedUp || Date.now() - lastSampleAtMs >= sampleEveryMs) {
      await idleResetAndSample()
      isWarmedUp = true
      lastSampleAtMs = Date.now()
    }
    if (Date.now() - lastPackAtMs >= packEveryMs) {
      await installTestPack(server.dataDir)
      lastPackAtMs = Date.now()
    }
  }
  await visitor.goToMenu()
  await idleResetAndSample()
} catch (error) {
  errors.push(`the scripted visit failed: ${(error as Error).message.split('\n')[0]}`)
  log(errors.at(-1)!)
} finally {
  await kioskBrowser.close()
  await server.stop()
  await rm(snapshotDir, { recursive: true, force: true })
}

// Judge from the trend of all samples, relative to the first (warmed-up) one.
const trendOf = (metric: keyof Sample): TrendPoint[] =>
  samples.map((s) => ({ minute: s.minute, value: s[metric] }))
const verdicts = Object.entries(tolerances).map(([metric, tolerance]) =>
  judgeGrowth(metric, trendOf(metric as keyof Sample), tolerance),
)
const svg = renderSoakSvg(
  `Songyun soak: ${minutes} min, ${exhibitVisits} exhibit visits, ${idleResets} idle resets, ${packInstalls} pack installs, ${errors.length} errors`,
  samples.map((s) => s.minute),
  [
    { title: 'JS heap used', unit: 'MB', values: samples.map((s) => s.jsHeapUsedMb) },
    {
      title: 'Elements in the document',
      unit: 'count',
      values: samples.map((s) => s.documentElements),
    },
    {
      title: 'Blink DOM nodes (incl. detached)',
      unit: 'count',
      values: samples.map((s) => s.blinkNodes),
    },
    { title: 'JS event listeners', unit: 'count', values: samples.map((s) => s.jsEventListeners) },
    {
      title: 'WebGL geometries + textures',
      unit: 'count',
      values: samples.map((s) => s.webglGeometries + s.webglTextures),
    },
    { title: 'Frame time p95 in exhibits', unit: 'ms', values: samples.map((s) => s.frameP95Ms) },
    { title: 'Errors (cumulative)', unit: 'count', values: samples.map((s) => s.errors) },
  ],
)
await writeFile(path.join(outDir, 'soak.svg'), svg)
await writeFile(path.join(outDir, 'errors.log'), errors.join('\n') + (errors.length ? '\n' : ''))
const summary = {
  minutes,
  seed: Number(options.seed),
  samples: samples.length,
  exhibitVisits,
  idleResets,
  packInstalls,
  errors,
  verdicts,
}
await writeFile(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 2))

for (const v of verdicts) {
  log(
    `${v.isGrowing ? 'GROWS' : 'flat '} ${v.metric}: fitted growth ${v.fittedGrowth.toFixed(2)} (allowed ${v.allowedGrowth.toFixed(2)}) from ${v.startValue.toFixed(2)}`,
  )
}
const growing = verdicts.filter((v) => v.isGrowing)
if (samples.length < 3)
  log(`only ${samples.length} samples: too few to judge a trend (run ≥ 3 minutes)`)
if (errors.length > 0) log(`${errors.length} errors, first: ${errors[0]}`)
log(`CSV, plot and summary in ${outDir}`)
process.exitCode = growing.length > 0 || errors.length > 0 ? 1 : 0
