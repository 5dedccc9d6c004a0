import { describe, expect, it } from 'vitest'
import { LogFileOpenedLater } from '../../../main/cli/logFileOpenedLater'
import type { RotatingLogFile } from '../../../main/services/rotatingLogFile'

function recordingFile(): RotatingLogFile & { lines: string[]; isClosed: boolean } {
  const file = {
    filePath: 'songyun.log',
    lines: [] as string[],
    isClosed: false,
    writeLine: (line: string) => void file.lines.push(line),
    close: async () => void (file.isClosed = true),
  }
  return file
}

// `songyun serve` opens its log after listening (docs/performance.md "Start-up"); nothing logged
// before that may be lost or reordered.
describe('a log file opened after listening', () => {
  it('writes the lines logged before it opened, in order, then the later ones', async () => {
    const log = new LogFileOpenedLater()
    log.writeLine('one')
    log.writeLine('two')
    const file = recordingFile()
    await log.open(async () => file)
    log.writeLine('three')
    expect(file.lines).toEqual(['one', 'two', 'three'])
  })

  it('closes the file once it has opened, even when closed while opening', async () => {
    const log = new LogFileOpenedLater()
    const file = recordingFile()
    let finishOpening!: () => void
    void log.open(() => new Promise((resolve) => (finishOpening = () => resolve(file))))
    log.writeLine('before')
    const closed = log.close()
    finishOpening()
    await closed
    expect(file.lines).toEqual(['before'])
    expect(file.isClosed).toBe(true)
  })

  it('drops the lines when the file cannot be opened, without throwing', async () => {
    const log = new LogFileOpenedLater()
    log.writeLine('lost')
    await log.open(async () => {
      throw new Error('read-only folder')
    })
    expect(() => log.writeLine('also lost')).not.toThrow()
    await expect(log.close()).resolves.toBeUndefined()
  })
})
