import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BilingualSlip from '../../../renderer/components/BilingualSlip.vue'
import ReversalNote from '../../../renderer/exhibits/woodblockPrinting/ReversalNote.vue'

const text = { 'zh-CN': '向右拖动纸张，盖上木版 →', en: 'Drag the paper right onto the block →' }

describe('BilingualSlip', () => {
  it('lays the visitor’s language first, the other marked as such, arrows held to their words', () => {
    const slip = mount(BilingualSlip, { props: { text, language: 'en' } })
    const lines = slip.findAll('[lang]')
    expect(lines.map((line) => line.attributes('lang'))).toEqual(['en', 'zh-CN'])
    expect(lines[0]!.classes()).not.toContain('bilingual-slip__line--other')
    expect(lines[1]!.classes()).toContain('bilingual-slip__line--other')
    expect(lines[0]!.text()).toBe('Drag the paper right onto the block\u00a0→')
    expect(lines[1]!.text()).toBe('向右拖动纸张，盖上木版\u00a0→')
  })

  it('stays hidden at the corner until placed, then stands where it is put', () => {
    const hidden = mount(BilingualSlip, { props: { text, language: 'zh-CN' } })
    expect(hidden.attributes('style')).toContain('visibility: hidden')
    const placed = mount(BilingualSlip, {
      props: { text, language: 'zh-CN', place: { x: 40, y: 12 } },
    })
    expect(placed.attributes('style')).toContain('left: 40px')
    expect(placed.attributes('style')).toContain('top: 12px')
    expect(placed.attributes('style')).not.toContain('hidden')
  })

  it('is the slip the woodblock’s reversal note shows its note on', () => {
    const note = mount(ReversalNote, {
      props: {
        mark: { x: 100, y: 100, width: 40, height: 80 },
        note: { 'zh-CN': '字是反的', en: 'The writing is reversed' },
        language: 'zh-CN',
        avoid: [],
      },
    })
    const slip = note.findComponent(BilingualSlip)
    expect(slip.exists()).toBe(true)
    expect(slip.findAll('[lang]').map((line) => line.text())).toEqual([
      '字是反的',
      'The writing is reversed',
    ])
  })
})
