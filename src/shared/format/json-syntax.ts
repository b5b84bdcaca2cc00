/**
 * Finds where a JSON text stops being JSON. JSON.parse says *that* it failed, but the position
 * in its message differs between engines and versions (and is sometimes missing), so this small
 * scanner, run only after JSON.parse has failed, finds the offset itself.
 */

export interface JsonSyntaxProblem {
  /** 1-based line of the offending character. */
  readonly line: number
  /** 1-based column, counted in characters (code points). */
  readonly column: number
  /** What is wrong there, as a phrase: "unexpected "}"", "the text ends too early". */
  readonly message: string
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const HEX4 = /[0-9a-fA-F]{4}/y

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const offsetAndMessage = scan(text)
  if (!offsetAndMessage) return null
  const [offset, message] = offsetAndMessage
  const before = text.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return {
    line: before.split('\n').length,
    column: Array.from(text.slice(lineStart, offset)).length + 1,
    message
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text'
  if (ch === '\n') return 'a line break'
  if (ch === '\t') return 'a tab'
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`
  return JSON.stringify(ch)
}

type Expect = 'value' | 'key' | 'after'

/** [offset, message] of the first error, or null. Iterative, so deep nesting cannot overflow. */
function scan(text: string): [number, string] | null {
  const n = text.length
  const stack: ('{' | '[')[] = []
  let i = 0
  let expect: Expect = 'value'
  const skipWhitespace = () => {
    while (i < n && WHITESPACE.has(text[i] as string)) i++
  }
  const ended = (): [number, string] => [n, 'the text ends too early (is the file cut off?)']
  const unexpected = (wanted: string): [number, string] =>
    i >= n ? ended() : [i, `unexpected ${describe(text[i])} where ${wanted} should be`]

  /** Scans a string starting at the opening quote; returns an error or null. */
  const string = (): [number, string] | null => {
    i++
    for (;;) {
      if (i >= n) return ended()
      const ch = text[i] as string
      if (ch === '"') {
        i++
        return null
      }
      if (ch.charCodeAt(0) < 0x20) return [i, `${describe(ch)} inside a string (write it as an escape, e.g. \\n)`]
      if (ch === '\\') {
        const next = text[i + 1]
        if (next === undefined) return ended()
        if (next === 'u') {
          HEX4.lastIndex = i + 2
          if (!HEX4.test(text)) return [i, 'a \\u escape needs four hex digits']
          i += 6
          continue
        }
        if (!ESCAPES.has(next)) return [i, `unknown escape "\\${next}" in a string`]
        i += 2
        continue
      }
      i++
    }
  }

  for (;;) {
    skipWhitespace()
    if (expect === 'value') {
      const ch = text[i]
      if (ch === '{' || ch === '[') {
        i++
        skipWhitespace()
        if (text[i] === (ch === '{' ? '}' : ']')) {
          i++
          expect = 'after'
        } else {
          stack.push(ch)
          expect = ch === '{' ? 'key' : 'value'
        }
      } else if (ch === '"') {
        const problem = string()
        if (problem) return problem
        expect = 'after'
      } else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
        NUMBER.lastIndex = i
        if (!NUMBER.test(text)) return unexpected('a number')
        i = NUMBER.lastIndex
        expect = 'after'
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
        if (!literal) return unexpected('a value')
        i += literal.length
        expect = 'after'
      }
    } else if (expect === 'key') {
      if (text[i] !== '"') return unexpected('a field name in double quotes')
      const problem = string()
      if (problem) return problem
      skipWhitespace()
      if (text[i] !== ':') return unexpected('":"')
      i++
      expect = 'value'
    } else {
      const top = stack[stack.length - 1]
      if (top === undefined)
        return i < n ? [i, `unexpected ${describe(text[i])} after the end of the JSON value`] : null
      const close = top === '{' ? '}' : ']'
      if (text[i] === ',') {
        i++
        expect = top === '{' ? 'key' : 'value'
      } else if (text[i] === close) {
        i++
        stack.pop()
      } else {
        return unexpected(`"," or "${close}"`)
      }
    }
  }
}
