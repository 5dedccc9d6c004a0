import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TouchCue from '../../../renderer/components/TouchCue.vue'

const hint = { 'zh-CN': '熁盏：轻触茶盏', en: 'Warm the bowl: touch it' }
const ring = { centreX: 300, centreY: 200, radiusXPx: 120, radiusYPx: 80 }

function cue(props: Record<string, unknown>) {
  return mount(TouchCue, { props: { ring, hint, language: 'zh-CN', isSteady: false, ...props } })
}

describe('TouchCue', () => {
  it('shows the hint in both languages, the visitor’s first', () => {
    const lines = (language: string) =>
      cue({ language })
        .findAll('[data-touch-cue-hint] [lang]')
        .map((line) => [line.attributes('lang'), line.text()])
    expect(lines('zh-CN')).toEqual([
      ['zh-CN', hint['zh-CN']],
      ['en', hint.en],
    ])
    expect(lines('en')).toEqual([
      ['en', hint.en],
      ['zh-CN', hint['zh-CN']],
    ])
  })

  it('draws the ring as one brush path round the target, carrying the exhibit’s test hooks', () => {
    const wrapper = cue({ ringAttrs: { 'data-tea-touch-target': 'bowl' } })
    const svg = wrapper.find('svg[data-touch-cue-ring]')
    expect(svg.attributes('data-tea-touch-target')).toBe('bowl')
    // Centred on the target: the ink box is as far left of the centre as right of it.
    const left = Number.parseFloat(svg.attributes('style')!.match(/left: ([\d.-]+)px/)![1]!)
    const width = Number.parseFloat(svg.attributes('style')!.match(/width: ([\d.-]+)px/)![1]!)
    expect(left + width / 2).toBeCloseTo(ring.centreX)
    expect(svg.findAll('path.touch-cue__ink')).toHaveLength(1)
  })

  it('marks the ring steady under the visitor’s reduced motion, and shows nothing without a target', () => {
    expect(cue({ isSteady: true }).find('[data-touch-cue]').classes()).toContain('is-steady')
    expect(cue({ isSteady: false }).find('[data-touch-cue]').classes()).not.toContain('is-steady')
    const empty = cue({ ring: undefined, hint: undefined })
    expect(empty.find('[data-touch-cue-ring]').exists()).toBe(false)
    expect(empty.find('[data-touch-cue-hint]').exists()).toBe(false)
  })
})
