import { describe, expect, it } from 'vitest'
import { teaTermRuns } from '../../../../src/exhibits/teaWhisking/teaTermRuns'
import { verdictLines } from '../../../../src/exhibits/teaWhisking/teaVerdictText'
import { prescribedBowl, stillSurfaceBowl } from './teaScripts'
import { judgeTea } from '../../../../src/exhibits/teaWhisking/teaVerdict'

const terms = (text: string) =>
  teaTermRuns(text)
    .filter((run) => run.isTerm)
    .map((run) => run.text)

describe('the tea texts’ terms, kept whole on a line', () => {
  it('marks a quoted term with its quotation marks, and the plain words around it', () => {
    expect(teaTermRuns('乳沫周回凝而不动，是为“咬盏”。')).toEqual([
      { text: '乳沫周回凝而不动，是为', isTerm: false },
      { text: '“咬盏”', isTerm: true },
      { text: '。', isTerm: false },
    ])
  })

  it('marks the terms of art where they stand unquoted, in either language', () => {
    expect(terms('水痕很快便现。斗茶以水痕先现者为负。')).toEqual(['水痕', '斗茶', '水痕'])
    expect(terms('it "bites the bowl" (咬盏).')).toEqual(['"bites the bowl"', '咬盏'])
  })

  it('gives every verdict line back unchanged when its runs are joined', () => {
    for (const bowl of [prescribedBowl(), stillSurfaceBowl()]) {
      for (const line of verdictLines(judgeTea(bowl))) {
        for (const text of Object.values(line)) {
          expect(
            teaTermRuns(text)
              .map((run) => run.text)
              .join(''),
          ).toBe(text)
        }
      }
    }
  })

  it('leaves a text without terms as one plain run', () => {
    expect(teaTermRuns('沫细如乳，不见粗泡。')).toEqual([
      { text: '沫细如乳，不见粗泡。', isTerm: false },
    ])
    expect(teaTermRuns('')).toEqual([])
  })
})
