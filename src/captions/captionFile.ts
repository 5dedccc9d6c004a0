/** One timed line of a caption file, in the file's own language. */
export interface TimedCaption {
  readonly startSeconds: number
  readonly endSeconds: number
  readonly text: string
}

/** A caption file that cannot be read: names the file's line and what is wrong there. */
export class CaptionFileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

const srtTime = /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})$/

function srtSeconds(value: string, line: number): number {
  const match = srtTime.exec(value.trim())
  if (!match) throw new CaptionFileError(line, `"${value.trim()}" is not a time like 00:01:02,500`)
  const [, hours, minutes, seconds, millis] = match
  return (
    Number(hours) * 3600 +
    Number(minutes) * 60 +
    Number(seconds) +
    Number(millis!.padEnd(3, '0')) / 1000
  )
}

/** SubRip (.srt): numbered blocks of `start --> end` and one or more lines of text. */
export function parseSrt(text: string): TimedCaption[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const cues: TimedCaption[] = []
  let index = 0
  while (index < lines.length) {
    if (lines[index]!.trim() === '') {
      index += 1
      continue
    }
    // An optional cue number, then the timing line.
    if (/^\d+$/.test(lines[index]!.trim()) && lines[index + 1]?.includes('-->')) index += 1
    const timingLine = index + 1
    const timing = lines[index]!
    if (!timing.includes('-->')) {
      throw new CaptionFileError(timingLine, `expected "start --> end", found "${timing.trim()}"`)
    }
    const [from, to] = timing.split('-->')
    const startSeconds = srtSeconds(from!, timingLine)
    const endSeconds = srtSeconds(to!.trim().split(/\s+/)[0]!, timingLine)
    if (endSeconds <= startSeconds) {
      throw new CaptionFileError(timingLine, 'the cue ends before it starts')
    }
    index += 1
    const textLines: string[] = []
    while (index < lines.length && lines[index]!.trim() !== '') {
      textLines.push(lines[index]!.trim())
      index += 1
    }
    const cueText = textLines
      .join(' ')
      .replace(/<[^>]+>/g, '')
      .trim()
    if (cueText === '') throw new CaptionFileError(timingLine, 'the cue has no text')
    cues.push({ startSeconds, endSeconds, text: cueText })
  }
  if (cues.length === 0) throw new CaptionFileError(1, 'no cues found')
  return cues
}

const lrcStamp = /\[(\d{1,3}):(\d{2}(?:[.:]\d{1,3})?)\]/g

/**
 * LRC lyrics: `[mm:ss.xx]text` lines (several stamps may share a text). A cue lasts until the next
 * one starts; the last until the end of the recording. An empty line's stamp only ends the cue
 * before it. Tags such as [ar:…] and [offset:…] are read for the offset and otherwise skipped.
 */
export function parseLrc(text: string, durationSeconds: number): TimedCaption[] {
  const starts: { startSeconds: number; text: string }[] = []
  let offsetSeconds = 0
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, lineIndex) => {
      const line = raw.trim()
      if (line === '') return
      const offset = /^\[offset:\s*([+-]?\d+)\]$/i.exec(line)
      if (offset) {
        offsetSeconds = Number(offset[1]) / 1000
        return
      }
      if (/^\[[a-z]+:.*\]$/i.test(line)) return // metadata tag
      const stamps = [...line.matchAll(lrcStamp)]
      if (stamps.length === 0 || !line.startsWith('[')) {
        throw new CaptionFileError(lineIndex + 1, `expected "[mm:ss.xx] text", found "${line}"`)
      }
      const cueText = line.replace(lrcStamp, '').trim()
      for (const stamp of stamps) {
        const seconds = Number(stamp[1]) * 60 + Number(stamp[2]!.replace(':', '.'))
        starts.push({ startSeconds: Math.max(0, seconds - offsetSeconds), text: cueText })
      }
    })
  if (starts.length === 0) throw new CaptionFileError(1, 'no timed lines found')
  starts.sort((a, b) => a.startSeconds - b.startSeconds)
  const cues: TimedCaption[] = []
  starts.forEach((start, i) => {
    const endSeconds = starts[i + 1]?.startSeconds ?? durationSeconds
    if (start.text !== '' && endSeconds > start.startSeconds) {
      cues.push({ startSeconds: start.startSeconds, endSeconds, text: start.text })
    }
  })
  if (cues.length === 0) throw new CaptionFileError(1, 'no line has text')
  return cues
}

/** Parses a caption file by its ending (.srt or .lrc). */
export function parseCaptionFile(
  fileName: string,
  text: string,
  durationSeconds: number,
): TimedCaption[] {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.srt')) return parseSrt(text)
  if (lower.endsWith('.lrc')) return parseLrc(text, durationSeconds)
  throw new CaptionFileError(1, 'captions must be an .srt or .lrc file')
}
