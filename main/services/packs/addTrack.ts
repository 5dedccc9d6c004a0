import { createHash } from 'node:crypto'
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import {
  CaptionFileError,
  parseCaptionFile,
  type TimedCaption,
} from '../../../src/captions/captionFile'
import { createManifestSchema, localIdSchema } from '../../../src/pack/manifestSchema'
import { encodeAtTarget } from '../audio/encodeAtTarget'
import { FfmpegMissingError, runFfmpeg } from '../audio/ffmpegTool'
import { measureRecording } from '../audio/measureLoudness'

/** A caption file and the language it is written in (`undefined`: the same text for every one). */
export interface CaptionSource {
  readonly language?: string
  readonly file: string
}

/** What `songyun pack add-track` was asked to do. */
export interface AddTrackRequest {
  readonly packDir: string
  readonly audioFile: string
  readonly captions: readonly CaptionSource[]
  readonly instrumentId?: string
  readonly titleZh?: string
  readonly titleEn?: string
  /** Add the recording as this instrument's stem of a piece (made if new) instead of a track. */
  readonly stemOf?: string
  /** The track's id (default: from the audio file's name). */
  readonly trackId?: string
}

/** What add-track wrote. */
export interface AddedTrack {
  readonly audioPath: string
  readonly entryId: string
  readonly kind: 'track' | 'stem'
  readonly integratedLufs: number
  readonly truePeakDbtp: number
  readonly durationSeconds: number
}

/** Input the operator must fix; the message names the flag or file at fault. Nothing was written. */
export class AddTrackError extends Error {}

type Json = Record<string, unknown>
interface FolkExhibit extends Json {
  kind: 'folk-music'
  instruments: (Json & { id: string; tonicHz?: number; tracks?: Json[] })[]
  pieces?: (Json & { id: string; stems: { instrumentId: string; audio: string }[] })[]
}

/**
 * `songyun pack add-track`: a venue's recording (WAV, FLAC, MP3…) into a pack folder — converted to
 * Ogg Opus by the system's ffmpeg at the kiosk's loudness (docs/loudness.md), its captions read
 * (SRT, LRC), its manifest entry and its `files` line (size, hash, loudness) written. Every check
 * runs before anything is written, and the manifest is replaced atomically, so a refusal or a
 * failure leaves the pack as it was.
 */
