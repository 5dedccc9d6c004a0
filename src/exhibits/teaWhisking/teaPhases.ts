import type { StationPhase } from '../stationPhase'
import type { TeaStationId } from './teaStations'

interface TeaPhase extends StationPhase {
  readonly stationIds: readonly TeaStationId[]
}

/**
 * The tea exhibit's stations as the visitor is shown them: three phases (熁盏调膏 · 七汤击拂 ·
 * 品评与茶百戏), with the seven pours counted inside the second. The verdict is given as the
 * drawing station opens, so judging and drawing share the last phase.
 */
export const teaPhases: readonly TeaPhase[] = [
  {
    id: 'prepare',
    title: { 'zh-CN': '熁盏调膏', en: 'Warm and paste' },
    stationIds: ['warm-bowl', 'add-powder', 'make-paste'],
  },
  {
    id: 'seven-pours',
    title: { 'zh-CN': '七汤击拂', en: 'Seven pours' },
    stationIds: ['pour-1', 'pour-2', 'pour-3', 'pour-4', 'pour-5', 'pour-6', 'pour-7'],
    isCounted: true,
  },
  {
    id: 'judge-and-draw',
    title: { 'zh-CN': '品评·茶百戏', en: 'Judge and draw' },
    stationIds: ['draw'],
  },
]
