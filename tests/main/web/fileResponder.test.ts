import { writeFile } from 'node:fs/promises'
import { createServer, get as httpGet, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileResponse, sendFile } from '../../../main/web/fileResponder'
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

describe('sendFile', () => {
  const tempDir = useTempDirs()

  /** Serves `filePath` with sendFile on a local port and fetches it once with node:http. */
  async function sendOnce(
    filePath: string,
    requestHeaders: Record<string, string>,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
    const server = createServer((request, response) => {
      void sendFile(request, response, filePath, { extraHeaders: { 'Cache-Control': 'no-cache' } })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      return await new Promise((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port, path: '/', headers: requestHeaders }, (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          )
        }).on('error', reject)
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  }

  // In Node 20 the first touch of the global Response loads undici (80–500 ms of compiling on
  // the kiosk's machine), which held back the browser shell's first script after every start.
  it('writes the file to Node’s response without touching the global web Response', async () => {
    const filePath = path.join(await tempDir(), 'notes.txt')
    await writeFile(filePath, '0123456789')
    const original = Object.getOwnPropertyDescriptor(globalThis, 'Response')!
    let touches = 0
    Object.defineProperty(globalThis, 'Response', {
      configurable: true,
      get: () => {
        touches++
        return original.value as unknown
      },
    })
    try {
      const part = await sendOnce(filePath, { Range: 'bytes=2-4' })
      expect(part.status).toBe(206)
      expect(part.body).toBe('234')
      expect(part.headers['content-range']).toBe('bytes 2-4/10')
      expect(part.headers['x-content-type-options']).toBe('nosniff')
      expect(part.headers['cache-control']).toBe('no-cache')
      const whole = await sendOnce(filePath, {})
      expect([whole.status, whole.body, whole.headers['content-length']]).toEqual([
        200,
        '0123456789',
        '10',
      ])
    } finally {
      Object.defineProperty(globalThis, 'Response', original)
    }
    expect(touches).toBe(0)
  })
})
