import { ExpressionError, parseInterpolated, type Expression, type Interpolated } from './template-expression';

/**
 * Adaptive Card templates compiled once into closures. Expansion gives the same JSON as
 * adaptivecards-templating 2.3.1's `Template.expand({ $root })` (tested against it), without evaluating
 * each `${…}` through adaptive-expressions' memory, options and result objects on every reply.
 *
 * Supported, as adaptivecards-templating does it:
 * - strings with `${…}`: a string that is one `${…}` keeps the value's type (a number stays a number); any
 *   other string concatenates its parts; a path that is undefined becomes the text `${path}`;
 * - `$data` (an array repeats the object once per item with the item as `$data` and its position as
 *   `$index`; anything else becomes `$data`), `$when` (the object is kept only when it evaluates to `true`);
 * - an array item that expands to nothing is dropped, an array item that expands to an array is spliced in,
 *   and an object repeated by `$data` into one copy is that copy, into none is null.
 *
 * Expressions are read as adaptive-expressions (the parser adaptivecards-templating uses) reads them, by
 * template-expression.ts, and may be property paths (`a.b`, `$root.a`, `$data`, `$index`), constants,
 * `==`/`!=` with a constant on one side, `!`, `&&` and `||`. Anything else fails compilation, so a template
 * author finds out at start-up.
 *
 * The data is plain objects: property names match case-insensitively as in adaptive-expressions, but an
 * exact match wins (adaptive-expressions takes the first key in key order), and Maps are not looked into.
 */

/**
 * Expands a compiled template with the given `$root` data: the template's own objects and arrays are new on
 * every call; a value taken from the data (a whole-string `${path}` naming an object) is the data's own.
 */
export type CompiledTemplate = (root: object) => unknown;

/** The template cannot be compiled: names the template, where in it, the expression and why. */
export class TemplateCompileError extends Error {
  constructor(template: string, location: string, problem: string) {
    super(`${template} at ${location}: ${problem}`);
    this.name = 'TemplateCompileError';
  }
}

/** @param name Names the template in compile errors (e.g. "meeting.json"). */
export function compileTemplate(name: string, payload: unknown): CompiledTemplate {
  const expand = compileNode(payload, { template: name, location: '$' });
  return (root) => expand({ root, data: root, index: undefined });
}

/** What paths resolve against while expanding one object. */
interface Scope {
  readonly root: object;
  readonly data: unknown;
  readonly index: number | undefined;
}

type Evaluate = (scope: Scope) => unknown;

interface Where {
  template: string;
  location: string;
}

/** Keys adaptivecards-templating leaves out of the expanded object. */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

const SUPPORTED = 'property paths, constants, == and != with a constant on one side, !, && and ||';

function compileNode(node: unknown, where: Where): Evaluate {
  if (typeof node === 'string') return compileString(node, where);
  if (Array.isArray(node)) return compileArray(node, where);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, where);
  return () => node;
}

function compileArray(node: unknown[], where: Where): Evaluate {
  const items = node.map((item, i) => compileNode(item, at(where, `[${i}]`)));
  return (scope) => {
    const result: unknown[] = [];
    for (const item of items) {
      const value = item(scope);
      if (value === null) continue;
      if (Array.isArray(value)) for (const element of value) result.push(element);
      else result.push(value);
    }
    return result;
  };
}

function compileObject(node: Record<string, unknown>, where: Where): Evaluate {
  const entries: Array<[string, Evaluate]> = Object.keys(node)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(node[key], at(where, `.${key}`))]);
  const build = (scope: Scope): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const [key, evaluate] of entries) {
      const value = evaluate(scope);
      if (value !== undefined) result[key] = value;
    }
    return result;
  };
  const when = node.$when === undefined ? undefined : compileWhen(node.$when, at(where, '.$when'));
  const data = node.$data === undefined ? undefined : compileData(node.$data, at(where, '.$data'));
  if (data === undefined) return when === undefined ? build : (scope) => (when(scope) ? build(scope) : null);
  return (scope) => {
    const value = data(scope);
    if (!Array.isArray(value)) {
      const inner: Scope = { root: scope.root, data: value, index: scope.index };
      return when === undefined || when(inner) ? build(inner) : null;
    }
    const copies: unknown[] = [];
    let item = scope.data;
    for (let index = 0; index < value.length; index++) {
      // An undefined item leaves `$data` as it was (the previous item), as adaptivecards-templating does.
      if (value[index] !== undefined) item = value[index];
      const inner: Scope = { root: scope.root, data: item, index };
      if (when === undefined || when(inner)) copies.push(build(inner));
    }
    return copies.length === 0 ? null : copies.length === 1 ? copies[0] : copies;
  };
}

function compileWhen(node: unknown, where: Where): (scope: Scope) => boolean {
  const whole = typeof node === 'string' && node.includes('${') ? wholeExpression(parse(node, where)) : undefined;
  // adaptivecards-templating drops the object for any other $when (a string is never `true`): say so now.
  if (whole === undefined) throw new TemplateCompileError(where.template, where.location, `${JSON.stringify(node)} is not one \${…} expression, so it is never true`);
  const condition = compileExpression(whole, false, where, String(node));
  return (scope) => condition(scope) === true;
}

function compileData(node: unknown, where: Where): Evaluate {
  if (typeof node !== 'string' || !node.includes('${')) throw new TemplateCompileError(where.template, where.location, `${JSON.stringify(node)} is not a \${…} binding`);
  return compileString(node, where);
}

