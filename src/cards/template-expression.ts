/**
 * The `${…}` expressions of the card templates, read as adaptive-expressions 4.23.3 (AEL, what
 * adaptivecards-templating parses with) reads them, for the subset compiled-template.ts compiles. Loading AEL
 * (antlr4ts, a timex recognizer, lodash, big-integer…: 480 modules) cost the running bot about 6 MB of live
 * heap for a few tiny expressions parsed once at start-up.
 *
 * A string with `${` is an AEL string interpolation: `` \` `` and `\$` are a backtick and a dollar, a bare
 * backtick is an error, and `${…}` is an expression only as AEL's lexer takes one: it ends at the first `}`
 * outside quotes, on the same line, and holds at least one character; otherwise its `$` is text.
 *
 * Expressions: property paths (`a.b`, `$root.a`, `#a`, `@a`), numbers (`1`, `1.5`), strings in single or
 * double quotes (`\'`, `\"`, `\\`, `\n`, `\r`, `\t`; any other `\x` stays as written), `true`, `false`, `null`,
 * `!`, `==`, `!=`, `&&`, `||` and parentheses, with AEL's precedence (`!`, then `==` `!=`, `&&`, `||`, each
 * left to right). What else AEL has (function calls, indexing, arithmetic, comparisons, `? :`, `??`,
 * `undefined`, object and array literals) is an ExpressionError that says so.
 */

export type Expression =
  | { readonly kind: 'path'; readonly names: readonly string[] }
  | { readonly kind: 'constant'; readonly value: string | number | boolean | null }
  | { readonly kind: '!'; readonly operand: Expression }
  | { readonly kind: BinaryOperator; readonly left: Expression; readonly right: Expression };

type BinaryOperator = '==' | '!=' | '&&' | '||';

/** A string with `${…}`: its text (adjacent text merged) and its expressions, in order. */
export type Interpolated = Array<string | Expression>;

export class ExpressionError extends Error {
  /** @param unsupported AEL reads it, the compiled templates do not support it (otherwise AEL rejects it too). */
  constructor(
    message: string,
    readonly unsupported: boolean,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

export function parseInterpolated(text: string): Interpolated {
  const parts: Interpolated = [];
  let literal = '';
  for (let i = 0; i < text.length; ) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    const end = c === '$' && next === '{' ? templateEnd(text, i) : -1;
    if (c === '\\' && (next === '`' || next === '$')) {
      literal += next;
      i += 2;
    } else if (c === '`') {
      // AEL reads the template string as `…`: a bare backtick ends it early.
      throw new ExpressionError(`a backtick at column ${i + 1} must be written \\\``, false);
    } else if (c === '\\' && i === text.length - 1) {
      throw new ExpressionError('it ends with a backslash, which would escape the backtick AEL reads the string in', false);
    } else if (end !== -1) {
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(parseExpression(text, i + 2, end));
      i = end + 1;
    } else {
      literal += c;
      i++;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
}

/** The `}` ending the `${` at `start`, or -1 when AEL's lexer reads that `$` as text. */
function templateEnd(text: string, start: number): number {
  let backslash = false;
  for (let i = start + 2; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '}') return i > start + 2 ? i : -1;
    if (c === "'" || c === '"') {
      const close = stringEnd(text, i);
      backslash ||= text.slice(i, close === -1 ? undefined : close + 1).includes('\\' + c);
      if (close === -1) break;
      i = close;
    } else if (c === '{') {
      throw new ExpressionError(`"{" at column ${i + 1} (object literals)`, true);
    } else if (c === '\r' || c === '\n' || c === '`') {
      break;
    }
  }
  // Without a closing `}`, AEL's lexer may still find one by reading a backslash before a quote as text.
  if (backslash) throw new ExpressionError(`the \${ at column ${start + 1} has no closing } and a backslash before a quote`, false);
  return -1;
}

/** The closing quote of the string opening at `open` (`\'`/`\"` and `\\` are escapes), or -1. */
function stringEnd(text: string, open: number): number {
  const quote = text.charAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === quote) return i;
    if (c === '\\' && (text.charAt(i + 1) === quote || text.charAt(i + 1) === '\\')) i++;
  }
  return -1;
}

type Token = { kind: 'name' | 'symbol' | 'end'; text: string; at: number } | { kind: 'value'; text: string; at: number; value: string | number };

