import { Template } from 'adaptivecards-templating';
import fc from 'fast-check';
import { compileTemplate, TemplateCompileError } from '../../src/cards/compiled-template';

/** adaptivecards-templating 2.3.1, the behaviour the compiled templates keep. */
const reference = (payload: unknown, root: object): unknown => new Template(payload).expand({ $root: root });
const compiled = (payload: unknown, root: object): unknown => compileTemplate('test.json', payload)(root);

/** Same JSON text (key order included) and the same values. */
function expectSameExpansion(payload: unknown, root: object): unknown {
  const expected = reference(payload, root);
  const actual = compiled(payload, root);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  expect(actual).toStrictEqual(expected);
  return actual;
}

describe('compiled card templates', () => {
  it('a whole-string binding keeps the value’s type; a longer string concatenates', () => {
    const payload = { max: '${max}', on: '${on}', off: '${off}', lines: '${lines}', label: '${label}: ', both: '${max} of ${on}', plain: 'no binding', count: 60 };
    const root = { max: 256, on: true, off: false, lines: ['a', 'b'], label: 'Toll' };
    expect(expectSameExpansion(payload, root)).toEqual({ max: 256, on: true, off: false, lines: ['a', 'b'], label: 'Toll: ', both: '256 of true', plain: 'no binding', count: 60 });
  });

  it('$when keeps an object only when it is boolean true', () => {
    const payload = { body: ['yes', 'no', 'text', 'one', 'zero', 'nothing', 'missing'].map((key) => ({ key, $when: `\${${key}}` })) };
    const root = { yes: true, no: false, text: 'true', one: 1, zero: 0, nothing: null };
    expect(expectSameExpansion(payload, root)).toEqual({ body: [{ key: 'yes' }] });
  });

  it('$when with ==, !=, !, && and ||', () => {
    const conditions = ["${a == 'x'}", "${a != 'x'}", "${'x' == a}", '${n == 1}', '${n != 1}', '${missing == null}', '${a == null}', '${!flag}', '${!missing}', '${flag && a}', '${flag && missing}', '${missing || n}', '${missing || flag}', "${!(a == 'y') && (n == 1 || flag)}"];
    const payload = { body: conditions.map((condition) => ({ condition, $when: condition })) };
    for (const root of [{ a: 'x', n: 1, flag: true }, { a: 'y', n: 1.0000000000000002, flag: false }, { a: '', n: 0, flag: false }, { n: '1' }]) expectSameExpansion(payload, root);
  });

  it('$data repeats an object per array item, with the item as $data and its position as $index; no items, no object', () => {
    const payload = { body: [{ type: 'Header' }, { $data: '${lines}', text: '${$index}. ${label}: ${value} (${$root.title})', when: '${$data.value}' }, { type: 'Footer' }] };
    const lines = [{ label: 'Toll', value: '+1 425' }, { label: 'Toll-free', value: '+1 866' }];
    expect(expectSameExpansion(payload, { title: 'Dial-in', lines })).toEqual({
      body: [{ type: 'Header' }, { text: '0. Toll: +1 425 (Dial-in)', when: '+1 425' }, { text: '1. Toll-free: +1 866 (Dial-in)', when: '+1 866' }, { type: 'Footer' }],
    });
    expect(expectSameExpansion(payload, { title: 'Dial-in', lines: [] })).toEqual({ body: [{ type: 'Header' }, { type: 'Footer' }] });
  });

  it('$data on a property: one item is that object, several an array, none null; an object is the scope', () => {
    const payload = { one: { $data: '${one}', x: '${x}' }, two: { $data: '${two}', x: '${x}' }, none: { $data: '${none}', x: '${x}' }, scope: { $data: '${inner}', x: '${x}', i: '${$index}' } };
    const root = { one: [{ x: 1 }], two: [{ x: 1 }, { x: 2 }], none: [], inner: { x: 'in' } };
    expect(expectSameExpansion(payload, root)).toEqual({ one: { x: 1 }, two: [{ x: 1 }, { x: 2 }], none: null, scope: { x: 'in', i: '${$index}' } });
  });

  it('$when is evaluated per $data item, in the item’s scope', () => {
    const payload = { inlines: [{ $data: '${lines}', text: '${value}', $when: "${link != ''}", url: '${link}' }, { $data: '${lines}', text: '${value}', $when: "${link == ''}" }] };
    const root = { lines: [{ value: 'a', link: 'tel:1' }, { value: 'b', link: '' }, { value: 'c', link: 'tel:3' }] };
    expect(expectSameExpansion(payload, root)).toEqual({ inlines: [{ text: 'a', url: 'tel:1' }, { text: 'c', url: 'tel:3' }, { text: 'b' }] });
  });

  it('an undefined path becomes ${path} in bindings (not in $when), null stays null, names match case-insensitively', () => {
    const payload = { missing: '${nope.deeper}', inText: 'a ${nope} b', root: '${$root.nope}', nothing: '${nothing}', list: ['${nothing}', 'x'], upper: '${Labels.KIND}', scope: '${$ROOT.labels.kind}', index: '${$index}', data: '${$data.labels}', onFalsy: '${zero.x}' };
    const root = { nothing: null, labels: { kind: 'Teams meeting' }, zero: 0 };
    expect(expectSameExpansion(payload, root)).toEqual({
      missing: '${nope.deeper}',
      inText: 'a ${nope} b',
      root: '${$root.nope}',
      nothing: null,
      list: ['x'],
      upper: 'Teams meeting',
      scope: 'Teams meeting',
      index: '${$index}',
      data: { kind: 'Teams meeting' },
      onFalsy: '${zero.x}',
    });
  });

  it('keeps adaptivecards-templating’s quirks: reserved keys vanish, nested arrays flatten, null array items drop', () => {
    expectSameExpansion({ $schema: 's', $root: 'r', $index: 1, $host: 'h', $_acTemplateVersion: 'v', nested: [[1, [2]], null, 3, {}], empty: [], n: null, items: [{ $when: '${no}' }] }, { no: false });
  });

  it('a constant expression in a string is text, even when it is the whole string', () => {
    expect(expectSameExpansion({ one: '${1}', yes: '${true}', text: "${'a'}" }, {})).toEqual({ one: '1', yes: 'true', text: 'a' });
  });

  it('null inside a longer string throws, as it does in adaptivecards-templating', () => {
    const payload = { text: 'a ${nothing}' };
    expect(() => reference(payload, { nothing: null })).toThrow();
    expect(() => compiled(payload, { nothing: null })).toThrow('test.json at $.text: "a ${nothing}" puts null into a string');
  });

  it('fails at compile time, naming the template, the place, the expression and its type, for anything it does not support', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ body: [{ text: '${length(subject)}' }] }, /^bad\.json at \$\.body\[0\]\.text: "\$\{length\(subject\)\}" uses the function call length\(…\) at column 3; compiled templates support property paths/],
      [{ text: 'x ${lines[0].value}' }, /at \$\.text: "x \$\{lines\[0\]\.value\}" uses "\[" at column 10/],
      [{ text: '${a + 1}' }, /uses "\+" at column 5/],
      [{ $when: '${a == b}' }, /at \$\.\$when: "\$\{a == b\}": == needs a string, number, boolean or null constant on one side/],
      [{ text: '${$host.theme}' }, /reads \$host: only \$root, \$data and \$index are supported/],
      [{ $when: 'true' }, /at \$\.\$when: "true" is not one \$\{…\} expression, so it is never true/],
      [{ $when: true }, /at \$\.\$when: true is not one/],
      [{ $when: '${a} and ${b}' }, /is not one \$\{…\} expression/],
      [{ $data: [{ x: 1 }] }, /at \$\.\$data: \[\{"x":1\}\] is not a \$\{…\} binding/],
      [{ text: '${a b}' }, /at \$\.text: cannot parse "\$\{a b\}"/],
      [{ text: '${concat(a, b)}' }, /uses the function call concat\(…\)/],
    ];
    for (const [payload, message] of cases) {
      expect(() => compileTemplate('bad.json', payload)).toThrow(TemplateCompileError);
      expect(() => compileTemplate('bad.json', payload)).toThrow(message);
    }
  });

  it('builds new objects and arrays on every render: changing one card changes no other', () => {
    const render = compileTemplate('test.json', { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${text}', style: { size: 'Small', list: [1, 2] } }], actions: [{ type: 'Action.OpenUrl', title: 'Join' }] });
    const first = render({ text: 'one' }) as { body: Array<{ text: string; style: { size: string; list: number[] } }>; actions: unknown[] };
    first.body[0]!.text = 'changed';
    first.body[0]!.style.size = 'Large';
    first.body[0]!.style.list.push(3);
    first.actions.length = 0;
    expect(render({ text: 'two' })).toEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'two', style: { size: 'Small', list: [1, 2] } }], actions: [{ type: 'Action.OpenUrl', title: 'Join' }] });
  });

  it('expands random templates exactly as adaptivecards-templating does', () => {
    const bindings = ['${a}', '${b.c}', '${B.C}', '${$root.a}', '${$data.a}', '${$index}', '${missing}', '${n}', 'x ${a} y ${n}', '${a}${b.c}', "${a == 'x'}", '${!flag}', '${flag || n == 2}', 'plain', '$ {a}'];
    const conditions = ['${flag}', "${a != ''}", '${!flag}', '${n == 2}', '${b.c == null}', '${flag && a}', '${missing}'];
    const scalar = fc.oneof(fc.constantFrom(...bindings), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null));
    const { node } = fc.letrec<{ node: unknown; object: Record<string, unknown> }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), fc.array(tie('node'), { maxLength: 4 })),
      object: fc
        .tuple(
          fc.dictionary(fc.constantFrom('type', 'text', 'items', 'size', 'value', 'x'), tie('node'), { maxKeys: 4 }),
          fc.option(fc.constantFrom('${items}', '${b}', '${a}', '${$root.items}', '${missing}'), { nil: undefined }),
          fc.option(fc.constantFrom(...conditions), { nil: undefined }),
        )
        .map(([fields, data, when]) => ({ ...fields, ...(data === undefined ? {} : { $data: data }), ...(when === undefined ? {} : { $when: when }) })),
    }));
    const value = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('x', ''), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const item = fc.record({ a: value, n: value, flag: value, b: fc.option(fc.record({ c: value }), { nil: undefined }) }, { requiredKeys: [] });
    const root = fc.record({ a: value, n: value, flag: value, b: fc.record({ c: value }), items: fc.array(item, { maxLength: 3 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(node, root, (payload, data) => {
        let expected: unknown;
        try {
          expected = reference(payload, data);
        } catch {
          // null inside a longer string: the compiled template throws as well.
          expect(() => compiled(payload, data)).toThrow();
          return;
        }
        const actual = compiled(payload, data);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
