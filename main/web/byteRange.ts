/** An inclusive byte range of a file. */
export interface ByteRange {
  readonly start: number
  readonly end: number
}

/**
 * Parses a single-range `Range: bytes=…` header against a file size (RFC 9110 §14.1.2).
 * Returns `undefined` for no usable header (send the whole file) and `'unsatisfiable'` for a
 * range outside the file (416). Multi-range requests are answered with the whole file.
 */
export function parseByteRange(
  header: string | undefined,
  fileSize: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined
  const [, startText = '', endText = ''] = match
  if (startText === '' && endText === '') return undefined
  if (startText === '') {
    const suffixLength = Number(endText)
    if (suffixLength === 0) return 'unsatisfiable'
    return { start: Math.max(0, fileSize - suffixLength), end: fileSize - 1 }
  }
  const start = Number(startText)
  const end = endText === '' ? fileSize - 1 : Math.min(Number(endText), fileSize - 1)
  if (start >= fileSize || start > end) return 'unsatisfiable'
  return { start, end }
}
