// The full-text query syntax the README documents (SQLite FTS5's: words, "phrases", word*, AND, OR, NOT, parentheses,
// NEAR(...), a column filter) turned into a PostgreSQL tsquery expression, so that both stores take the same queries
// and refuse the same malformed ones (QuerySyntaxError, HTTP 400). Each word or phrase goes through the same folding
// as the indexed text (whosaid_unaccent, the 'simple' configuration). Differences, stated in docs/operations.md:
// NEAR(a b, N) finds a and b anywhere in the quote, and ^ (start of the text) is not a restriction.
import { checkQueryShape } from '../fts-limits.js'
import { QuerySyntaxError } from '../errors.js'

type Node =
  | { kind: 'phrase', words: string, prefix: boolean }
  | { kind: 'and' | 'or' | 'not', left: Node, right: Node }

interface Token {
  type: 'word' | 'string' | '(' | ')' | '*' | ':' | '^' | '+' | ','
  text: string
}

// FTS5 barewords: letters, digits, _ and any non-ASCII character; other ASCII is syntax.
const BAREWORD = /[\p{L}\p{N}_\u0080-\uffff\u{10000}-\u{10ffff}\x1a]+/uy

function syntaxError (detail: string): QuerySyntaxError {
  return new QuerySyntaxError(`q is not a valid full-text query (${detail}); put phrases in double quotes, e.g. "peace deal"`)
}

function tokenize (query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const c = query[i]!
    if (/\s/.test(c)) { i++; continue }
    if (c === '"') {
      let text = ''
      let j = i + 1
      for (;;) {
        if (j >= query.length) throw syntaxError('unterminated string')
        if (query[j] === '"') {
          if (query[j + 1] === '"') { text += '"'; j += 2; continue }
          break
        }
        text += query[j++]
      }
      tokens.push({ type: 'string', text })
      i = j + 1
      continue
    }
    if ('()*:^+,'.includes(c)) {
      tokens.push({ type: c as Token['type'], text: c })
      i++
      continue
    }
    BAREWORD.lastIndex = i
    const word = BAREWORD.exec(query)
    if (!word) throw syntaxError(`syntax error near "${c}"`)
    tokens.push({ type: 'word', text: word[0] })
    i += word[0].length
  }
  return tokens
}

class Parser {
  #at = 0
  constructor (readonly tokens: Token[], readonly column: string) {}

  parse (): Node {
    if (this.tokens.length === 0) throw syntaxError('empty query')
    const node = this.#or()
    const rest = this.tokens[this.#at]
    if (rest) throw syntaxError(`syntax error near "${rest.text}"`)
    return node
  }

  #peek (): Token | undefined { return this.tokens[this.#at] }
  #isOperator (word: string): boolean {
    const token = this.#peek()
    return token?.type === 'word' && token.text === word
  }

  #or (): Node {
    let node = this.#and()
    while (this.#isOperator('OR')) { this.#at++; node = { kind: 'or', left: node, right: this.#and() } }
    return node
  }

