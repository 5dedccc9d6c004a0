import type { CarvingField } from './carvingField'
import type { PrintQuality, PrintVerdict } from './printImpression'

/**
 * What each step of the workshop gave the finished print, so the verdict beside it can say what
 * came from where: the writing, the carving, the inking and the rubbing.
 */

/** Who wrote the sample that was carved. */
export type SampleWriter = 'visitor' | 'scribe'
/** The carving: clean, a stroke nicked by a cut, or ground left standing that prints as specks. */
export type CarvingNote = 'clean' | 'nicked' | 'specks'
/** The inking: even, too little (pale or missing parts), or too much (it spread). */
export type InkingNote = 'even' | 'thin' | 'heavy'
/** The rubbing: firm all over, or too light in places. */
export type RubbingNote = 'firm' | 'light'

export interface PrintStepNotes {
  readonly writing: SampleWriter
  readonly carving: CarvingNote
  /** Stroke cells a cut went through (each prints as paper). */
  readonly nickedCells: number
  readonly inking: InkingNote
  readonly rubbing: RubbingNote
}

/** Below this share of the raised surface inked (or rubbed), the step shows in the print. */
const wellCoveredShare = 0.85
/** Above this share of the cut ground darkened by squeezed-out ink, over-inking shows. */
const visibleSmudgeShare = 0.01
/** Above this share of the ground left uncut, it prints as specks. */
const standingGroundShare = 0.01

/** Notes on each step, from the print's measures and the carved block. */
export function describePrintSteps(
  quality: Omit<PrintQuality, 'verdict'>,
  carving: CarvingField,
  writer: SampleWriter,
): PrintStepNotes {
  const nickedCells = carving.nicks.length
  const carvingNote: CarvingNote =
    nickedCells > 0
      ? 'nicked'
      : 1 - carving.clearedFraction > standingGroundShare
        ? 'specks'
        : 'clean'
  const inking: InkingNote =
    // Ink beyond what the relief holds is only a fault where it shows, squeezed out beside strokes.
    quality.smudge > visibleSmudgeShare
      ? 'heavy'
      : quality.inkCoverage < wellCoveredShare
        ? 'thin'
        : 'even'
  return {
    writing: writer,
    carving: carvingNote,
    nickedCells,
    inking,
    rubbing: quality.rubCoverage < wellCoveredShare ? 'light' : 'firm',
  }
}

/**
 * The print's headline: one of the step notes' faults, the worst there is, or the measures' own
 * verdict when no step went wrong (so the headline never praises a print a step line faults).
 */
export type PrintHeadline = PrintVerdict | 'nicked' | 'specked'

/** Worst first: ink where it should not be, then too little of it, then a cut stroke, then specks. */
const headlineSeverity: readonly PrintHeadline[] = [
  'smudged',
  'faint',
  'nicked',
  'blotchy',
  'specked',
  'crisp',
]

/** The headline for a print: the worst of its measures' verdict and each step's fault. */
export function headlineFor(verdict: PrintVerdict, steps: PrintStepNotes): PrintHeadline {
  const faults: PrintHeadline[] = [verdict]
  if (steps.inking === 'heavy') faults.push('smudged')
  if (steps.inking === 'thin' || steps.rubbing === 'light') faults.push('faint')
  if (steps.carving === 'nicked') faults.push('nicked')
  if (steps.carving === 'specks') faults.push('specked')
  return headlineSeverity.find((headline) => faults.includes(headline)) ?? verdict
}
