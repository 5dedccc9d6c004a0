import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileResponse } from '../../../main/web/fileResponder'
import { useTempDirs } from '../support/tempDataDir'

describe('fileResponse', () => {
  const tempDir = useTempDirs()

  async function textFile(): Promise<string> {
    const filePath = path.join(await tempDir(), 'notes.txt')
    await writeFile(filePath, '0123456789')
    return filePath
  }

  it('carries nosniff on every answer, whatever headers the caller adds', async () => {
    const filePath = await textFile()
    const extraHeaders = { 'X-Content-Type-Options': '', 'Cache-Control': 'no-cache' }
    const answers = await Promise.all([
      fileResponse(filePath, { extraHeaders }),
      fileResponse(filePath, { extraHeaders, rangeHeader: 'bytes=2-4' }),
      fileResponse(filePath, { extraHeaders, rangeHeader: 'bytes=50-' }),
      fileResponse(filePath, { extraHeaders, isHead: true }),
    ])
    expect(answers.map((answer) => answer?.status)).toEqual([200, 206, 416, 200])
    for (const answer of answers) {
      expect(answer?.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer?.headers.get('cache-control')).toBe('no-cache')
    }
  })

  it('answers the range asked for, the type by extension unless given, and no body for HEAD', async () => {
    const filePath = await textFile()
    const part = await fileResponse(filePath, { rangeHeader: 'bytes=2-4' })
    expect(part?.headers.get('content-range')).toBe('bytes 2-4/10')
    expect(part?.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await part?.text()).toBe('234')
    const typed = await fileResponse(filePath, { contentType: 'text/vtt; charset=utf-8' })
    expect(typed?.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    await typed?.body?.cancel()
    const head = await fileResponse(filePath, { isHead: true })
    expect(head?.headers.get('content-length')).toBe('10')
    expect(head?.body).toBeNull()
  })

  it('is undefined for a folder or a missing file, so the caller answers 404', async () => {
    const folder = await tempDir()
    expect(await fileResponse(folder)).toBeUndefined()
    expect(await fileResponse(path.join(folder, 'missing.png'))).toBeUndefined()
  })
})
