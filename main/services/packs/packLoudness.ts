import { loudnessTarget, type MeasuredLoudness } from '../../../src/audio/loudnessTarget'
import type { PackManifest } from '../../../src/pack/manifestSchema'
import { FfmpegMissingError } from '../audio/ffmpegTool'
import { measureLoudness } from '../audio/measureLoudness'

/** File endings `pack build` measures as audio. */
const audioExtensions = ['.opus', '.ogg', '.oga', '.mp3', '.wav', '.flac', '.m4a', '.aac', '.webm']

/** Whether a pack path names a recording (by its ending). */
export function isAudioPath(packPath: string): boolean {
  const lower = packPath.toLowerCase()
  return audioExtensions.some((ending) => lower.endsWith(ending))
}

type FileTable = Record<string, { sha256: string; size: number; loudness?: MeasuredLoudness }>

/**
 * `pack build`'s loudness step (docs/loudness.md): every audio file in `files` gets the integrated
 * loudness and true peak ffmpeg measures, so the player can bring it to the kiosk's target. A file
 * whose hash matches the folder manifest's earlier entry keeps the loudness written there (no
 * re-measuring an unchanged file). Without ffmpeg the build still succeeds, with a warning.
 */
export async function addLoudnessToFiles(
  files: FileTable,
  previousFiles: unknown,
  absolutePathOf: (packPath: string) => string,
  measure: (file: string) => Promise<MeasuredLoudness> = measureLoudness,
): Promise<string[]> {
  const warnings: string[] = []
  const previous = (
    typeof previousFiles === 'object' && previousFiles !== null ? previousFiles : {}
  ) as Partial<FileTable>
  let isFfmpegMissing = false
  for (const [packPath, entry] of Object.entries(files)) {
    if (!isAudioPath(packPath)) continue
    const earlier = previous[packPath]
    if (earlier?.sha256 === entry.sha256 && isLoudness(earlier.loudness)) {
      entry.loudness = earlier.loudness
      continue
    }
    if (isFfmpegMissing) continue
    try {
      const measured = await measure(absolutePathOf(packPath))
      entry.loudness = {
        integratedLufs: round1(measured.integratedLufs),
        truePeakDbtp: round1(measured.truePeakDbtp),
      }
    } catch (error) {
      if (error instanceof FfmpegMissingError) {
        isFfmpegMissing = true
        warnings.push(`loudness not measured: ${error.message}`)
      } else {
        warnings.push(`${packPath}: loudness not measured: ${(error as Error).message}`)
      }
    }
  }
  return warnings
}

/**
 * `pack validate`'s loudness warnings: audio files with no measured loudness (the player cannot
 * level them) and files quieter than the target by more than the tolerance (the kiosk does not
 * boost, so they play quieter than the rest).
 */
export function loudnessWarnings(manifest: Pick<PackManifest, 'files' | 'exhibits'>): string[] {
  const warnings: string[] = []
  // A stem is quieter than the target by design: its piece is levelled as a whole.
  const stemPaths = new Set(
    manifest.exhibits.flatMap((exhibit) =>
      exhibit.kind === 'folk-music'
        ? exhibit.pieces.flatMap((piece) => piece.stems.map((stem) => stem.audio))
        : [],
    ),
  )
  for (const [packPath, entry] of Object.entries(manifest.files)) {
    if (!isAudioPath(packPath)) continue
    if (!entry.loudness) {
      warnings.push(
        `${packPath}: no loudness in "files"; build the pack with ffmpeg installed (songyun pack build) so it plays at the kiosk's level`,
      )
    } else if (
      !stemPaths.has(packPath) &&
      entry.loudness.integratedLufs < loudnessTarget.integratedLufs - loudnessTarget.toleranceLu
    ) {
      warnings.push(
        `${packPath}: ${entry.loudness.integratedLufs} LUFS is quieter than the kiosk's ${loudnessTarget.integratedLufs} LUFS and will not be boosted; re-import it with songyun pack add-track`,
      )
    }
  }
  return warnings
}

function isLoudness(value: unknown): value is MeasuredLoudness {
  const candidate = value as Partial<MeasuredLoudness> | undefined
  return typeof candidate?.integratedLufs === 'number' && typeof candidate.truePeakDbtp === 'number'
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}
