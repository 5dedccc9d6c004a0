/**
 * Makes the built-in pack's demo recordings: every score in assets/music/*.json is synthesised
 * (scripts/demoAudio), written as WAV, compressed to Ogg Opus with ffmpeg into
 * assets/packs/songyun.core/audio/, and listed in the pack manifest under each instrument that uses
 * it, with its exact duration, its captions and credits that say it is synthesised.
 *
 *   npx tsx scripts/synthesizeDemoAudio.ts            all scores
 *   npx tsx scripts/synthesizeDemoAudio.ts ID …       only these scores (the manifest is still
 *                                                     rebuilt from every score's data)
 *
 * Needs ffmpeg with libopus on the PATH (Debian: apt-get install ffmpeg). The produced files are
 * committed, so a machine without ffmpeg never needs to run this.
 */
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { measureLoudness } from '../main/services/audio/measureLoudness'
import { musicScoreSchema, type MusicScore } from './demoAudio/musicScore'
import type { MeasuredLoudness } from '../src/audio/loudnessTarget'
import { encodeAtTarget } from '../main/services/audio/encodeAtTarget'
import { renderScore, type CaptionCue } from './demoAudio/renderScore'
import { encodeStereoWav } from './demoAudio/wav'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const musicDir = join(repoRoot, 'assets/music')
const packDir = join(repoRoot, 'assets/packs/songyun.core')
const manifestPath = join(packDir, 'manifest.json')

const performer = {
  'zh-CN': '程序合成（宋韵展台项目）',
  en: 'Computer synthesis (Songyun Kiosk project)',
}

function creditsOf(score: MusicScore): { 'zh-CN': string; en: string } {
  // Visitors read this, so it names no files: it says plainly what the recording is.
  const zh = '合成示范音频：宋韵展台项目依自己整理的乐谱数据用程序合成，并非真人演奏。'
  const en =
    'Synthesised demo audio, made by the Songyun Kiosk project from note data it prepared; not a recording of a performer.'
  if (!score.reconstructionNote) {
    // Honest labels (the curator's review): a new piece in a Song mode, never a Song melody.
    return {
      'zh-CN':
        '新作示范曲：宋韵展台项目按宋代调式新写、用程序合成，不是宋代流传下来的曲调，也不是真人演奏。',
      en: 'A newly composed demonstration in a Song mode, written and synthesised by the Songyun Kiosk project: not a Song melody, and not a recording of a performer.',
    }
  }
  return {
    'zh-CN': `${zh}${score.reconstructionNote['zh-CN']}`,
    en: `${en} ${score.reconstructionNote.en}`,
  }
}

interface ProducedTrack {
  score: MusicScore
  durationSeconds: number
  captions: CaptionCue[]
}

function loadScores(): MusicScore[] {
  return readdirSync(musicDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const result = musicScoreSchema.safeParse(
        JSON.parse(readFileSync(join(musicDir, name), 'utf8')),
      )
      if (!result.success) {
        const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
        throw new Error(`assets/music/${name} is not a valid score:\n${problems.join('\n')}`)
      }
      if (`${result.data.id}.json` !== name) {
        throw new Error(`assets/music/${name}: its id "${result.data.id}" must match the file name`)
      }
      return result.data
    })
}

/** Where a score's recordings go: one file, or one stem per instrument of an ensemble piece. */
function outputsOf(score: MusicScore): { packPath: string; partIndexes: number[] }[] {
  if (!score.ensemble) return [{ packPath: `audio/${score.id}.opus`, partIndexes: [] }]
  const byInstrument = new Map<string, number[]>()
  score.parts.forEach((part, index) => {
    const indexes = byInstrument.get(part.instrument!) ?? []
    indexes.push(index)
    byInstrument.set(part.instrument!, indexes)
  })
  return [...byInstrument].map(([instrument, partIndexes]) => ({
    packPath: `audio/stems/${score.ensemble!.pieceId}/${instrument}.opus`,
    partIndexes,
  }))
}

