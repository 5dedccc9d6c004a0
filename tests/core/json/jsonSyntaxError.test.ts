import { describe, expect, it } from 'vitest'
import { describeJsonSyntaxError, findJsonSyntaxProblem } from '../../../src/json/jsonSyntaxError'

/** The message for a text JSON.parse refuses. */
function describe_(text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return describeJsonSyntaxError(text, error as Error)
  }
  throw new Error('the text parsed')
}

describe('JSON syntax errors in words a person fixes', () => {
  it('a trailing comma: its line and column, and what to delete', () => {
    const text = '{\n  "id": "hz.autumn",\n  "version": "1.0.0",\n}\n'
    expect(describe_(text)).toBe(
      'not valid JSON: line 3, column 21: a trailing comma before `}`: delete this comma',
    )
  })

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 2, 9, 'a missing comma'],
    ["{'a': 1}", 1, 2, 'single quotes'],
    ['{"a": 1, // note\n"b": 2}', 1, 10, 'JSON has no comments'],
    ['{"a": [1, 2}', 1, 12, 'closes what `[` opened'],
    ['{"path": "C:\\kiosk"}', 1, 13, 'a backslash that starts no escape'],
    ['{"a": {"b": 1}', 1, 15, 'the file ends too early'],
    ['{a: 1}', 1, 2, 'a name without quotes'],
    ['{"title": "宋韵\n"}', 1, 11, 'its closing `"` is missing'],
  ])('%j → line %i, column %i: %s', (text, line, column, cause) => {
    const problem = findJsonSyntaxProblem(text)
    expect(problem).toMatchObject({ line, column })
    expect(problem?.cause).toContain(cause)
  })

  it('finds nothing in valid JSON (so it never invents a fault)', () => {
    expect(findJsonSyntaxProblem('{"a": [1, -2.5e3, "x\\u00e9", true, null, {}]}')).toBeUndefined()
  })
})
