import type { LocalizedText } from '../i18n/localizedText'

/**
 * A named phase of an exhibit: a run of its stations that the step bar shows as one step (the
 * tea exhibit's eleven stations read as three phases, the seven pours a quiet count inside one).
 */
export interface StationPhase {
  readonly id: string
  readonly title: LocalizedText
  /** The stations of the phase, in order; every station belongs to exactly one phase. */
  readonly stationIds: readonly string[]
  /** Show the phase's own progress (e.g. "pour 3 of 7") while it is active. */
  readonly isCounted?: boolean
}

/** The phase a station belongs to, or undefined when none lists it. */
export function phaseOfStation(
  phases: readonly StationPhase[],
  stationId: string | undefined,
): StationPhase | undefined {
  return stationId === undefined
    ? undefined
    : phases.find((phase) => phase.stationIds.includes(stationId))
}
