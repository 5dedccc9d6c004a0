import { execFile } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { AnalyticsEvent } from '../../../../src/contract/areas/analytics'
import { layoutKeepsake } from '../../../../src/keepsake/keepsakeLayout'
import { manifestSchema } from '../../../../src/pack/manifestSchema'
import { settingsSchema, type Settings } from '../../../../src/settings/settingsSchema'
import type { CommandRunner } from '../../../../main/services/commandRunner'
import { runCommandWithExecFile } from '../../../../main/services/commandRunner'
import type { ActivePack } from '../../../../main/services/contentService'
import { chromiumPdfRenderer } from '../../../../main/services/keepsake/keepsakePdf'
import { KeepsakeService } from '../../../../main/services/keepsake/keepsakeService'
import { manualClock, recordingLogger, useTempDirs } from '../../support/tempDataDir'

const run = promisify(execFile)
const builtinPackDir = path.resolve('assets/packs/songyun.core')
const tempDir = useTempDirs()

/** The built-in pack with a venue and its mark, as a venue's own pack would give them. */
async function builtinPackWithVenue(): Promise<ActivePack> {
  const raw = JSON.parse(await readFile(path.join(builtinPackDir, 'manifest.json'), 'utf8'))
  const manifest = manifestSchema.parse({
    ...raw,
    venue: {
      name: { 'zh-CN': '杭州宋韵馆', en: 'Hangzhou Song Gallery' },
      mark: 'images/tea-whisking.svg',
    },
  })
  return { manifest, rootDir: builtinPackDir }
}

/** A PPM (P6) image's size and bytes, as ffmpeg and pdftoppm write it. */
function parsePpm(data: Buffer) {
  const header = data.subarray(0, 64).toString('latin1')
  const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!
  return {
    width: Number(match[1]),
    height: Number(match[2]),
    pixels: data.subarray(match[0].length),
  }
}

async function serviceIn(
  dataDir: string,
  overrides: {
    settings?: Partial<Settings>
    runCommand?: CommandRunner
    renderPdf?: (htmlPath: string, pdfPath: string) => Promise<void>
  } = {},
) {
  const clock = manualClock(Date.UTC(2026, 11, 6, 2))
  const logger = recordingLogger()
  const recorded: AnalyticsEvent[] = []
  const lpCalls: string[][] = []
  let settings = settingsSchema.parse({ keepsakePrinter: 'desk', ...overrides.settings })
  const pack = await builtinPackWithVenue()
  const service = new KeepsakeService({
    dataDir,
    clock,
    logger,
    settings: () => settings,
    timeZone: () => 'Asia/Shanghai',
    activePacks: async () => [pack],
    record: async (event) => void recorded.push(event),
    runCommand:
      overrides.runCommand ??
      (async (program, args) => {
        lpCalls.push([program, ...args])
        return 'request id is desk-1 (1 file(s))\n'
      }),
    renderPdf:
      overrides.renderPdf ?? (async (_html, pdfPath) => writeFile(pdfPath, '%PDF-1.4 stand-in\n')),
  })
  return {
    service,
    clock,
    logger,
    recorded,
    lpCalls,
    setSettings: (patch: Partial<Settings>) => (settings = { ...settings, ...patch }),
  }
}

