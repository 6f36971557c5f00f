import { Template } from 'adaptivecards-templating';
import fc from 'fast-check';
import { compileTemplate, TemplateCompileError } from '../../src/cards/compiled-template';

/**
 * The `${…}` tokenizer and parser (src/cards/template-expression.ts) through the compiled templates, against
 * adaptivecards-templating 2.3.1, which reads expressions with adaptive-expressions 4.23.3.
 */
const reference = (payload: unknown, root: object): unknown => new Template(payload).expand({ $root: root });
const compiled = (payload: unknown, root: object): unknown => compileTemplate('test.json', payload)(root);

/** The expansion of `{ v: text }`, checked to be adaptivecards-templating's. */
function value(text: string, root: object = ROOT): unknown {
  const payload = { v: text };
  const actual = compiled(payload, root);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(reference(payload, root)));
  return (actual as { v?: unknown }).v;
}

/** Whether `$when: text` keeps its object, checked to be adaptivecards-templating's answer. */
function when(text: string, root: object = ROOT): boolean {
  const payload = { kept: { $when: text } };
  const actual = compiled(payload, root);
  expect(actual).toStrictEqual(reference(payload, root));
  return (actual as { kept: unknown }).kept !== null;
}

function compileError(text: string): string {
  try {
    compileTemplate('bad.json', { v: text });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateCompileError);
    return (error as Error).message;
  }
  throw new Error(`${text} compiled`);
}

const ROOT = { a: 'x', t: true, f: false, n: 2, b: { c: 'bc' }, quote: "it's", said: 'say "hi"', slash: 'a\\b', nothing: null };

describe('template expressions: operators and precedence as adaptive-expressions', () => {
  it('! binds tighter than ==, == tighter than &&, && tighter than ||; each left to right', () => {
    expect(value('${!a == true}')).toBe(false); // (!a) == true
    expect(value('${!(a == true)}')).toBe(true);
    expect(value('${!f && f}')).toBe(false); // (!f) && f
    expect(value('${!(f && f)}')).toBe(true);
    expect(value('${t || f && f}')).toBe(true); // t || (f && f)
    expect(value('${(t || f) && f}')).toBe(false);
    expect(value('${f && f || t}')).toBe(true);
    expect(value("${a == 'x' == true}")).toBe(true); // (a == 'x') == true
    expect(value('${!!a}')).toBe(true);
    expect(value('${n == 2 && !(b.c != "bc") || missing}')).toBe(true);
  });

  it('|| is true, or else the value of its last operand; && and ! are booleans', () => {
    expect(value('${missing || missing}')).toBeUndefined();
    expect(value('${f || nothing}')).toBeNull();
    expect(value('${nothing || f}')).toBe(false);
    expect(value('${nothing || a}')).toBe(true);
    expect(value('${nothing && a}')).toBe(false);
    expect(value('${a && n}')).toBe(true);
    expect(value('x ${f || f}')).toBe('x false');
    expect(() => compiled({ v: 'x ${f || nothing}' }, ROOT)).toThrow('puts null into a string');
    expect(() => reference({ v: 'x ${f || nothing}' }, ROOT)).toThrow();
  });

  it('parentheses: any depth, a whole-string path keeps its type, a parenthesised path takes properties', () => {
    expect(value('${((n))}')).toBe(2);
    expect(value('${(b).c}')).toBe('bc');
    expect(value('${(b.missing).c}')).toBe('${b.missing.c}');
    expect(value("${('x')}")).toBe('x');
    expect(when('${((t) && (!(f)))}')).toBe(true);
  });

  it('paths: $root, $data and $index in any case, AEL identifier characters, keywords only where a value stands', () => {
    expect(value('${$ROOT.b.C}')).toBe('bc');
    expect(value('${$data.n}')).toBe(2);
    expect(value('${#a}', { '#a': 1 })).toBe(1);
    expect(value('${@a} ${@@a} ${%a} ${_a1}', { '@a': 'at', '@@a': 'atat', '%a': 'pc', _a1: 'u' })).toBe('at atat pc u');
    expect(value('${b.true}', { b: { true: 'yes' } })).toBe('yes');
    expect(value('${TRUE}')).toBe('${TRUE}');
  });

  it('constants: numbers, true, false, null and strings are text in a string, values next to ==', () => {
    expect(value('${1.5} ${01} ${true} ${false}')).toBe('1.5 1 true false');
    expect(value('${n == 2.0}')).toBe(true);
    expect(value('${nothing == null}')).toBe(true);
    expect(compileError('${null}')).toMatch(/^bad\.json at \$\.v: "\$\{null\}" puts null into a string$/);
  });

  it('strings in single or double quotes, with AEL’s escapes', () => {
    expect(value("${'it\\'s'}")).toBe("it's");
    expect(value('${"say \\"hi\\""}')).toBe('say "hi"');
    expect(value('${"it\'s"} ${\'say "hi"\'}')).toBe('it\'s say "hi"');
    expect(value("${'a\\\\b'}")).toBe('a\\b');
    expect(value("${'\\n\\t\\r'}")).toBe('\n\t\r');
    expect(value("${'\\x \\\"'}")).toBe('\\x \\"');
    expect(value("${'{} } ${x}'}")).toBe('{} } ${x}');
    expect(value("${quote == 'it\\'s' && said == \"say \\\"hi\\\"\" && slash == 'a\\\\b'}")).toBe(true);
  });

  it('text around expressions: \\$ and \\` are escapes, anything else stays', () => {
    expect(value('\\${a} ${a}')).toBe('${a} x');
    expect(value('\\` ${a} \\n \\x $$ {a} $ {a}')).toBe('` x \\n \\x $$ {a} $ {a}');
    expect(value('$${a}')).toBe('$x');
    expect(value('${a}}')).toBe('x}');
  });

  it('whitespace: spaces, tabs, BOM and no-break spaces between tokens; a leading = dropped as AEL does', () => {
    expect(value('${  a  }')).toBe('x');
    expect(value('${\ta\u00a0==\ufeff"x" }')).toBe(true);
    expect(value('${ b . c }')).toBe('bc');
    expect(value("${a=='x'&&!f}")).toBe(true);
    expect(value('${= a}')).toBe('x');
    expect(value('${ }')).toBe('');
    expect(compileError('${a\u2003== 1}')).toMatch(/cannot parse "\$\{a\u2003== 1\}": unexpected "\u2003" at column 4/);
  });
});

