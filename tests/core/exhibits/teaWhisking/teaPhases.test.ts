import { describe, expect, it } from 'vitest'
import { phaseOfStation } from '../../../../src/exhibits/stationPhase'
import { teaPhases } from '../../../../src/exhibits/teaWhisking/teaPhases'
import { teaStationIds } from '../../../../src/exhibits/teaWhisking/teaStations'

describe('the tea exhibit shown as phases', () => {
  it('groups the eleven stations into a few named phases, each station once and in order', () => {
    expect(teaPhases.length).toBeGreaterThanOrEqual(3)
    expect(teaPhases.length).toBeLessThanOrEqual(4)
    expect(teaPhases.flatMap((phase) => phase.stationIds)).toEqual([...teaStationIds])
    for (const phase of teaPhases) {
      expect(phase.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(phase.title.en).toMatch(/[a-z]/)
    }
  })

  it('counts the seven pours inside one phase (七汤击拂), and finds each station its phase', () => {
    const pours = teaPhases.find((phase) => phase.isCounted)!
    expect(pours.title['zh-CN']).toBe('七汤击拂')
    expect(pours.stationIds).toHaveLength(7)
    expect(phaseOfStation(teaPhases, 'pour-4')).toBe(pours)
    expect(phaseOfStation(teaPhases, 'warm-bowl')?.id).toBe('prepare')
    expect(phaseOfStation(teaPhases, 'draw')?.id).toBe('judge-and-draw')
    expect(phaseOfStation(teaPhases, 'nowhere')).toBeUndefined()
  })
})
