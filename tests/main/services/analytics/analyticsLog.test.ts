import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  exportAnalyticsCsv,
  summarizeAnalyticsFolder,
} from '../../../../main/services/analytics/analyticsLog'
import { useTempDirs } from '../../support/tempDataDir'

vi.mock('electron')

const line = (value: object) => `${JSON.stringify(value)}\n`

describe('analytics aggregation and CSV export', () => {
  const tempDir = useTempDirs()

  async function writeDays(): Promise<string> {
    const folder = path.join(await tempDir(), 'analytics')
    await mkdir(folder)
    await writeFile(
      path.join(folder, '2026-11-27.jsonl'),
      line({ type: 'visit-start', language: 'zh-CN', at: '2026-11-27T02:10:00.000Z' }) +
        line({ type: 'exhibit-enter', exhibitId: 'tea', at: '2026-11-27T02:11:00.000Z' }) +
        line({
          type: 'exhibit-leave',
          exhibitId: 'tea',
          dwellMs: 60_000,
          at: '2026-11-27T02:12:00.000Z',
        }) +
        line({ type: 'language-switch', from: 'zh-CN', to: 'en', at: '2026-11-27T02:12:30.000Z' }) +
        line({ type: 'visit-start', language: 'en', at: '2026-11-27T09:05:00.000Z' }) +
        line({
          type: 'exhibit-leave',
          exhibitId: 'tea',
          dwellMs: 20_000,
          at: '2026-11-27T09:06:00.000Z',
        }) +
        line({
          type: 'exhibit-leave',
          exhibitId: 'woodblock',
          dwellMs: 90_000,
          at: '2026-11-27T09:08:00.000Z',
        }),
    )
    // A power cut tore the last line of the next day, and a visitor name never belongs here.
    await writeFile(
      path.join(folder, '2026-11-28.jsonl'),
      line({ type: 'visit-start', language: 'zh-CN', at: '2026-11-28T01:00:00.000Z' }) +
        line({ type: 'not-an-event', at: '2026-11-28T01:00:01.000Z' }) +
        '{"type":"visit-start","langu',
    )
    return folder
  }

  it('counts visits per local day and hour, dwell per exhibit and language share', async () => {
    const folder = await writeDays()
    const summary = await summarizeAnalyticsFolder(
      folder,
      '2026-11-26',
      '2026-11-28',
      'Asia/Shanghai',
    )
    expect(summary.totalVisits).toBe(3)
    expect(summary.visitsPerDay).toEqual([
      { day: '2026-11-26', visits: 0 },
      { day: '2026-11-27', visits: 2 },
      { day: '2026-11-28', visits: 1 },
    ])
    // 02:10Z is 10:10 in Shanghai, 09:05Z is 17:05, 01:00Z is 09:00.
    expect(summary.visitsPerHour[10]).toBe(1)
    expect(summary.visitsPerHour[17]).toBe(1)
    expect(summary.visitsPerHour[9]).toBe(1)
    expect(summary.visitsPerHour.reduce((a, b) => a + b, 0)).toBe(3)
    expect(summary.dwellPerExhibit).toEqual([
      { exhibitId: 'woodblock', views: 1, totalDwellMs: 90_000, averageDwellMs: 90_000 },
      { exhibitId: 'tea', views: 2, totalDwellMs: 80_000, averageDwellMs: 40_000 },
    ])
    expect(summary.languageShare).toEqual([
      { language: 'zh-CN', uses: 2, share: 0.5 },
      { language: 'en', uses: 2, share: 0.5 },
    ])
    expect(summary.skippedLines).toBe(2)
  })

  it('reads days in the kiosk zone: a late-evening UTC event belongs to the next local day', async () => {
    const folder = await writeDays()
    const summary = await summarizeAnalyticsFolder(
      folder,
      '2026-11-27',
      '2026-11-27',
      'America/New_York',
    )
    // In New York 02:10Z on the 27th is still the evening of the 26th, and 01:00Z on the 28th
    // is the evening of the 27th.
    expect(summary.totalVisits).toBe(2)
    expect(summary.visitsPerHour[20]).toBe(1)
  })

  it('exports one CSV row per event in range, with a header row', async () => {
    const folder = await writeDays()
    const out = path.join(await tempDir(), 'export.csv')
    const written = await exportAnalyticsCsv(
      folder,
      '2026-11-27',
      '2026-11-27',
      'Asia/Shanghai',
      out,
    )
    expect(written).toEqual({ rowCount: 7, skippedLines: 2 })
    const rows = (await readFile(out, 'utf8')).trim().split('\n')
    expect(rows[0]).toBe(
      'at,day,hour,type,language,from,to,exhibitId,dwellMs,durationMs,reason,cardId,stationId,trackId',
    )
    expect(rows).toHaveLength(8)
    expect(rows[3]).toBe('2026-11-27T02:12:00.000Z,2026-11-27,10,exhibit-leave,,,,tea,60000,,,,,')
    expect(rows.some((row) => row.includes('2026-11-28T01:00'))).toBe(false)
  })
})
