import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { parseByteRange } from './byteRange'
import { mimeTypeOf } from './mimeTypes'

/**
 * Sends a file with its MIME type, honouring a byte range (206) so audio can seek.
 * Returns false when the path is not a regular file, so the caller can answer 404.
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  filePath: string,
  extraHeaders: Record<string, string> = {},
  contentType: string = mimeTypeOf(filePath),
): Promise<boolean> {
  let size: number
  try {
    const info = await stat(filePath)
    if (!info.isFile()) return false
    size = info.size
  } catch {
    return false
  }
  const range = parseByteRange(request.headers.range, size)
  const headers: Record<string, string | number> = {
    'Content-Type': contentType,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  }
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end()
    return true
  }
  if (range) {
    response.writeHead(206, {
      ...headers,
      'Content-Length': range.end - range.start + 1,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    })
  } else {
    response.writeHead(200, { ...headers, 'Content-Length': size })
  }
  if (request.method === 'HEAD') {
    response.end()
    return true
  }
  await pipeline(createReadStream(filePath, range ?? {}), response).catch(() => {
    // The client went away mid-file (a seek, a closed page): nothing to clean up.
  })
  return true
}
