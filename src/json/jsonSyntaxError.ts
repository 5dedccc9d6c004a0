/**
 * Explains why a text is not JSON the way a person fixes it: where (line and column, counted from
 * 1) and the likely cause in words ("a trailing comma", "single quotes"). JSON.parse says only
 * "at position 1490", and not even that for some errors; a hand-edited manifest.json or
 * settings.json deserves better.
 */
export interface JsonSyntaxProblem {
  readonly line: number
  readonly column: number
  /** The likely cause and its fix, e.g. "a trailing comma before `}`: delete the comma". */
  readonly cause: string
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason)
  }
}

/** Finds the first syntax error of `text`; `undefined` when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const scanner = new JsonScanner(text)
  try {
    scanner.document()
    return undefined
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    return { ...lineAndColumn(text, error.offset), cause: error.reason }
  }
}

/**
 * "not valid JSON: line 63, column 3: a trailing comma before `}`: delete the comma", or the
 * parser's own words when the scanner finds nothing (it should not happen).
 */
export function describeJsonSyntaxError(text: string, parseError: Error): string {
  const problem = findJsonSyntaxProblem(text)
  if (!problem) return `not valid JSON: ${parseError.message}`
  return `not valid JSON: line ${problem.line}, column ${problem.column}: ${problem.cause}`
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text[i] === '\n') {
      line += 1
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** A strict JSON reader that stops at the first fault with the cause a person would name. */
class JsonScanner {
  #at = 0
  constructor(private readonly text: string) {}

  document(): void {
    this.#skipSpace()
    if (this.#at >= this.text.length)
      throw new Stop(0, 'the file is empty; it must hold a JSON object')
    this.#value()
    this.#skipSpace()
    if (this.#at < this.text.length) {
      throw new Stop(
        this.#at,
        'text after the end of the JSON value: delete it, or a `{` or `[` is missing before it',
      )
    }
  }

  #skipSpace(): void {
    while (this.#at < this.text.length && ' \t\r\n\uFEFF'.includes(this.text[this.#at]!))
      this.#at += 1
  }

  #endOfText(): Stop {
    return new Stop(
      this.text.length,
      'the file ends too early: a closing `}`, `]` or `"` is missing',
    )
  }

  #unexpected(expected: string): Stop {
    const c = this.text[this.#at]
    if (c === undefined) return this.#endOfText()
    if (c === "'") return new Stop(this.#at, 'single quotes: JSON needs double quotes `"`')
    if (c === '/') return new Stop(this.#at, 'a comment: JSON has no comments; delete it')
    return new Stop(this.#at, `\`${c}\` where ${expected} should be`)
  }

  #value(): void {
    this.#skipSpace()
    const c = this.text[this.#at]
    if (c === '{') return this.#object()
    if (c === '[') return this.#array()
    if (c === '"') return this.#string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.#number()
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.#at)) {
        this.#at += word.length
        return
      }
    }
    if (c !== undefined && /[A-Za-z]/.test(c)) {
      throw new Stop(this.#at, 'a bare word: text values need double quotes `"…"`')
    }
    throw this.#unexpected('a value')
  }

  #object(): void {
    this.#at += 1
    this.#skipSpace()
    if (this.text[this.#at] === '}') {
      this.#at += 1
      return
    }
    for (;;) {
      this.#skipSpace()
      const c = this.text[this.#at]
      if (c !== '"') {
        if (c !== undefined && /[A-Za-z_$]/.test(c)) {
          throw new Stop(this.#at, 'a name without quotes: write it as `"name"`')
        }
        throw this.#unexpected('a "name" in double quotes')
      }
      this.#string()
      this.#skipSpace()
      if (this.text[this.#at] !== ':') throw this.#unexpected('a `:` after the name')
      this.#at += 1
      this.#value()
      if (this.#afterMember('}')) return
    }
  }

  #array(): void {
    this.#at += 1
    this.#skipSpace()
    if (this.text[this.#at] === ']') {
      this.#at += 1
      return
    }
    for (;;) {
      this.#value()
      if (this.#afterMember(']')) return
    }
  }

  /** After a member: `,` (not before the closer) continues, the closer ends; true when ended. */
  #afterMember(closer: '}' | ']'): boolean {
    this.#skipSpace()
    const c = this.text[this.#at]
    if (c === closer) {
      this.#at += 1
      return true
    }
    if (c === ',') {
      const commaAt = this.#at
      this.#at += 1
      this.#skipSpace()
      if (this.text[this.#at] === closer) {
        throw new Stop(commaAt, `a trailing comma before \`${closer}\`: delete this comma`)
      }
      return false
    }
    if (c === '"' || c === '{' || c === '[') {
      return this.#throwMissingComma()
    }
    const other = closer === '}' ? ']' : '}'
    if (c === other)
      throw new Stop(
        this.#at,
        `\`${c}\` closes what \`${closer === '}' ? '{' : '['}\` opened: use \`${closer}\``,
      )
    throw this.#unexpected(`\`,\` or \`${closer}\``)
  }

  #throwMissingComma(): never {
    // Point at the end of the previous value, where the comma belongs.
    let end = this.#at - 1
    while (end > 0 && ' \t\r\n'.includes(this.text[end]!)) end -= 1
    throw new Stop(end + 1, 'a missing comma: add `,` between the two entries')
  }

  #string(): void {
    const startAt = this.#at
    this.#at += 1
    for (;;) {
      const c = this.text[this.#at]
      if (c === undefined)
        throw new Stop(startAt, 'a text that never ends: its closing `"` is missing')
      if (c === '\n')
        throw new Stop(
          startAt,
          'a text that runs to the end of the line: its closing `"` is missing (a line break inside text is written `\\n`)',
        )
      if (c === '\\') {
        const next = this.text[this.#at + 1]
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.#at + 2, this.#at + 6))) {
          this.#at += 6
          continue
        }
        if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          this.#at += 2
          continue
        }
        throw new Stop(
          this.#at,
          'a backslash that starts no escape: write `\\\\` for a backslash (Windows paths use `/` or `\\\\`)',
        )
      }
      if (c < ' ')
        throw new Stop(this.#at, 'a control character (a tab?) inside text: write it as `\\t`')
      this.#at += 1
      if (c === '"') return
    }
  }

  #number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      this.text.slice(this.#at, this.#at + 64),
    )
    if (!match || match[0] === '-')
      throw new Stop(this.#at, 'not a number JSON accepts (no leading zeros, `+` or trailing dot)')
    this.#at += match[0].length
  }
}