  #and (): Node {
    let node = this.#not()
    for (;;) {
      if (this.#isOperator('AND')) { this.#at++; node = { kind: 'and', left: node, right: this.#not() }; continue }
      const next = this.#peek()
      // Implicit AND: another primary follows.
      if (next && (next.type === 'string' || next.type === '(' || next.type === '^' ||
        (next.type === 'word' && !['OR', 'NOT', 'AND'].includes(next.text)))) {
        node = { kind: 'and', left: node, right: this.#not() }
        continue
      }
      return node
    }
  }

  #not (): Node {
    let node = this.#primary()
    while (this.#isOperator('NOT')) { this.#at++; node = { kind: 'not', left: node, right: this.#primary() } }
    return node
  }

  #primary (): Node {
    const token = this.#peek()
    if (!token) throw syntaxError('syntax error: the query ends where a word was expected')
    if (token.type === '(') {
      this.#at++
      const node = this.#or()
      if (this.#peek()?.type !== ')') throw syntaxError('syntax error: a parenthesis is not closed')
      this.#at++
      return node
    }
    if (token.type === '^') { this.#at++; return this.#primary() }
    if (token.type === 'word' && token.text === 'NEAR' && this.tokens[this.#at + 1]?.type === '(') return this.#near()
    if (token.type === 'word' && this.tokens[this.#at + 1]?.type === ':') {
      if (token.text.toLowerCase() !== this.column) throw syntaxError(`no such column: ${token.text}`)
      this.#at += 2
      return this.#primary()
    }
    if (token.type === 'word' && ['AND', 'OR', 'NOT'].includes(token.text)) throw syntaxError(`syntax error near "${token.text}"`)
    return this.#phrase()
  }

  /** A phrase: words or strings joined by +, the last one maybe a prefix (*). */
  #phrase (): Node {
    const parts: string[] = []
    let prefix = false
    for (;;) {
      const token = this.#peek()
      if (!token || (token.type !== 'word' && token.type !== 'string')) throw syntaxError(`syntax error near "${token?.text ?? 'the end'}"`)
      parts.push(token.text)
      this.#at++
      if (this.#peek()?.type === '*') { this.#at++; prefix = true; break }
      if (this.#peek()?.type !== '+') break
      this.#at++
    }
    return { kind: 'phrase', words: parts.join(' '), prefix }
  }

  /** NEAR(phrase phrase ..., N): every phrase, anywhere in the text. */
  #near (): Node {
    this.#at += 2
    let node: Node | undefined
    while (this.#peek() && this.#peek()!.type !== ')' && this.#peek()!.type !== ',') {
      const phrase = this.#phrase()
      node = node ? { kind: 'and', left: node, right: phrase } : phrase
    }
    if (this.#peek()?.type === ',') {
      this.#at++
      const distance = this.#peek()
      if (distance?.type !== 'word' || !/^\d+$/.test(distance.text)) throw syntaxError('syntax error: NEAR takes a number after the comma')
      this.#at++
    }
    if (this.#peek()?.type !== ')' || node === undefined) throw syntaxError('syntax error in NEAR(...)')
    this.#at++
    return node
  }
}

/**
 * A SQL expression of type tsquery for `query`, its values appended to `values` (numbered after those already there).
 * Throws QueryLimitError over the limits, QuerySyntaxError when the query is not valid.
 */
export function tsqueryExpression (query: string, column: string, values: unknown[]): string {
  checkQueryShape(query)
  if (query.includes('\0')) throw syntaxError('syntax error near NUL')
  const tree = new Parser(tokenize(query), column).parse()
  const param = (value: string): string => { values.push(value); return `$${values.length}` }
  const sql = (node: Node): string => {
    switch (node.kind) {
      case 'and': return `(${sql(node.left)} && ${sql(node.right)})`
      case 'or': return `(${sql(node.left)} || ${sql(node.right)})`
      case 'not': return `(${sql(node.left)} && !!${sql(node.right)})`
      case 'phrase': {
        if (!node.prefix) return `phraseto_tsquery('simple', whosaid_unaccent(${param(node.words)}))`
        // The last word is a prefix: the words before it as a phrase, followed by the prefix.
        const words = node.words.split(/\s+/).filter((word) => word !== '')
        const last = words.pop() ?? ''
        const lexeme = last.match(/[\p{L}\p{N}]+/gu)?.join('') ?? ''
        if (lexeme === '') throw syntaxError('syntax error: * follows no word')
        const prefix = `to_tsquery('simple', whosaid_unaccent(${param(`'${lexeme.replace(/'/g, "''")}':*`)}))`
        return words.length === 0 ? prefix : `tsquery_phrase(phraseto_tsquery('simple', whosaid_unaccent(${param(words.join(' '))})), ${prefix})`
      }
    }
  }
  return sql(tree)
}