/** A picture a visitor might have made: ffmpeg's test pattern, as PNG and as raw pixels. */
async function testPicture(dir: string, widthPx: number, heightPx: number) {
  const png = path.join(dir, 'picture.png')
  const ppm = path.join(dir, 'picture.ppm')
  for (const out of [png, ppm]) {
    await run('ffmpeg', [
      ...['-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${widthPx}x${heightPx}`],
      ...['-frames:v', '1', '-y', out],
    ])
  }
  return {
    dataUrl: `data:image/png;base64,${(await readFile(png)).toString('base64')}`,
    pixels: parsePpm(await readFile(ppm)),
  }
}

const woodblockArgs = (picture: string) => ({
  visitId: 'boot-1',
  exhibitId: 'woodblock-printing',
  language: 'zh-CN',
  picture,
  pictureAspect: 0.75,
})

describe('the keepsake service', () => {
  it('prints the visitor’s picture, both captions, the seal and the venue to a PDF and sends it with lp -d', async () => {
    const dataDir = await tempDir()
    const { service, lpCalls, recorded } = await serviceIn(dataDir, {
      renderPdf: chromiumPdfRenderer(runCommandWithExecFile),
    })
    const layout = layoutKeepsake({
      paper: 'a6',
      kind: 'woodblock-printing',
      exhibitTitle: { 'zh-CN': '', en: '' },
      caption: { 'zh-CN': '', en: '' },
      sealText: '',
      hasVenueMark: true,
      dateLines: [],
      language: 'zh-CN',
      pictureAspect: 0.75,
    })
    const picture = await testPicture(dataDir, layout.picture.widthPx, layout.picture.heightPx)
    expect(await service.print(woodblockArgs(picture.dataUrl))).toEqual({ outcome: 'printed' })

    const dayFolder = path.join(dataDir, 'keepsakes', '2026-12-06')
    const [pdfName] = await readdir(dayFolder)
    const pdfPath = path.join(dayFolder, pdfName!)
    expect(lpCalls).toEqual([['lp', '-d', 'desk', '--', pdfPath]])
    expect(recorded).toEqual([{ type: 'keepsake-printed', exhibitId: 'woodblock-printing' }])

    const { stdout: text } = await run('pdftotext', ['-layout', pdfPath, '-'])
    for (const expected of [
      '亲手刻版、刷墨、印成的一页',
      'A page I carved, inked and printed by hand',
      '宋韵',
      '雕版印刷',
      'Woodblock printing',
      '丙午年十月廿八',
      '6 December 2026',
      '杭州宋韵馆',
      'Hangzhou Song Gallery',
    ]) {
      // The 版心 column is set spaced out; pdftotext reads its letter spacing as spaces.
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''))
    }
    const { stdout: info } = await run('pdfinfo', [pdfPath])
    // A6: 105 × 148 mm is 297.6 × 419.5 pt (Chromium rounds the page to whole CSS pixels).
    const [, widthPt, heightPt] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
    expect(Math.abs(Number(widthPt) - 297.6)).toBeLessThan(1)
    expect(Math.abs(Number(heightPt) - 419.5)).toBeLessThan(1)
    expect(info).toMatch(/Pages:\s+1\n/)

    // The picture on the page is the visitor's, pixel for pixel at 300 dpi (within the PDF's
    // resampling): rasterise the page and compare the picture's box with the source.
    await run('pdftoppm', ['-r', '300', '-singlefile', pdfPath, path.join(dataDir, 'page')])
    const page = parsePpm(await readFile(path.join(dataDir, 'page.ppm')))
    const pxPerMm = 300 / 25.4
    const left = layout.picture.xMm * pxPerMm
    const top = layout.picture.yMm * pxPerMm
    let totalDifference = 0
    let samples = 0
    for (let sy = 0.05; sy < 0.95; sy += 0.03) {
      for (let sx = 0.05; sx < 0.95; sx += 0.03) {
        const px = Math.round(left + sx * layout.picture.widthMm * pxPerMm)
        const py = Math.round(top + sy * layout.picture.heightMm * pxPerMm)
        const qx = Math.floor(sx * picture.pixels.width)
        const qy = Math.floor(sy * picture.pixels.height)
        for (let c = 0; c < 3; c++) {
          totalDifference += Math.abs(
            page.pixels[(py * page.width + px) * 3 + c]! -
              picture.pixels.pixels[(qy * picture.pixels.width + qx) * 3 + c]!,
          )
          samples += 1
        }
      }
    }
    expect(totalDifference / samples).toBeLessThan(12)
  }, 120_000)

  it('holds the limits: one card a visit, a daily cap, and the next day starts afresh', async () => {
    const dataDir = await tempDir()
    const { service, clock, recorded, lpCalls } = await serviceIn(dataDir, {
      settings: { keepsakesPerVisit: 1, keepsakesPerDay: 2 },
    })
    const args = woodblockArgs('data:image/png;base64,AAAA')
    expect(await service.print(args)).toEqual({ outcome: 'printed' })
    expect(await service.print(args)).toEqual({ outcome: 'ask-at-desk' })
    expect(await service.print({ ...args, visitId: 'boot-2' })).toEqual({ outcome: 'printed' })
    expect(await service.print({ ...args, visitId: 'boot-3' })).toEqual({ outcome: 'ask-at-desk' })
    expect(lpCalls).toHaveLength(2)
    expect(recorded.map((e) => ('reason' in e ? e.reason : e.type))).toEqual([
      'keepsake-printed',
      'visit-limit',
      'keepsake-printed',
      'daily-cap',
    ])
    expect((await service.staffState()).printedToday).toBe(2)
    // A restart counts today's cards from the folder: the cap still holds.
    const restarted = (await serviceIn(dataDir, { settings: { keepsakesPerDay: 2 } })).service
    expect(await restarted.print({ ...args, visitId: 'boot-4' })).toEqual({
      outcome: 'ask-at-desk',
    })
    clock.advance(24 * 3600_000)
    expect(await service.print({ ...args, visitId: 'boot-5' })).toEqual({ outcome: 'printed' })
    // Yesterday's PDFs are gone with the new day's first card.
    expect(await readdir(path.join(dataDir, 'keepsakes'))).toEqual(['2026-12-07'])
  })

  it('sends the visitor to the desk and tells staff why when lp fails, and keeps the PDF for export', async () => {
    const dataDir = await tempDir()
    const failing: CommandRunner = async () => {
      throw new Error(
        'lp failed with exit code 1: lp: Error - The printer or class does not exist.',
      )
    }
    const { service, recorded, logger } = await serviceIn(dataDir, { runCommand: failing })
    const args = woodblockArgs('data:image/png;base64,AAAA')
    expect(await service.print(args)).toEqual({ outcome: 'ask-at-desk' })
    const status = service.printerStatus()
    expect(status).toMatchObject({ state: 'error', reason: 'missing', printerName: 'desk' })
    expect(status.lastError).toMatch(/CUPS has no printer "desk".*lpstat -a/)
    expect(recorded).toEqual([
      { type: 'keepsake-refused', exhibitId: 'woodblock-printing', reason: 'printer-error' },
    ])
    expect(logger.lines.some((l) => l.level === 'error' && /keepsake:/.test(l.message))).toBe(true)
    // The refused card does not use up the visit's allowance, and is kept for the stick.
    const [name] = await readdir(path.join(dataDir, 'keepsakes', '2026-12-06'))
    expect(name).toMatch(/\.not-printed\.pdf$/)
    const stick = await tempDir()
    expect(await service.exportToday(stick)).toMatchObject({ fileCount: 1 })
    expect(await readdir(path.join(stick, 'songyun-keepsakes-2026-12-06'))).toEqual([name])
  })

  it('names lp and CUPS when there is no CUPS client, and reads out of paper and offline', async () => {
    const missing = Object.assign(new Error('spawn lp ENOENT'), { code: 'ENOENT' })
    const cases: [Error, string, RegExp][] = [
      [missing, 'missing', /`lp` was not found.*CUPS client.*cups-client/],
      [new Error('lp failed with exit code 1: media-empty'), 'out-of-paper', /out of paper/],
      [
        new Error('lp failed with exit code 1: lp: Destination "desk" is not accepting jobs.'),
        'offline',
        /offline/,
      ],
    ]
    for (const [error, reason, message] of cases) {
      const { service } = await serviceIn(await tempDir(), {
        runCommand: async () => {
          throw error
        },
      })
      expect(await service.print(woodblockArgs('data:image/png;base64,AAAA'))).toEqual({
        outcome: 'ask-at-desk',
      })
      expect(service.printerStatus()).toMatchObject({ state: 'error', reason })
      expect(service.printerStatus().lastError).toMatch(message)
    }
  })

  it('sends the visitor to the desk without a printer, and lists printers from lpstat -a', async () => {
    const dataDir = await tempDir()
    const { service, setSettings } = await serviceIn(dataDir, {
      settings: { keepsakePrinter: undefined },
      runCommand: async (program, args) => {
        expect([program, ...args]).toEqual(['lpstat', '-a'])
        return 'desk accepting requests since Sun 06 Dec 2026\nshop_A6 accepting requests since Sun 06 Dec 2026\n'
      },
    })
    expect(service.printerStatus().state).toBe('not-configured')
    expect(await service.print(woodblockArgs('data:image/png;base64,AAAA'))).toEqual({
      outcome: 'ask-at-desk',
    })
    expect(await service.listPrinters()).toEqual({ printers: ['desk', 'shop_A6'] })
    setSettings({ keepsakePrinter: 'shop_A6', keepsakePaper: 'a5' })
    expect(service.printerStatus()).toEqual({ state: 'ready', printerName: 'shop_A6' })
  })

  it('names the kind of listing problem so the admin screen can say it in its own language', async () => {
    const missingClient = await serviceIn(await tempDir(), {
      runCommand: () =>
        Promise.reject(Object.assign(new Error('spawn lpstat ENOENT'), { code: 'ENOENT' })),
    })
    expect(await missingClient.service.listPrinters()).toMatchObject({
      printers: [],
      problemKind: 'no-cups-client',
      problem: expect.stringContaining('cups-client'),
    })
    const noScheduler = await serviceIn(await tempDir(), {
      runCommand: () => Promise.reject(new Error('lpstat: Bad file descriptor')),
    })
    expect(await noScheduler.service.listPrinters()).toMatchObject({
      printers: [],
      problemKind: 'listing-failed',
      problem: 'lpstat -a failed: lpstat: Bad file descriptor',
    })
  })
})
