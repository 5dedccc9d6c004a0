import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
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
 * The one answer both shells give for a file (the browser shell's HTTP host, Electron's app://
 * and pack:// protocols): its type, `nosniff`, byte ranges (206, or 416 outside the file) so
 * audio can seek. Undefined when the path is not a regular file, so the caller answers 404.
 */
export async function fileResponse(
  filePath: string,
  options: FileResponseOptions = {},
): Promise<Response | undefined> {
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
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
    })
  }
  const body = options.isHead
    ? null
    : (Readable.toWeb(createReadStream(filePath, range ?? {})) as ReadableStream<Uint8Array>)
  if (!range) {
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Length': String(size) },
    })
  }
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
  })
}

/**
 * Sends {@link fileResponse} over Node's HTTP server. Returns false when the path is not a
 * regular file, so the caller can answer 404.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  options: Omit<FileResponseOptions, 'rangeHeader' | 'isHead'> = {},
): Promise<boolean> {
  const answer = await fileResponse(filePath, {
    ...options,
    rangeHeader: request.headers.range,
    isHead: request.method === 'HEAD',
  })
  if (!answer) return false
  response.writeHead(answer.status, Object.fromEntries(answer.headers))
  if (!answer.body) {
    response.end()
    return true
  }
  await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), response).catch(
    () => {
      // The client went away mid-file (a seek, a closed page): nothing to clean up.
    },
  )
  return true
}