export async function addTrack(request: AddTrackRequest): Promise<AddedTrack> {
  const manifestPath = path.join(request.packDir, 'manifest.json')
  const manifest = await readManifest(manifestPath)
  const languages = (Array.isArray(manifest['languages']) ? manifest['languages'] : []) as string[]
  const exhibit = (manifest['exhibits'] as Json[] | undefined)?.find(
    (candidate) => candidate['kind'] === 'folk-music',
  ) as FolkExhibit | undefined
  if (!exhibit) {
    throw new AddTrackError(`${manifestPath} has no folk-music exhibit to add a recording to`)
  }
  const known = exhibit.instruments.map((instrument) => instrument.id)
  if (!request.instrumentId) {
    throw new AddTrackError(`--instrument is required: one of ${known.join(', ')}`)
  }
  const instrument = exhibit.instruments.find((candidate) => candidate.id === request.instrumentId)
  if (!instrument) {
    throw new AddTrackError(
      `--instrument "${request.instrumentId}" is not an instrument of this pack; choose one of ${known.join(', ')}`,
    )
  }
  if (!existsSync(request.audioFile)) {
    throw new AddTrackError(`the audio file ${request.audioFile} does not exist`)
  }

  // ffmpeg reads the file: anything that is not audio stops here.
  let source: Awaited<ReturnType<typeof measureRecording>>
  try {
    source = await measureRecording(request.audioFile)
  } catch (error) {
    if (error instanceof FfmpegMissingError) throw error
    throw new AddTrackError(
      `${request.audioFile} is not a recording ffmpeg can read (WAV, FLAC, MP3…): ${(error as Error).message}`,
    )
  }
  const captions = await readCaptions(request.captions, languages, source.durationSeconds)

  const baseId =
    request.trackId ??
    path
      .basename(request.audioFile, path.extname(request.audioFile))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const isStem = request.stemOf !== undefined
  const entryId = isStem ? request.instrumentId : baseId
  if (!localIdSchema.safeParse(entryId).success) {
    throw new AddTrackError(`"${entryId}" cannot be a track id (a-z, 0-9, "-"); give --id`)
  }
  const audioPath = isStem
    ? `audio/stems/${request.stemOf}/${request.instrumentId}.opus`
    : `audio/${entryId}.opus`
  if (existsSync(path.join(request.packDir, audioPath))) {
    throw new AddTrackError(`${audioPath} exists already in the pack; give another --id`)
  }
  const allTrackIds = exhibit.instruments.flatMap((each) => (each.tracks ?? []).map((t) => t['id']))
  if (!isStem && allTrackIds.includes(entryId)) {
    throw new AddTrackError(`a track "${entryId}" exists already; give another --id`)
  }
  const title = titleOf(request, languages)

  const workDir = await mkdtemp(path.join(tmpdir(), 'songyun-add-track-'))
  try {
    const encodedPath = path.join(workDir, 'encoded.opus')
    const encoded = await encodeAtTarget([request.audioFile], [encodedPath], {
      level: isStem ? 'hold-peak' : 'to-target',
    })
    const bytes = await readFile(encodedPath)
    const durationSeconds = Math.round(source.durationSeconds * 100) / 100
    const cues = captions.map((cue) => ({
      startSeconds: round2(cue.startSeconds),
      endSeconds: round2(Math.min(cue.endSeconds, durationSeconds)),
      text: cue.text,
    }))

    if (isStem) {
      addStem(exhibit, request, instrument, audioPath, durationSeconds, cues, title)
    } else {
      if (!title) throw new AddTrackError('a track needs --title-zh and --title-en')
      if (cues.length === 0) {
        throw new AddTrackError(
          'a track needs captions (--captions FILE.srt or .lrc) for visitors who cannot hear it',
        )
      }
      instrument.tracks = [
        ...(instrument.tracks ?? []),
        {
          id: entryId,
          title,
          performer: sameInEvery(languages, '—'),
          durationSeconds,
          audio: audioPath,
          captions: cues,
          credits: sameInEvery(languages, path.basename(request.audioFile)),
          isPlayAlongBed: false,
        },
      ]
    }
    const files = (manifest['files'] ?? {}) as Json
    files[audioPath] = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      loudness: {
        integratedLufs: Math.round(encoded.loudness.integratedLufs * 10) / 10,
        truePeakDbtp: Math.round(encoded.loudness.truePeakDbtp * 10) / 10,
      },
    }
    manifest['files'] = files
    const checked = createManifestSchema(languages).safeParse(manifest)
    if (!checked.success) {
      const problems = checked.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
      throw new AddTrackError(`the manifest would not be valid:\n${problems.join('\n')}`)
    }

    const target = path.join(request.packDir, audioPath)
    await mkdir(path.dirname(target), { recursive: true })
    await copyFile(encodedPath, target)
    try {
      await writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
    } catch (error) {
      await rm(target, { force: true })
      throw error
    }
    return {
      audioPath,
      entryId,
      kind: isStem ? 'stem' : 'track',
      integratedLufs: encoded.loudness.integratedLufs,
      truePeakDbtp: encoded.loudness.truePeakDbtp,
      durationSeconds,
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

function addStem(
  exhibit: FolkExhibit,
  request: AddTrackRequest,
  instrument: FolkExhibit['instruments'][number],
  audioPath: string,
  durationSeconds: number,
  cues: Json[],
  title: Json | undefined,
): void {
  exhibit.pieces ??= []
  let piece = exhibit.pieces.find((candidate) => candidate.id === request.stemOf)
  if (!piece) {
    if (!localIdSchema.safeParse(request.stemOf).success) {
      throw new AddTrackError(`--stem-of "${request.stemOf}" is not a piece id (a-z, 0-9, "-")`)
    }
    if (!title) {
      throw new AddTrackError(
        `there is no piece "${request.stemOf}" yet; give --title-zh and --title-en to start it`,
      )
    }
    piece = {
      id: request.stemOf!,
      title,
      performer: title,
      credits: title,
      durationSeconds,
      captions: cues,
      tonicHz: instrument.tonicHz ?? 293.66,
      mode: 'gong',
      bpm: 60,
      stems: [],
    }
    exhibit.pieces.push(piece)
  }
  if (piece.stems.some((stem) => stem.instrumentId === request.instrumentId)) {
    throw new AddTrackError(
      `the piece "${piece.id}" has a ${request.instrumentId} stem already; remove it from the manifest first`,
    )
  }
  const pieceSeconds = piece['durationSeconds'] as number
  if (Math.abs(pieceSeconds - durationSeconds) > 0.05) {
    throw new AddTrackError(
      `stems of a piece must be the same length: "${piece.id}" is ${pieceSeconds} s, this recording ${durationSeconds} s`,
    )
  }
  piece.stems.push({ instrumentId: request.instrumentId!, audio: audioPath })
  // The mix changed: its loudness is estimated from the stems' own until measured again.
  delete piece['mixLoudness']
}

async function readManifest(manifestPath: string): Promise<Json> {
  let text: string
  try {
    text = await readFile(manifestPath, 'utf8')
  } catch {
    throw new AddTrackError(`${manifestPath} cannot be read: is this a pack folder?`)
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json
  } catch (error) {
    throw new AddTrackError(`${manifestPath} is not valid JSON: ${(error as Error).message}`)
  }
}

async function readCaptions(
  sources: readonly CaptionSource[],
  languages: readonly string[],
  durationSeconds: number,
): Promise<{ startSeconds: number; endSeconds: number; text: Record<string, string> }[]> {
  if (sources.length === 0) return []
  const parsed: { language?: string; cues: TimedCaption[] }[] = []
  for (const source of sources) {
    if (source.language !== undefined && !languages.includes(source.language)) {
      throw new AddTrackError(
        `--captions ${source.language}=…: the pack's languages are ${languages.join(', ')}`,
      )
    }
    let text: string
    try {
      await stat(source.file)
      text = await readFile(source.file, 'utf8')
    } catch {
      throw new AddTrackError(`the captions file ${source.file} cannot be read`)
    }
    try {
      parsed.push({
        language: source.language,
        cues: parseCaptionFile(source.file, text, durationSeconds),
      })
    } catch (error) {
      if (error instanceof CaptionFileError) {
        throw new AddTrackError(`${source.file} ${error.message}`)
      }
      throw error
    }
  }
  const [first] = parsed
  for (const other of parsed.slice(1)) {
    if (other.cues.length !== first!.cues.length) {
      throw new AddTrackError(
        `the caption files differ in their number of cues (${first!.cues.length} and ${other.cues.length}); each language needs the same cues`,
      )
    }
  }
  return first!.cues.map((cue, index) => {
    const text: Record<string, string> = {}
    for (const language of languages) {
      const own =
        parsed.find((each) => each.language === language) ?? parsed.find((each) => !each.language)
      text[language] = (own ?? first!).cues[index]!.text
    }
    return { startSeconds: cue.startSeconds, endSeconds: cue.endSeconds, text }
  })
}

function titleOf(request: AddTrackRequest, languages: readonly string[]): Json | undefined {
  if (!request.titleZh && !request.titleEn) return undefined
  if (!request.titleZh || !request.titleEn) {
    throw new AddTrackError('give both --title-zh and --title-en')
  }
  const title: Record<string, string> = {}
  for (const language of languages)
    title[language] = language === 'zh-CN' ? request.titleZh : request.titleEn
  return title
}

function sameInEvery(languages: readonly string[], text: string): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, text]))
}

function round2(seconds: number): number {
  return Math.round(seconds * 100) / 100
}

/** Whether the system's ffmpeg can be run (before anything else is tried). */
export async function assertFfmpegPresent(): Promise<void> {
  await runFfmpeg(['-version'])
}