function compileString(text: string, where: Where): Evaluate {
  if (!text.includes('${')) return () => text;
  const parsed = parse(text, where);
  const whole = wholeExpression(parsed);
  if (whole !== undefined) return compileExpression(whole, true, where, text);
  const parts: Array<string | Evaluate> = [];
  for (const child of parsed) {
    const part = typeof child === 'string' ? child : child.kind === 'constant' ? constantText(child.value, where, text) : compileExpression(child, true, where, text);
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  return (scope) => {
    let result = '';
    for (const part of parts) result += typeof part === 'string' ? part : partText(part(scope), where, text);
    return result;
  };
}

/** The string as adaptive-expressions' string interpolation: text and expressions. */
function parse(text: string, where: Where): Interpolated {
  try {
    return parseInterpolated(text);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    const problem = error.unsupported ? `${JSON.stringify(text)} uses ${error.message}; compiled templates support ${SUPPORTED}` : `cannot parse ${JSON.stringify(text)}: ${error.message}`;
    throw new TemplateCompileError(where.template, where.location, problem);
  }
}

/** The one expression a string consists of (its value keeps its type), as adaptivecards-templating decides it. */
function wholeExpression(parsed: Interpolated): Expression | undefined {
  const [only] = parsed;
  // A constant, even alone, is text.
  return parsed.length === 1 && only !== undefined && typeof only !== 'string' && only.kind !== 'constant' ? only : undefined;
}

/**
 * @param substitute An undefined path becomes the text `${path}` (in bindings, not in `$when` nor inside
 *   operators, as in adaptivecards-templating).
 */
function compileExpression(expression: Expression, substitute: boolean, where: Where, text: string): Evaluate {
  switch (expression.kind) {
    case 'path':
      return compilePath(expression.names, substitute, where, text);
    case 'constant': {
      const value = expression.value;
      return () => value;
    }
    case '==':
    case '!=':
      return compileEquality(expression.kind, expression.left, expression.right, where, text);
    case '!': {
      const operand = compileExpression(expression.operand, false, where, text);
      return (scope) => !isLogicTrue(operand(scope));
    }
    case '&&': {
      const left = compileExpression(expression.left, false, where, text);
      const right = compileExpression(expression.right, false, where, text);
      return (scope) => isLogicTrue(left(scope)) && isLogicTrue(right(scope));
    }
    case '||': {
      const left = compileExpression(expression.left, false, where, text);
      const right = compileExpression(expression.right, false, where, text);
      // adaptive-expressions' `||` is true, or else its last operand's value (false, null or undefined).
      return (scope) => {
        if (isLogicTrue(left(scope))) return true;
        const value = right(scope);
        return isLogicTrue(value) || value;
      };
    }
  }
}

/** `a.b.c` from the template's data (`$data`), `$root.…`, `$data.…` or `$index`. */
function compilePath(written: readonly string[], substitute: boolean, where: Where, text: string): Evaluate {
  const names = [...written];
  const path = names.join('.');
  const first = names[0] as string;
  let start: (scope: Scope) => unknown = (scope) => scope.data;
  // Like adaptivecards-templating's memory, a `$` name is one of its scopes, matched case-insensitively.
  if (first.startsWith('$')) {
    names.shift();
    const scopeName = first.toLowerCase();
    if (scopeName === '$root') start = (scope) => scope.root;
    else if (scopeName === '$index') start = (scope) => scope.index;
    else if (scopeName !== '$data') throw new TemplateCompileError(where.template, where.location, `${JSON.stringify(text)} reads ${first}: only $root, $data and $index are supported`);
  }
  const resolve = (scope: Scope): unknown => {
    let value = start(scope);
    for (const name of names) value = property(value, name);
    return value;
  };
  if (!substitute) return resolve;
  const placeholder = '${' + path + '}';
  return (scope) => {
    const value = resolve(scope);
    return value === undefined ? placeholder : value;
  };
}

/** adaptive-expressions' `==` (FunctionUtils.commonEquals) when one side is a string, number, boolean or null. */
function compileEquality(kind: '==' | '!=', left: Expression, right: Expression, where: Where, text: string): Evaluate {
  const constant = right.kind === 'constant' ? right : left.kind === 'constant' ? left : undefined;
  if (constant === undefined) throw new TemplateCompileError(where.template, where.location, `${JSON.stringify(text)}: ${kind} needs a string, number, boolean or null constant on one side`);
  const value = constant.value;
  const operand = compileExpression(constant === right ? left : right, false, where, text);
  const equals = (other: unknown): boolean =>
    value === null ? other == null : other === value || (typeof other === 'number' && typeof value === 'number' && Math.abs(other - value) < Number.EPSILON);
  return kind === '==' ? (scope) => equals(operand(scope)) : (scope) => !equals(operand(scope));
}

/** adaptive-expressions' property access: undefined on a falsy scope; names match case-insensitively. */
function property(scope: unknown, name: string): unknown {
  if (!scope) return undefined;
  const record = scope as Record<string, unknown>;
  if (Object.prototype.propertyIsEnumerable.call(record, name)) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** adaptive-expressions' truth for `!`, `&&`, `||`: a boolean is itself, null and undefined are false, anything else true. */
function isLogicTrue(value: unknown): boolean {
  return typeof value === 'boolean' ? value : value != null;
}

function constantText(value: string | number | boolean | null, where: Where, text: string): string {
  if (value === null) throw new TemplateCompileError(where.template, where.location, `${JSON.stringify(text)} puts null into a string`);
  return String(value);
}

/** A value inside a longer string, as adaptivecards-templating writes it (`toString()`; null throws there too). */
function partText(value: unknown, where: Where, text: string): string {
  if (value == null) throw new Error(`${where.template} at ${where.location}: ${JSON.stringify(text)} puts ${String(value)} into a string`);
  return String(value);
}

function at(where: Where, step: string): Where {
  return { template: where.template, location: where.location + step };
}
