import { describe, expect, it } from 'vitest'
import {
  enoughBandSeconds,
  ewerFullFlowPerSecond,
  ewerWaterOver,
} from '../../../../src/exhibits/teaWhisking/ewerFlow'
import { pourPrescriptions } from '../../../../src/exhibits/teaWhisking/pourPrescription'

describe('the ewer’s stream', () => {
  it('flows full until the pour has what it wants, then thins to a trickle', () => {
    // 0.04 wanted, none yet: 1.6 s at the full flow, then a third of it.
    expect(ewerWaterOver(1, 0, 0.04)).toBeCloseTo(ewerFullFlowPerSecond, 9)
    expect(ewerWaterOver(2.6, 0, 0.04)).toBeCloseTo(0.04 + ewerFullFlowPerSecond / 3, 9)
    expect(ewerWaterOver(3, 0.05, 0.04)).toBeCloseTo(ewerFullFlowPerSecond, 9)
    expect(ewerWaterOver(0, 0, 0.04)).toBe(0)
  })

  it('pours by the clock: one slow frame gives what many fast ones do', () => {
    let fast = 0
    for (let frame = 0; frame < 150; frame++) fast += ewerWaterOver(1 / 60, fast, 0.06)
    expect(ewerWaterOver(2.5, 0, 0.06)).toBeCloseTo(fast, 9)
  })

  it('leaves every pour at least two seconds between “enough” and “too much” to lift', () => {
    for (const { volumeFraction } of pourPrescriptions) {
      expect(enoughBandSeconds(volumeFraction)).toBeGreaterThanOrEqual(2)
    }
  })
})
