import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseByteRange } from './byteRange'
import { mimeTypeOf } from './mimeTypes'

/** How to answer for one file. */
export interface FileResponseOptions {
  /** The request's `Range` header, if any. */
  readonly rangeHeader?: string | null
  /** Headers the caller adds (cache policy, CSP). */
  readonly extraHeaders?: Readonly<Record<string, string>>
  /** The type to send; by default the file's by its extension (main/web/mimeTypes.ts). */
  readonly contentType?: string
  /** A HEAD request: the headers without opening the file. */
  readonly isHead?: boolean
}

/**
 * The one answer both shells give for a file, before it is written in either shell's terms: its
 * status, its headers, and the bytes to send (none for HEAD or 416).
 */
export interface FileAnswer {
  readonly status: 200 | 206 | 416
  readonly headers: Readonly<Record<string, string>>
  /** Inclusive byte range of the file to send; undefined when no body is sent. */
  readonly body: { readonly start: number; readonly end: number } | undefined
}

/**
 * What to answer for a file: its type, `nosniff`, byte ranges (206, or 416 outside the file) so
 * audio can seek. Undefined when the path is not a regular file, so the caller answers 404.
 */
export async function planFileAnswer(
  filePath: string,
  options: FileResponseOptions = {},
): Promise<FileAnswer | undefined> {
  let size: number
  try {
    const info = await stat(filePath)
    if (!info.isFile()) return undefined
    size = info.size
  } catch {
    return undefined
  }
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? mimeTypeOf(filePath),
    'Accept-Ranges': 'bytes',
    ...options.extraHeaders,
    // After the caller's headers: no caller may let a browser guess a file's type (a pack's
    // text file sniffed as HTML would run in the kiosk's origin).
    'X-Content-Type-Options': 'nosniff',
  }
  const range = parseByteRange(options.rangeHeader ?? undefined, size)
  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
      body: undefined,
    }
  }
  const whole = { start: 0, end: size - 1 }
  const sent = range ?? whole
  const body = options.isHead || size === 0 ? undefined : sent
  if (!range) {
    return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, body }
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
    body,
  }
}

/**
 * {@link planFileAnswer} as a web `Response`, for Electron's app:// and pack:// protocols.
 * Undefined when the path is not a regular file, so the caller answers 404.
 */
export async function fileResponse(
  filePath: string,
  options: FileResponseOptions = {},
): Promise<Response | undefined> {
  const answer = await planFileAnswer(filePath, options)
  if (!answer) return undefined
  const body = answer.body
    ? (Readable.toWeb(createReadStream(filePath, answer.body)) as ReadableStream<Uint8Array>)
    : null
  return new Response(body, { status: answer.status, headers: answer.headers })
}

/**
 * Sends {@link planFileAnswer} over Node's HTTP server, straight from a file stream. (Not through
 * `fileResponse`: in Node 20 the first touch of the global `Response` loads undici, 80–500 ms of
 * compiling that delayed the browser shell's first script after a start; docs/performance.md.)
 * Returns false when the path is not a regular file, so the caller can answer 404.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  options: Omit<FileResponseOptions, 'rangeHeader' | 'isHead'> = {},
): Promise<boolean> {
  const answer = await planFileAnswer(filePath, {
    ...options,
    rangeHeader: request.headers.range,
    isHead: request.method === 'HEAD',
  })
  if (!answer) return false
  response.writeHead(answer.status, answer.headers)
  if (!answer.body) {
    response.end()
    return true
  }
  await pipeline(createReadStream(filePath, answer.body), response).catch(() => {
    // The client went away mid-file (a seek, a closed page): nothing to clean up.
  })
  return true
}

/**
 * Sends a whole file already in memory (main/web/firstScreenFiles.ts) in one write, with the
 * headers {@link sendFile} gives it. For a request without a `Range` header: the caller sends
 * ranged requests through `sendFile`.
 */
export function sendFileBytes(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  bytes: Buffer,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(200, {
    'Content-Type': mimeTypeOf(filePath),
    'Accept-Ranges': 'bytes',
    ...extraHeaders,
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(bytes.length),
  })
  if (request.method === 'HEAD') response.end()
  else response.end(bytes)
}
