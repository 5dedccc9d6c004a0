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
import { execFileSync } from 'node:child_process'
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
import { musicScoreSchema, type MusicScore } from './demoAudio/musicScore'
import { renderScore, type CaptionCue } from './demoAudio/renderScore'
import { encodeStereoWav } from './demoAudio/wav'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const musicDir = join(repoRoot, 'assets/music')
const packDir = join(repoRoot, 'assets/packs/songyun.core')
const manifestPath = join(packDir, 'manifest.json')
const opusBitrate = '64k'

const performer = {
  'zh-CN': '程序合成（宋韵展台项目）',
  en: 'Computer synthesis (Songyun Kiosk project)',
}

function creditsOf(score: MusicScore): { 'zh-CN': string; en: string } {
  // Visitors read this, so it names no files: it says plainly what the recording is.
  const zh = '合成示范音频：宋韵展台项目依自己整理的乐谱数据用程序合成，并非真人演奏。'
  const en =
    'Synthesised demo audio, made by the Songyun Kiosk project from note data it prepared; not a recording of a performer.'
  if (!score.reconstructionNote) return { 'zh-CN': zh, en }
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

function produce(score: MusicScore, workDir: string): ProducedTrack {
  const rendered = renderScore(score)
  const wavPath = join(workDir, `${score.id}.wav`)
  writeFileSync(wavPath, encodeStereoWav(rendered.left, rendered.right, rendered.sampleRate))
  const opusPath = join(packDir, 'audio', `${score.id}.opus`)
  execFileSync(
    'ffmpeg',
    [
      '-y',
      '-loglevel',
      'error',
      '-i',
      wavPath,
      '-c:a',
      'libopus',
      '-b:a',
      opusBitrate,
      '-vbr',
      'on',
      '-map_metadata',
      '-1',
      '-fflags',
      '+bitexact',
      opusPath,
    ],
    { stdio: 'inherit' },
  )
  const kilobytes = Math.round(statSync(opusPath).size / 1024)
  console.warn(`${score.id}: ${rendered.durationSeconds.toFixed(2)} s, ${kilobytes} KiB`)
  return { score, durationSeconds: rendered.durationSeconds, captions: rendered.captions }
}

/** What a score's earlier render left in the manifest (used when only some scores are rebuilt). */
function previousTrackFacts(manifest: Manifest, score: MusicScore): ProducedTrack {
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
interface Manifest {
  exhibits: { kind: string; instruments?: { instrument: string; tracks?: ManifestTrack[] }[] }[]
}

function folkMusic(manifest: Manifest) {
  const exhibit = manifest.exhibits.find((e) => e.kind === 'folk-music')
  if (!exhibit?.instruments)
    throw new Error('the manifest has no folk-music exhibit with instruments')
  return { instruments: exhibit.instruments }
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
    instrument.tracks = uses.map(({ track, trackId }) => ({
      id: trackId,
      title: track.score.title,
      performer,
      durationSeconds: track.durationSeconds,
      audio: `audio/${track.score.id}.opus`,
      captions: track.captions,
      ...(track.score.description ? { description: track.score.description } : {}),
      credits: creditsOf(track.score),
      isPlayAlongBed: track.score.isPlayAlongBed,
    }))
  }
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
  try {
    const produced = scores.map((score) =>
      onlyIds.size === 0 || onlyIds.has(score.id)
        ? produce(score, workDir)
        : previousTrackFacts(manifest, score),
    )
    listTracks(manifest, produced)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
  const options = await prettier.resolveConfig(manifestPath)
  const text = await prettier.format(compactJson(manifest), { ...options, parser: 'json' })
  writeFileSync(manifestPath, text)
  const totalBytes = readdirSync(join(packDir, 'audio')).reduce(
    (sum, name) => sum + statSync(join(packDir, 'audio', name)).size,
    0,
  )
  console.warn(`audio total: ${(totalBytes / 1024 / 1024).toFixed(2)} MiB; manifest updated`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