const SPACE = /[ \t\ufeff\u00a0]+/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
const NAME = /(?:@@|[a-zA-Z_#@$%])[a-zA-Z0-9_]*/y;
// AEL's operators: the supported ones and those to name in an error.
const SYMBOL = /==|!=|&&|\|\||<>|<=|>=|=>|\?\?|[!().+\-*/%^&<>[\]{},:?]/y;
const SUPPORTED_SYMBOLS = new Set(['==', '!=', '&&', '||', '!', '(', ')', '.']);
const ESCAPES: Readonly<Record<string, string>> = { '\\r': '\r', '\\n': '\n', '\\t': '\t', '\\\\': '\\' };

/** The expression in `text` between the `${` content at `from` and its `}` at `to`, trimmed as AEL trims it. */
function tokenize(text: string, from: number, to: number): Token[] {
  const content = text.slice(from, to);
  let start = from + content.length - content.trimStart().length;
  const end = from + content.trimEnd().length;
  // AEL's Expression.parse drops one leading `=`.
  if (text.charAt(start) === '=') start++;
  const source = text.slice(0, end);
  const tokens: Token[] = [];
  for (let i = start; i < end; ) {
    const match = (pattern: RegExp): string => {
      pattern.lastIndex = i;
      return pattern.exec(source)?.[0] ?? '';
    };
    const c = source.charAt(i);
    let word = match(SPACE);
    if (word !== '') {
      // skipped, as AEL does
    } else if (c === "'" || c === '"') {
      const close = stringEnd(source, i);
      // templateEnd read the same quotes, so this does not happen; it would otherwise loop for ever.
      if (close === -1) throw new ExpressionError(`the string at column ${i + 1} does not end`, false);
      word = source.slice(i, close + 1);
      tokens.push({ kind: 'value', text: word, at: i, value: unquote(word) });
    } else if ((word = match(NUMBER)) !== '') {
      tokens.push({ kind: 'value', text: word, at: i, value: parseFloat(word) });
    } else if ((word = match(NAME)) !== '' && word !== '%') {
      tokens.push({ kind: 'name', text: word, at: i });
    } else if ((word = match(SYMBOL)) !== '') {
      tokens.push({ kind: 'symbol', text: word, at: i });
    } else {
      throw new ExpressionError(`unexpected ${JSON.stringify(c)} at column ${i + 1}`, false);
    }
    i += word.length;
  }
  tokens.push({ kind: 'end', text: '', at: to });
  return tokens;
}

/** A string token's value as AEL computes it: the quote escape first, then `\r \n \t \\`. */
function unquote(word: string): string {
  const quote = word.charAt(0);
  return word
    .slice(1, -1)
    .replaceAll('\\' + quote, quote)
    .replace(/\\[^\r\n]?/g, (escape) => ESCAPES[escape] ?? escape);
}

function parseExpression(text: string, from: number, to: number): Expression {
  const tokens = tokenize(text, from, to);
  // An empty `${ }` is AEL's empty string.
  if (tokens.length === 1) return { kind: 'constant', value: '' };
  let next = 0;
  // `next` never passes the end token: only other tokens are taken.
  const peek = (): Token => tokens[next] as Token;
  const take = <T extends string>(symbols: readonly T[]): T | undefined => {
    const token = peek();
    const symbol = token.kind === 'symbol' ? symbols.find((candidate) => candidate === token.text) : undefined;
    if (symbol !== undefined) next++;
    return symbol;
  };
  const unexpected = (expected: string): ExpressionError => {
    const token = peek();
    if (token.kind === 'symbol' && !SUPPORTED_SYMBOLS.has(token.text)) return new ExpressionError(`"${token.text}" at column ${token.at + 1}`, true);
    return new ExpressionError(`expected ${expected} at column ${token.at + 1}, found ${token.kind === 'end' ? 'the end' : JSON.stringify(token.text)}`, false);
  };
  const binary = (operators: readonly BinaryOperator[], operand: () => Expression): Expression => {
    let left = operand();
    for (let kind = take(operators); kind !== undefined; kind = take(operators)) left = { kind, left, right: operand() };
    return left;
  };
  const or = (): Expression => binary(['||'], and);
  const and = (): Expression => binary(['&&'], equality);
  const equality = (): Expression => binary(['==', '!='], unary);
  const unary = (): Expression => (take(['!']) ? { kind: '!', operand: unary() } : member());
  const member = (): Expression => {
    let expression = primary();
    while (take(['.'])) {
      const name = peek();
      if (name.kind !== 'name') throw unexpected('a property name');
      // `(a).b` is `a.b` to AEL; a property of anything else is not.
      if (expression.kind !== 'path') throw new ExpressionError(`.${name.text} at column ${name.at + 1} on a value that is not a property path`, true);
      next++;
      expression = { kind: 'path', names: [...expression.names, name.text] };
    }
    return expression;
  };
  const primary = (): Expression => {
    const token = peek();
    if (token.kind === 'value') {
      next++;
      return { kind: 'constant', value: token.value };
    }
    if (token.kind === 'name') {
      next++;
      if (take(['('])) throw new ExpressionError(`the function call ${token.text}(…) at column ${token.at + 1}`, true);
      if (token.text === 'undefined') throw new ExpressionError(`undefined at column ${token.at + 1}`, true);
      if (token.text === 'true' || token.text === 'false') return { kind: 'constant', value: token.text === 'true' };
      return token.text === 'null' ? { kind: 'constant', value: null } : { kind: 'path', names: [token.text] };
    }
    if (!take(['('])) throw unexpected('a value');
    const inner = or();
    if (!take([')'])) throw unexpected('")"');
    return inner;
  };
  const expression = or();
  if (peek().kind !== 'end') throw unexpected('an operator');
  return expression;
}
