import { describe, expect, it } from 'vitest'
import { isOnStageMat, motionOf, seatBand } from '../../../../renderer/exhibits/folkMusic/bandSeats'
import { FolkStations } from '../../../../renderer/exhibits/folkMusic/folkStations'

describe('the band’s seats', () => {
  it('puts the clappers, who lead, in front and centre, the strings beside, the flutes behind', () => {
    const seats = seatBand(
      ['guqin', 'pipa', 'dizi', 'guzheng', 'paiban', 'xiao'].map((kind) => ({
        id: kind,
        instrument: kind as never,
      })),
    )
    expect(seats.get('paiban')).toMatchObject({ xPercent: 50, depth: 'front' })
    for (const kind of ['pipa', 'guzheng']) expect(seats.get(kind)!.depth).toBe('middle')
    for (const kind of ['dizi', 'xiao']) expect(seats.get(kind)!.depth).toBe('back')
    const places = [...seats.values()].map((seat) => `${seat.xPercent},${seat.yPercent}`)
    expect(new Set(places).size).toBe(6)
  })

  it('seats every instrument on the mat, the spare ones too: none floats on the paper', () => {
    const kinds = ['guqin', 'pipa', 'dizi', 'guzheng', 'paiban', 'xiao']
    const band = [...kinds, ...kinds].map((kind, index) => ({
      id: `${kind}-${index}`,
      instrument: kind as never,
    }))
    for (const [id, seat] of seatBand(band)) {
      expect(isOnStageMat(seat.xPercent, seat.yPercent), id).toBe(true)
    }
    expect(isOnStageMat(50, 20)).toBe(false)
    expect(isOnStageMat(10, 31)).toBe(false)
  })

  it('gives a second instrument of one kind a place of its own', () => {
    const seats = seatBand([
      { id: 'pipa-a', instrument: 'pipa' },
      { id: 'pipa-b', instrument: 'pipa' },
    ])
    expect(seats.get('pipa-a')).not.toEqual(seats.get('pipa-b'))
  })

  it('moves strings by trembling, flutes by breathing, clappers by striking', () => {
    expect(['pipa', 'dizi', 'paiban'].map((kind) => motionOf(kind as never))).toEqual([
      'tremble',
      'breathe',
      'strike',
    ])
  })
})

describe('the stage’s stations', () => {
  it('completes each station once: meeting, ten seconds heard, eight notes or toggles', () => {
    const completed: string[] = []
    const active: string[] = []
    const stations = new FolkStations(
      (id) => completed.push(id),
      (id) => active.push(id),
    )
    stations.metInstrument()
    stations.metInstrument()
    for (let i = 0; i < 99; i++) stations.listened(0.1)
    expect(completed).toEqual(['choose-instrument'])
    stations.listened(0.2)
    for (let i = 0; i < 8; i++) stations.playedAlong()
    expect(completed).toEqual(['choose-instrument', 'listen', 'play-along'])
    expect(active).toEqual(['listen', 'listen', 'play-along'])
  })
})
