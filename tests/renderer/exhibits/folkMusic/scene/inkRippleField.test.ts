import { describe, expect, it } from 'vitest'
import {
  InkRippleField,
  maxRipples,
  rippleLifeSeconds,
} from '../../../../../renderer/exhibits/folkMusic/scene/inkRippleField'
import {
  activeCaptionCue,
  formatDuration,
} from '../../../../../renderer/exhibits/folkMusic/activeCaption'

const bandCount = 8
const silence = new Float32Array(bandCount)
function loudAt(band: number, level = 0.9): Float32Array {
  const bands = new Float32Array(bandCount)
  bands[band] = level
  bands.fill(level * 0.5, 0, band)
  return bands
}

describe('InkRippleField', () => {
  it('leaves a ring where a note begins, over its loudest band, and none in silence', () => {
    const field = new InkRippleField({ bandCount, random: () => 0.5 })
    for (let i = 0; i < 30; i += 1) field.step(1 / 30, silence)
    expect(field.ripples).toHaveLength(0)
    field.step(1 / 30, loudAt(6))
    expect(field.ripples).toHaveLength(1)
    expect(field.ripples[0]!.x).toBeCloseTo(6.5 / bandCount)
  })

  it('a sustained note is one ring, not one per frame; rings fade away after their life', () => {
    const field = new InkRippleField({ bandCount, random: () => 0.5 })
    for (let i = 0; i < 30; i += 1) field.step(1 / 30, loudAt(3))
    expect(field.ripples).toHaveLength(1)
    for (let i = 0; i < rippleLifeSeconds * 30 + 1; i += 1) field.step(1 / 30, silence)
    expect(field.ripples).toHaveLength(0)
  })

  it('the ridge follows the music slowly, and more slowly with reduced motion', () => {
    const calm = new InkRippleField({ bandCount })
    calm.isReducedMotion = true
    const lively = new InkRippleField({ bandCount })
    calm.step(0.1, loudAt(2))
    lively.step(0.1, loudAt(2))
    expect(lively.ridge[2]).toBeGreaterThan(0)
    expect(lively.ridge[2]).toBeLessThan(0.9)
    expect(calm.ridge[2]).toBeLessThan(lively.ridge[2]!)
  })

  it('with reduced motion the music spreads no rings, but a tap still leaves one', () => {
    const field = new InkRippleField({ bandCount })
    field.isReducedMotion = true
    for (let i = 0; i < 10; i += 1) field.step(1 / 30, silence)
    field.step(1 / 30, loudAt(5))
    expect(field.ripples).toHaveLength(0)
    field.addRipple(0.2, 0.6, 0.7)
    expect(field.ripples).toHaveLength(1)
  })

  it('keeps at most maxRipples rings, dropping the oldest', () => {
    const field = new InkRippleField({ bandCount })
    for (let i = 0; i < maxRipples + 5; i += 1) field.addRipple(i / 100, 0.5, 1)
    expect(field.ripples).toHaveLength(maxRipples)
    expect(field.ripples[0]!.x).toBeCloseTo(5 / 100)
  })
})

describe('captions', () => {
  const text = (s: string) => ({ 'zh-CN': s, en: s })
  const track = {
    id: 't',
    title: text('t'),
    performer: text('p'),
    durationSeconds: 30,
    audio: 'a.ogg',
    credits: text('c'),
    isPlayAlongBed: false,
    captions: [
      { startSeconds: 0, endSeconds: 4, text: text('one') },
      { startSeconds: 6, endSeconds: 9, text: text('two') },
    ],
  }

  it('picks the cue in force, none in a gap or after the last', () => {
    expect(activeCaptionCue(track, 0)?.text.en).toBe('one')
    expect(activeCaptionCue(track, 3.99)?.text.en).toBe('one')
    expect(activeCaptionCue(track, 4)).toBeUndefined()
    expect(activeCaptionCue(track, 7)?.text.en).toBe('two')
    expect(activeCaptionCue(track, 12)).toBeUndefined()
    expect(activeCaptionCue(undefined, 1)).toBeUndefined()
  })

  it('formats durations as m:ss', () => {
    expect(formatDuration(42)).toBe('0:42')
    expect(formatDuration(61.6)).toBe('1:02')
    expect(formatDuration(-1)).toBe('0:00')
  })
})

describe('InkRippleField redraws', () => {
  it('is still once silence has settled and no ring is left, and moves again on a tap', () => {
    const field = new InkRippleField({ bandCount })
    field.step(1 / 30, loudAt(3))
    expect(field.isMoving).toBe(true)
    for (let i = 0; i < 30 * (rippleLifeSeconds + 5); i += 1) {
      field.markDrawn()
      field.step(1 / 30, silence)
    }
    expect(field.isMoving).toBe(false)
    field.addRipple(0.5, 0.5, 0.5)
    expect(field.isMoving).toBe(true)
  })
})