async function produce(
  score: MusicScore,
  workDir: string,
  loudnessOfFiles: Map<string, MeasuredLoudness>,
  mixLoudness: Map<string, MeasuredLoudness>,
): Promise<ProducedTrack> {
  const rendered = renderScore(score)
  const outputs = outputsOf(score)
  const wavPaths = outputs.map(({ packPath, partIndexes }, index) => {
    const wavPath = join(workDir, `${score.id}-${index}.wav`)
    let { left, right } = rendered
    if (partIndexes.length > 0) {
      left = new Float32Array(left.length)
      right = new Float32Array(right.length)
      for (const partIndex of partIndexes) {
        const part = rendered.parts[partIndex]!
        for (let i = 0; i < left.length; i++) {
          left[i]! += part.left[i]!
          right[i]! += part.right[i]!
        }
      }
    }
    writeFileSync(wavPath, encodeStereoWav(left, right, rendered.sampleRate))
    mkdirSync(join(packDir, packPath, '..'), { recursive: true })
    return wavPath
  })
  const opusPaths = outputs.map(({ packPath }) => join(packDir, packPath))
  const encoded = await encodeAtTarget(wavPaths, opusPaths)
  for (const [index, { packPath }] of outputs.entries()) {
    loudnessOfFiles.set(
      packPath,
      outputs.length === 1 ? encoded.loudness : await measureLoudness(opusPaths[index]!),
    )
  }
  if (score.ensemble) mixLoudness.set(score.id, encoded.loudness)
  const kilobytes = Math.round(opusPaths.reduce((sum, file) => sum + statSync(file).size, 0) / 1024)
  console.warn(
    `${score.id}: ${rendered.durationSeconds.toFixed(2)} s, ${kilobytes} KiB, ${outputs.length} file(s), ` +
      `gain ${encoded.gainDb.toFixed(1)} dB → ${encoded.loudness.integratedLufs} LUFS, ${encoded.loudness.truePeakDbtp} dBTP`,
  )
  return { score, durationSeconds: rendered.durationSeconds, captions: rendered.captions }
}

/** What a score's earlier render left in the manifest (used when only some scores are rebuilt). */
function previousTrackFacts(manifest: Manifest, score: MusicScore): ProducedTrack {
  if (score.ensemble) {
    const piece = folkMusic(manifest).pieces.find((p) => p.id === score.ensemble!.pieceId)
    if (piece) return { score, durationSeconds: piece.durationSeconds, captions: piece.captions }
  }
  for (const instrument of folkMusic(manifest).instruments) {
    const track = instrument.tracks?.find((t) => t.audio === `audio/${score.id}.opus`)
    if (track) return { score, durationSeconds: track.durationSeconds, captions: track.captions }
  }
  throw new Error(`${score.id} has never been rendered; run the script for it first`)
}

interface ManifestTrack {
  audio: string
  durationSeconds: number
  captions: CaptionCue[]
  [key: string]: unknown
}
interface ManifestPiece extends ManifestTrack {
  id: string
  stems: { instrumentId: string; audio: string }[]
}
interface Manifest {
  exhibits: {
    kind: string
    instruments?: { id: string; instrument: string; tracks?: ManifestTrack[] }[]
    pieces?: ManifestPiece[]
  }[]
  files: Record<string, { sha256: string; size: number; loudness?: MeasuredLoudness }>
}

function folkMusic(manifest: Manifest) {
  const exhibit = manifest.exhibits.find((e) => e.kind === 'folk-music')
  if (!exhibit?.instruments)
    throw new Error('the manifest has no folk-music exhibit with instruments')
  exhibit.pieces ??= []
  return exhibit as {
    instruments: NonNullable<typeof exhibit.instruments>
    pieces: ManifestPiece[]
  }
}

/**
 * Visitor-facing words another hand may have revised in the manifest (titles, credits,
 * descriptions): a re-render keeps them and only writes its own for a new entry.
 */
function keptLabels(earlier: Record<string, unknown> | undefined, made: Record<string, unknown>) {
  if (!earlier) return made
  const kept = { ...made }
  for (const key of ['title', 'performer', 'credits', 'description']) {
    if (earlier[key] !== undefined) kept[key] = earlier[key]
  }
  return kept
}

function listTracks(manifest: Manifest, produced: ProducedTrack[]): void {
  for (const instrument of folkMusic(manifest).instruments) {
    const uses = produced.flatMap((track) =>
      track.score.usedBy
        .filter((use) => use.instrument === instrument.instrument)
        .map((use) => ({ track, trackId: use.trackId })),
    )
    // Performances first, then the beds to play along over.
    uses.sort((a, b) => Number(a.track.score.isPlayAlongBed) - Number(b.track.score.isPlayAlongBed))
    const earlierTracks = instrument.tracks ?? []
    instrument.tracks = uses.map(
      ({ track, trackId }) =>
        keptLabels(
          earlierTracks.find((t) => t['id'] === trackId),
          {
            id: trackId,
            title: track.score.title,
            performer,
            durationSeconds: track.durationSeconds,
            audio: `audio/${track.score.id}.opus`,
            captions: track.captions,
            ...(track.score.description ? { description: track.score.description } : {}),
            credits: creditsOf(track.score),
            isPlayAlongBed: track.score.isPlayAlongBed,
          },
        ) as ManifestTrack,
    )
  }
}

