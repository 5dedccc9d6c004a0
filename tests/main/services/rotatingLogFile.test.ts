import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createConsoleLogger } from '../../../main/services/logger'
import { logsDir, openRotatingLogFile } from '../../../main/services/rotatingLogFile'
import { useTempDirs } from '../support/tempDataDir'

describe('rotating log file in <data>/logs', () => {
  const tempDir = useTempDirs()

  it('writes the logger lines to <data>/logs/songyun.log, creating the folder', async () => {
    const dataDir = await tempDir()
    const logFile = openRotatingLogFile(dataDir)
    const logger = createConsoleLogger(10, (line) => logFile.writeLine(line))
    logger.info('kiosk started')
    logger.error('renderer gone (crashed, exit 139); reloading')
    await logFile.close()
    expect(logFile.filePath).toBe(path.join(dataDir, 'logs', 'songyun.log'))
    const lines = (await readFile(logFile.filePath, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ INFO kiosk started$/)
    expect(lines[1]).toMatch(/ ERROR renderer gone \(crashed, exit 139\); reloading$/)
    expect(logger.recentLines()).toEqual(lines)
  })

  it('rotates by size and keeps only the newest rotated files', async () => {
    const dataDir = await tempDir()
    const logFile = openRotatingLogFile(dataDir, {
      maxFileSize: '1K',
      interval: '1d',
      maxRotatedFiles: 2,
    })
    const line = 'x'.repeat(200)
    for (let i = 0; i < 40; i++) {
      logFile.writeLine(`${i} ${line}`)
      // Give the stream a turn so it can rotate between writes, as a live kiosk would.
      await new Promise((resolve) => setImmediate(resolve))
    }
    await logFile.close()
    const files = (await readdir(logsDir(dataDir))).filter((f) => f.endsWith('songyun.log'))
    expect(files).toContain('songyun.log')
    const rotated = files.filter((f) => f !== 'songyun.log')
    expect(rotated.length).toBeGreaterThanOrEqual(1)
    expect(rotated.length).toBeLessThanOrEqual(2)
    const current = await readFile(path.join(logsDir(dataDir), 'songyun.log'), 'utf8')
    expect(current.length).toBeLessThanOrEqual(1024 + line.length + 10)
    expect(current).toContain('39 ')
  })

  it('never throws when the folder cannot be written; it reports once', async () => {
    const dataDir = await tempDir()
    const blocked = path.join(dataDir, 'not-a-folder')
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(blocked, 'a file where the data folder should be'),
    )
    const logFile = openRotatingLogFile(blocked)
    expect(() => logFile.writeLine('still running')).not.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(() => logFile.writeLine('still running')).not.toThrow()
    await logFile.close()
  })
})