describe('template expressions: malformed input', () => {
  it('fails at compile time with the template, the place, the expression and where in it', () => {
    const cases: Array<[string, RegExp]> = [
      ['${a ==}', /^bad\.json at \$\.v: cannot parse "\$\{a ==\}": expected a value at column 7, found the end$/],
      ['${a..b}', /cannot parse "\$\{a\.\.b\}": expected a property name at column 5, found "\."/],
      ['${a.1}', /expected a property name at column 5, found "1"/],
      ['${(a}', /cannot parse "\$\{\(a\}": expected "\)" at column 5, found the end/],
      ['${a)}', /expected an operator at column 4, found "\)"/],
      ['${!}', /expected a value at column 4, found the end/],
      ['${a b}', /expected an operator at column 5, found "b"/],
      ["${'a' 'b'}", /expected an operator at column 7, found "'b'"/],
      ['${1a}', /expected an operator at column 4, found "a"/],
      ['${a = 1}', /unexpected "=" at column 5/],
      ['${a | b}', /unexpected "\|" at column 5/],
      ['${==a}', /unexpected "=" at column 4/],
      ['x ` ${a}', /cannot parse "x ` \$\{a\}": a backtick at column 3 must be written \\`/],
      ['${a} \\', /it ends with a backslash/],
      ["${'it\\'s} and ${b}", /the \$\{ at column 1 has no closing \} and a backslash before a quote/],
    ];
    for (const [text, message] of cases) {
      expect(() => reference({ v: text }, ROOT)).toThrow();
      expect(compileError(text)).toMatch(message);
    }
  });

  it('a ${ that AEL’s lexer does not take as an expression is text, and so never a $when', () => {
    for (const text of ['${}', "${'unterminated}", '${"a}', '${a', '${a\n}', 'x ${a']) expect(value(text)).toBe(text);
    expect(() => compileTemplate('bad.json', { $when: '${}' })).toThrow(/at \$\.\$when: "\$\{\}" is not one \$\{…\} expression/);
  });
});

describe('template expressions: what compiled templates do not support fails at compile time', () => {
  it('names the function call, operator, keyword or literal', () => {
    const cases: Array<[string, RegExp]> = [
      ['${length(a)}', /uses the function call length\(…\) at column 3/],
      // AEL reads these as ==, !, && and ||; a template says it with the operators.
      ["${equals(a, 'x')}", /uses the function call equals\(…\)/],
      ['${not(t)}', /uses the function call not\(…\)/],
      ['${a[0]}', /uses "\[" at column 4/],
      ['${[1]}', /uses "\[" at column 3/],
      ['${a + 1} ${n - 1}', /uses "\+" at column 5/],
      ['${-1}', /uses "-" at column 3/],
      ['${n < 1}', /uses "<" at column 5/],
      ['${n >= 1}', /uses ">=" at column 5/],
      ['${a <> 1}', /uses "<>" at column 5/],
      ['${t ? a : n}', /uses "\?" at column 5/],
      ['${a ?? n}', /uses "\?\?" at column 5/],
      ["${a & 'y'}", /uses "&" at column 5/],
      ['${%}', /uses "%" at column 3/],
      ['${undefined}', /uses undefined at column 3/],
      ["${'x'.length}", /uses \.length at column 7 on a value that is not a property path/],
      ['${(a == 1).b}', /uses \.b at column 12 on a value/],
      ['${{a: 1}}', /uses "\{" at column 3 \(object literals\)/],
      ['${a ${b}', /uses "\{" at column 6 \(object literals\)/],
      ['${$host.x}', /reads \$host: only \$root, \$data and \$index are supported/],
    ];
    for (const [text, message] of cases) {
      const error = compileError(text);
      expect(error).toMatch(message);
      expect(error).toMatch(/^bad\.json at \$\.v: /);
    }
  });
});

describe('template expressions against adaptivecards-templating', () => {
  const ATOMS = ['a', 'b', 'b.c', '(b).c', '$root.n', '$data', '$index', 'n', 't', 'f', 'nothing', 'missing', "'x'", '"it\'s"', "'a\\'b'", "'\\\\'", "''", '1', '2.0', 'true', 'false', 'null'];
  const NOISE = ['==', '!=', '!', '&&', '||', '(', ')', '.', ' ', '+', '[0]', 'f(', ',', '}', '{', '$', "'", '"', '\\', '`', '=', 'undefined'];
  const { valid } = fc.letrec<{ valid: string }>((tie) => ({
    valid: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...ATOMS),
      fc.tuple(tie('valid'), fc.constantFrom(' == ', '!=', ' && ', '||'), tie('valid')).map(([left, operator, right]) => left + operator + right),
      tie('valid').map((operand) => `!${operand}`),
      tie('valid').map((inner) => `( ${inner})`),
    ),
  }));
  const soup = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...ATOMS), weight: 3 }, { arbitrary: fc.constantFrom(...NOISE), weight: 2 }), { minLength: 1, maxLength: 8 }).map((tokens) => tokens.join(''));
  const expression = fc.oneof(valid, soup);
  const text = fc.tuple(fc.constantFrom('', 'x ', '\\${', '$'), expression, fc.constantFrom('}', '} y', '} ${a}', '')).map(([before, inner, after]) => `${before}\${${inner}${after}`);
  const data = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
  const root = fc.record({ a: data, b: fc.oneof(data, fc.record({ c: data })), n: data, t: data, f: data, nothing: data }, { requiredKeys: [] });

  it('what compiles expands to the same JSON, and what adaptive-expressions cannot parse does not compile', () => {
    let compiles = 0;
    fc.assert(
      fc.property(text, fc.boolean(), root, (source, asWhen, data) => {
        const payload = asWhen ? { kept: { $when: source, k: 1 } } : { v: source };
        let template: Template;
        try {
          template = new Template(payload);
        } catch {
          expect(() => compileTemplate('test.json', payload)).toThrow(TemplateCompileError);
          return;
        }
        let expand: (root: object) => unknown;
        try {
          expand = compileTemplate('test.json', payload);
        } catch (error) {
          // Outside the subset (or where adaptive-expressions itself would fail while expanding).
          expect(error).toBeInstanceOf(TemplateCompileError);
          return;
        }
        compiles++;
        let expected: unknown;
        try {
          expected = template.expand({ $root: data });
        } catch {
          expect(() => expand(data)).toThrow();
          return;
        }
        expect(JSON.stringify(expand(data))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2_000 },
    );
    // Not vacuous: a good share of the random expressions are in the subset.
    expect(compiles).toBeGreaterThan(300);
  });
});
