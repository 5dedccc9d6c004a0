import { describe, expect, it } from 'vitest'
import { completedAfterActivation } from '../../../src/exhibits/stationProgress'

const stations = ['write-sample', 'transfer', 'carve', 'ink', 'lay-paper', 'rub', 'lift']

describe('completedAfterActivation', () => {
  it('keeps every tick when the visitor moves forward', () => {
    const done = new Set(['write-sample', 'transfer'])
    expect(completedAfterActivation(stations, done, 'carve')).toBe(done)
  })

  it('restarts the bar when another block opens at 写样 after a finished print', () => {
    const done = new Set(stations)
    expect([...completedAfterActivation(stations, done, 'write-sample')]).toEqual([])
  })

  it('keeps the steps before a station made active again and drops the rest', () => {
    const done = new Set(['write-sample', 'transfer', 'carve', 'ink', 'lay-paper'])
    expect([...completedAfterActivation(stations, done, 'ink')]).toEqual([
      'write-sample',
      'transfer',
      'carve',
    ])
  })

  it('ignores a station the exhibit does not list', () => {
    const done = new Set(['write-sample'])
    expect(completedAfterActivation(stations, done, 'elsewhere')).toBe(done)
  })
})