function listPieces(
  manifest: Manifest,
  produced: ProducedTrack[],
  mixLoudness: Map<string, MeasuredLoudness>,
): void {
  const exhibit = folkMusic(manifest)
  const pieces = produced.filter((track) => track.score.ensemble)
  exhibit.pieces = pieces.map(({ score, durationSeconds, captions }) => {
    const pieceId = score.ensemble!.pieceId
    const earlier = exhibit.pieces.find((p) => p.id === pieceId)
    const stems = outputsOf(score).map(({ packPath }) => {
      const kind = packPath
        .split('/')
        .at(-1)!
        .replace(/\.opus$/, '')
      const instrument = exhibit.instruments.find((i) => i.instrument === kind)
      if (!instrument) throw new Error(`${score.id}: the stage has no ${kind} for its stem`)
      return { instrumentId: instrument.id, audio: packPath }
    })
    const loudness = mixLoudness.get(score.id) ?? earlier?.['mixLoudness']
    return keptLabels(earlier, {
      id: pieceId,
      title: score.title,
      performer,
      credits: creditsOf(score),
      ...(score.description ? { description: score.description } : {}),
      durationSeconds,
      captions,
      tonicHz: score.tonicHz,
      mode: score.ensemble!.mode,
      bpm: score.bpm,
      ...(loudness ? { mixLoudness: loudness } : {}),
      stems,
    }) as ManifestPiece
  })
}

/**
 * The audio files' sizes, hashes and loudness in the folder manifest's `files`: `pack build`
 * reuses a loudness whose hash still matches instead of measuring again on every build.
 */
function listAudioFiles(manifest: Manifest, loudnessOfFiles: Map<string, MeasuredLoudness>): void {
  for (const [packPath, loudness] of loudnessOfFiles) {
    const bytes = readFileSync(join(packDir, packPath))
    manifest.files[packPath] = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      loudness: {
        integratedLufs: Math.round(loudness.integratedLufs * 10) / 10,
        truePeakDbtp: Math.round(loudness.truePeakDbtp * 10) / 10,
      },
    }
  }
  manifest.files = Object.fromEntries(
    Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)),
  )
}

/**
 * JSON with every object or array of plain values on one line; prettier then breaks what does not
 * fit, which keeps the hand-written manifest's layout.
 */
function compactJson(value: unknown, indent = ''): string {
  const isFlat = (v: unknown) => v === null || typeof v !== 'object'
  if (isFlat(value)) return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.every(isFlat)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
    return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (entries.length === 0) return '{}'
  if (entries.every(([, v]) => isFlat(v))) {
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`
  }
  const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`)
  return `{\n${lines.join(',\n')}\n${indent}}`
}

async function main(): Promise<void> {
  const onlyIds = new Set(process.argv.slice(2))
  const scores = loadScores()
  for (const id of onlyIds) {
    if (!scores.some((s) => s.id === id))
      throw new Error(`there is no score "${id}" in assets/music`)
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
  mkdirSync(join(packDir, 'audio'), { recursive: true })
  const workDir = mkdtempSync(join(tmpdir(), 'songyun-demo-audio-'))
  const loudnessOfFiles = new Map<string, MeasuredLoudness>()
  const mixLoudness = new Map<string, MeasuredLoudness>()
  try {
    const produced: ProducedTrack[] = []
    for (const score of scores) {
      produced.push(
        onlyIds.size === 0 || onlyIds.has(score.id)
          ? await produce(score, workDir, loudnessOfFiles, mixLoudness)
          : previousTrackFacts(manifest, score),
      )
    }
    listTracks(manifest, produced)
    listPieces(manifest, produced, mixLoudness)
    listAudioFiles(manifest, loudnessOfFiles)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
  const options = await prettier.resolveConfig(manifestPath)
  const text = await prettier.format(compactJson(manifest), { ...options, parser: 'json' })
  writeFileSync(manifestPath, text)
  const totalBytes = readdirSync(join(packDir, 'audio'), { recursive: true })
    .map((name) => join(packDir, 'audio', String(name)))
    .filter((file) => statSync(file).isFile())
    .reduce((sum, file) => sum + statSync(file).size, 0)
  console.warn(`audio total: ${(totalBytes / 1024 / 1024).toFixed(2)} MiB; manifest updated`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
