import type { ExhibitKind } from '../../src/pack/manifestSchema'
import type { StationPhase } from '../../src/exhibits/stationPhase'
import { teaPhases } from '../../src/exhibits/teaWhisking/teaPhases'

/**
 * Exhibits whose step bar shows named phases instead of one step per station (data only, so the
 * frame can show them before the exhibit's code has loaded). Others show their stations.
 */
export const exhibitPhases: Partial<Record<ExhibitKind, readonly StationPhase[]>> = {
  'tea-whisking': teaPhases,
}
