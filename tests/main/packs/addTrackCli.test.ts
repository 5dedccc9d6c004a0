import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../support/tempDataDir'
import { runSongyun } from './support/runSongyun'

vi.mock('electron')

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en })

/** A folk-music pack folder that validates as it is (one instrument, no recordings yet). */
async function writeFolkPack(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true })
  const manifest = {
    format: 'songyun-pack',
    formatVersion: 1,
    id: 'venue.music',
    version: '1.0.0',
    title: text('馆内乐声', 'Venue music'),
    publisher: 'A venue',
    createdAt: '2026-12-01T00:00:00Z',
    languages: ['zh-CN', 'en'],
    exhibits: [
      {
        kind: 'folk-music',
        id: 'venue-stage',
        title: text('乐台', 'Stage'),
        teaser: text('听馆内乐手。', 'Hear our players.'),
        stations: [{ id: 'listen', title: text('聆听', 'Listen'), hint: text('轻触。', 'Tap.') }],
        instruments: [
          {
            id: 'pipa',
            instrument: 'pipa',
            name: text('琵琶', 'Pipa'),
            intro: text('四弦。', 'Four strings.'),
          },
        ],
      },
    ],
    files: {},
  }
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** Every file of a folder with its hash: what "the pack is untouched" compares. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name)
    files[path.relative(folder, full)] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex')
  }
  return files
}

function integratedLufs(file: string): number {
  const run = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostats', '-i', file, '-filter_complex', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  )
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'))
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1])
}

describe('songyun pack add-track', () => {
  const makeDir = useTempDirs()

  async function setup() {
    const root = await makeDir()
    const folder = path.join(root, 'venue-pack')
    await writeFolkPack(folder)
    // A loud two-tone WAV (about −6 LUFS), 6 s, made here with sox.
    const wav = path.join(root, 'Pipa Take 1.wav')
    execFileSync('sox', [
      '-n',
      '-r',
      '48000',
      '-c',
      '2',
      wav,
      'synth',
      '6',
      'sine',
      '440',
      'sine',
      '660',
      'vol',
      '0.8',
    ])
    const srt = path.join(root, 'take1.srt')
    await writeFile(
      srt,
      '1\n00:00:00,000 --> 00:00:03,000\n琵琶起\n\n2\n00:00:03,000 --> 00:00:06,000\n收\n',
    )
    // The kiosk's data folder (it must exist: a mistyped --data-dir is an error, docs/operators.md).
    await mkdir(path.join(root, 'data'))
    const cli = (...args: string[]) => runSongyun([...args, '--data-dir', path.join(root, 'data')])
    const addTrack = (...args: string[]) => runSongyun(['pack', 'add-track', ...args])
    return { root, folder, wav, srt, cli, addTrack }
  }

  it('turns a WAV and an SRT into an Opus track at −23 LUFS, and the pack validates', async () => {
    const { folder, wav, srt, cli, addTrack } = await setup()
    const added = await addTrack(
      folder,
      wav,
      '--captions',
      srt,
      '--instrument',
      'pipa',
      '--title-zh',
      '试奏',
      '--title-en',
      'Take one',
    )
    expect(added.stderr).toBe('')
    expect(added.exitCode).toBe(0)
    const opus = path.join(folder, 'audio', 'pipa-take-1.opus')
    expect(Math.abs(integratedLufs(opus) - -23)).toBeLessThanOrEqual(1)

    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'))
    const track = manifest.exhibits[0].instruments[0].tracks[0]
    expect(track).toMatchObject({
      id: 'pipa-take-1',
      audio: 'audio/pipa-take-1.opus',
      title: { 'zh-CN': '试奏', en: 'Take one' },
      captions: [
        { startSeconds: 0, endSeconds: 3, text: { 'zh-CN': '琵琶起', en: '琵琶起' } },
        { startSeconds: 3, endSeconds: 6, text: { 'zh-CN': '收', en: '收' } },
      ],
    })
    expect(track.durationSeconds).toBeCloseTo(6, 1)
    const bytes = await readFile(opus)
    expect(manifest.files['audio/pipa-take-1.opus']).toMatchObject({
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      loudness: { integratedLufs: expect.closeTo(-23, 0) },
    })

    const validated = await cli('pack', 'validate', folder, '--allow-unsigned')
    expect(validated.stderr).toBe('')
    expect(validated.exitCode).toBe(0)
  }, 120_000)

  it('refuses bad input with exit 1 and a message naming it, and leaves the pack untouched', async () => {
    const { root, folder, wav, srt } = await setup()
    const before = await snapshot(folder)
    const notAudio = path.join(root, 'notes.wav')
    await writeFile(notAudio, 'these are words, not sound')
    const badCaptions = path.join(root, 'bad.srt')
    await writeFile(badCaptions, '1\n00:00:05,000 --> 00:00:01,000\nbackwards\n')
    const titles = ['--title-zh', '试', '--title-en', 'Try']

    const cases: [string[], RegExp, NodeJS.ProcessEnv?][] = [
      [
        [folder, notAudio, '--captions', srt, '--instrument', 'pipa', ...titles],
        /notes\.wav is not a recording ffmpeg can read/,
      ],
      [
        [folder, wav, '--captions', badCaptions, '--instrument', 'pipa', ...titles],
        /bad\.srt line 2: the cue ends before it starts/,
      ],
      [
        [folder, wav, '--captions', srt, '--instrument', 'erhu', ...titles],
        /--instrument "erhu" is not an instrument of this pack; choose one of pipa/,
      ],
      [
        [folder, wav, '--captions', srt, '--instrument', 'pipa', ...titles],
        /"\/no\/such\/ffmpeg" was not found.*install it/i,
        { SONGYUN_FFMPEG: '/no/such/ffmpeg' },
      ],
    ]
    for (const [args, message, env] of cases) {
      const run = await runSongyun(['pack', 'add-track', ...args], env)
      expect(run.exitCode).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toMatch(/The pack was not changed/)
    }
    expect(await snapshot(folder)).toEqual(before)
  }, 120_000)
})
