import { describe, expect, it } from 'vitest'
import { parseCaptionFile, parseLrc, parseSrt } from '../../../src/captions/captionFile'

describe('SRT captions', () => {
  it('reads numbered cues with comma or dot milliseconds, several text lines and markup', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:04,500\r\n<i>琵琶</i>起\r\n轮指\r\n\r\n2\n00:00:04.5 --> 00:01:02,250\nThe flute joins\n'
    expect(parseSrt(srt)).toEqual([
      { startSeconds: 1, endSeconds: 4.5, text: '琵琶起 轮指' },
      { startSeconds: 4.5, endSeconds: 62.25, text: 'The flute joins' },
    ])
  })

  it('names the line of a bad time, a backwards cue and a cue with no text', () => {
    expect(() => parseSrt('1\n00:00:01 --> 00:00:02,000\nx\n')).toThrow(
      /line 2: "00:00:01" is not a time/,
    )
    expect(() => parseSrt('1\n00:00:05,000 --> 00:00:02,000\nx\n')).toThrow(
      /line 2: the cue ends before it starts/,
    )
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\n\n')).toThrow(
      /line 2: the cue has no text/,
    )
    expect(() => parseSrt('hello\n')).toThrow(/line 1: expected "start --> end"/)
  })
})

describe('LRC captions', () => {
  it('lasts each line until the next, the last until the end; shared stamps, tags and offset', () => {
    const lrc =
      '[ar:Venue band]\n[offset:+500]\n[00:01.50]拍板起\n[00:10.00][00:30.00]合奏\n[00:20.00]\n'
    expect(parseLrc(lrc, 40)).toEqual([
      { startSeconds: 1, endSeconds: 9.5, text: '拍板起' },
      { startSeconds: 9.5, endSeconds: 19.5, text: '合奏' },
      { startSeconds: 29.5, endSeconds: 40, text: '合奏' },
    ])
  })

  it('names a line that is not timed', () => {
    expect(() => parseLrc('[00:01.00]a\njust words\n', 10)).toThrow(
      /line 2: expected "\[mm:ss.xx\] text"/,
    )
  })
})

it('chooses the reader by file ending and refuses any other', () => {
  expect(parseCaptionFile('a.LRC', '[00:00.00]x', 5)).toHaveLength(1)
  expect(() => parseCaptionFile('a.vtt', 'WEBVTT', 5)).toThrow(/\.srt or \.lrc/)
})
