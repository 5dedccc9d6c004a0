import path from 'node:path'
import type { Command } from 'commander'
import { FfmpegMissingError } from '../services/audio/ffmpegTool'
import {
  addTrack,
  AddTrackError,
  assertFfmpegPresent,
  type CaptionSource,
} from '../services/packs/addTrack'
import { exitCodes } from './cliOptions'

interface AddTrackOptions {
  readonly captions?: string[]
  readonly instrument?: string
  readonly titleZh?: string
  readonly titleEn?: string
  readonly stemOf?: string
  readonly id?: string
  readonly json?: boolean
}

/** `--captions FILE` or `--captions LANG=FILE`, repeatable. */
function collectCaptions(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

function captionSourceOf(value: string): CaptionSource {
  const match = /^([a-zA-Z]{2,3}(?:-[A-Za-z0-9]+)*)=(.+)$/.exec(value)
  return match
    ? { language: match[1], file: path.resolve(match[2]!) }
    : { file: path.resolve(value) }
}

/**
 * `songyun pack add-track <pack-dir> <audio>`: one venue recording into a pack folder (see
 * main/services/packs/addTrack.ts and docs/loudness.md). Exit 0 done, 1 refused (the message
 * names the flag or file at fault; the pack is unchanged).
 */
export function registerAddTrackCommand(program: Command): void {
  const pack = program.commands.find((command) => command.name() === 'pack')
  if (!pack) throw new Error('register the pack command before add-track')
  pack
    .command('add-track <pack-dir> <audio>')
    .description(
      'add a recording (WAV, FLAC, MP3) to a pack folder as Opus at the kiosk loudness (−23 LUFS), with captions',
    )
    .option(
      '--captions <file>',
      'captions as .srt or .lrc; LANG=FILE for one language (repeatable)',
      collectCaptions,
    )
    .option(
      '--instrument <id>',
      "the folk-music instrument that lists it (the pack's instruments[].id)",
    )
    .option('--title-zh <text>', 'the title in Chinese')
    .option('--title-en <text>', 'the title in English')
    .option('--stem-of <piece>', "add it as the instrument's stem of this ensemble piece")
    .option('--id <id>', 'the track id (default: from the file name)')
    .option('--json', 'print a machine-readable result on stdout')
    .action(async (packDir: string, audio: string, options: AddTrackOptions) => {
      try {
        await assertFfmpegPresent()
        const added = await addTrack({
          packDir: path.resolve(packDir),
          audioFile: path.resolve(audio),
          captions: (options.captions ?? []).map(captionSourceOf),
          instrumentId: options.instrument,
          titleZh: options.titleZh,
          titleEn: options.titleEn,
          stemOf: options.stemOf,
          trackId: options.id,
        })
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ ok: true, result: added }, null, 2)}\n`
            : `Added ${added.audioPath} (${added.kind} "${added.entryId}", ${added.durationSeconds} s, ${added.integratedLufs} LUFS, true peak ${added.truePeakDbtp} dBTP). Then: songyun pack validate ${packDir}\n`,
        )
        process.exitCode = exitCodes.done
      } catch (error) {
        const isExpected = error instanceof AddTrackError || error instanceof FfmpegMissingError
        const message = isExpected ? error.message : `add-track failed: ${(error as Error).message}`
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ ok: false, error: { message } }, null, 2)}\n`)
        }
        process.stderr.write(`songyun: ${message}\nThe pack was not changed.\n`)
        process.exitCode = exitCodes.rejected
      }
    })
}
