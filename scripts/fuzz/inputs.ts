/**
 * Request bodies for the fuzz suite, generated from the request schemas (shared/validation/
 * registry.ts) with fast-check: first a body that fits the schema (ids drawn partly from the
 * seeded data, so calls get past "not found" into the handlers), then one hostile twist, the
 * kinds an attacker tries: wrong types, missing and extra fields, huge and deeply nested values,
 * `__proto__`/`constructor` keys, Mongo operators in every string, numbers JSON cannot hold
 * (1e309), impossible dates. Bodies are JSON *text*, so they can carry what JSON.stringify cannot.
 */
import fc from 'fast-check';

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

/** A piece of JSON text written as is (1e309, NaN as a bare word…). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text for a value that may hold RawJson pieces and own `__proto__` keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${toJsonText((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Sets an own, enumerable property, even one named `__proto__`. */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Ids that exist in the seeded data, by the id pattern they match. */
export type IdPool = readonly string[];

function stringArb(s: Schema, ids: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 80);
  const fits = (v: string) => v.length >= min && v.length <= (s.maxLength ?? Infinity);
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const known = ids.filter((id) => re.test(id) && fits(id));
    const generated = fc.stringMatching(re).filter(fits);
    return known.length ? fc.oneof(fc.constantFrom(...known), generated) : generated;
  }
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.constantFrom('测试内容', '宁波北仑', '王建国').filter(fits));
}

/** A value that fits the schema (most of the time: generated ids rarely exist). */
export function validArb(s: Schema, ids: IdPool): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      return stringArb(s, ids);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = validArb(s.items ?? {}, ids);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) };
      return s.uniqueItems ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(item, constraints);
    }
    case 'object': {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, sub] of Object.entries(props)) model[k] = validArb(sub, ids);
      return fc.record(model, { requiredKeys: [...(s.required ?? [])] as never[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * A value that fits the schema at its edges: numbers at their bounds, strings of spaces only or
 * at their longest (operators and markup where no pattern forbids them), arrays at their
 * longest. Schema-valid, so these reach the handlers: "   " passes minLength 1 and trims to ''.
 */
export function edgeArb(s: Schema, ids: IdPool): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string': {
      if (s.pattern) return stringArb(s, ids);
      const min = Math.max(s.minLength ?? 0, 1);
      const max = s.maxLength ?? 200;
      return fc
        .constantFrom(
          ' '.repeat(Math.min(min, max)),
          '\u3000'.repeat(Math.min(min, max)),
          '$where'.repeat(Math.ceil(max / 6)).slice(0, max),
          '<b>'.repeat(Math.ceil(max / 3)).slice(0, max),
          '福'.repeat(max),
          `{"$gt":""}${' '.repeat(Math.max(0, min - 10))}`.slice(0, max),
        )
        .filter((v) => v.length >= (s.minLength ?? 0) && v.length <= max);
    }
    case 'integer':
    case 'number':
      return fc.constantFrom(s.minimum ?? -(2 ** 53) + 1, s.maximum ?? 2 ** 53 - 1, s.type === 'number' ? 5e-324 : 0);
    case 'array': {
      const item = edgeArb(s.items ?? {}, ids);
      const n = Math.min(s.maxItems ?? 50, 50);
      return s.uniqueItems
        ? fc.uniqueArray(item, { minLength: s.minItems ?? 0, maxLength: n, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength: Math.max(s.minItems ?? 0, n), maxLength: n });
    }
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) model[k] = fc.oneof(edgeArb(sub, ids), validArb(sub, ids));
      return fc.record(model, { requiredKeys: [...(s.required ?? [])] as never[] });
    }
    default:
      return validArb(s, ids);
  }
}

const MONGO = ['$where', '$gt', '$ne', '$regex', '$expr', '$function', '$or', '$in', '$set', '$unset'];
const HOSTILE_STRINGS = [
  ...MONGO,
  '{"$gt":""}',
  "'; return true; var x='",
  'this.openid != ""',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00\u0000\u202e',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '2019-02-30',
  '2026-06-31',
  '9999-99-99',
  '1900-01-01',
  '2026-02-29 24:61',
  '0000-00-00',
  '999999199001011234',
];
const RAW_NUMBERS = ['1e309', '-1e309', '1e-400', '123456789012345678901234567890', '-0', '9007199254740993'];

/** A value of some JSON type, hostile where it can be. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...RAW_NUMBERS).map((t) => new RawJson(t)),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 3.5, '', [], {}),
  fc.constantFrom(...MONGO).map((op) => ({ [op]: op === '$where' ? 'sleep(100) || true' : '' })),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => {
    const o: Record<string, unknown> = {};
    put(o, k, { isAdmin: true, role: 'city_admin', polluted: 1 });
    return o;
  }),
  fc.string({ maxLength: 20, unit: 'binary' }),
);

/** A string this long, a key this long: big but under the front door's 1 MB. */
const HUGE = 100_000;

function deep(depth: number): unknown {
  let v: unknown = { leaf: '$where' };
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Applies `f` to every string in a value (keys too when `keys`). */
function mapStrings(v: unknown, f: (s: string) => unknown, keys: boolean): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f, keys));
  if (v instanceof RawJson || typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const nk = keys ? String(f(k)) : k;
    put(out, nk, mapStrings((v as Record<string, unknown>)[k], f, keys));
  }
  return out;
}

/** One hostile twist on a body that fits; `pick` chooses among the body's fields. */
export type Twist =
  | { kind: 'none' }
  | { kind: 'wrongType'; value: unknown }
  | { kind: 'missing' }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'hugeString' }
  | { kind: 'hugeKey' }
  | { kind: 'hugeArray' }
  | { kind: 'deep'; depth: number }
  | { kind: 'deepText'; depth: number }
  | { kind: 'proto'; key: '__proto__' | 'constructor' }
  | { kind: 'mongoEveryString'; op: string }
  | { kind: 'operatorObjects'; op: string }
  | { kind: 'nonFinite'; text: string }
  | { kind: 'badDate'; date: string }
  | { kind: 'notAnObject'; value: unknown };

export const twistArb: fc.Arbitrary<Twist> = fc.oneof(
  fc.constant<Twist>({ kind: 'none' }),
  hostileValue.map((value): Twist => ({ kind: 'wrongType', value })),
  fc.constant<Twist>({ kind: 'missing' }),
  fc
    .tuple(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', '$where', 'openid', '_openid', 'role', 'isAdmin')),
      hostileValue,
    )
    .map(([key, value]): Twist => ({ kind: 'extra', key, value })),
  fc.constant<Twist>({ kind: 'hugeString' }),
  fc.constant<Twist>({ kind: 'hugeKey' }),
  fc.constant<Twist>({ kind: 'hugeArray' }),
  fc.integer({ min: 8, max: 40 }).map((depth): Twist => ({ kind: 'deep', depth })),
  fc.constantFrom(1000, 5000, 100_000).map((depth): Twist => ({ kind: 'deepText', depth })),
  fc.constantFrom<Twist>({ kind: 'proto', key: '__proto__' }, { kind: 'proto', key: 'constructor' }),
  fc.constantFrom(...MONGO).map((op): Twist => ({ kind: 'mongoEveryString', op })),
  fc.constantFrom(...MONGO).map((op): Twist => ({ kind: 'operatorObjects', op })),
  fc.constantFrom('1e309', '-1e309', 'NaN', 'Infinity', '"NaN"', '"Infinity"').map((text): Twist => ({ kind: 'nonFinite', text })),
  fc
    .constantFrom('2019-02-30', '2026-06-31', '9999-99-99', '1900-01-01', '2026-13-01', '2026-02-29', '2026-06-31 09:00')
    .map((date): Twist => ({ kind: 'badDate', date })),
  fc.constantFrom<unknown>(null, 'x', 42, [], [{}], true).map((value): Twist => ({ kind: 'notAnObject', value })),
);

/** The `data` of a request after the twist (`pick` ∈ [0,1) chooses the field). */
export function applyTwist(body: Record<string, unknown>, schema: Schema, twist: Twist, pick: number): unknown {
  const fields = Object.keys(schema.properties ?? {});
  const field = fields.length ? fields[Math.floor(pick * fields.length)] : 'x';
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(body)) put(out, k, body[k]);
  switch (twist.kind) {
    case 'none':
      return out;
    case 'wrongType':
      put(out, field, twist.value);
      return out;
    case 'missing': {
      const required = schema.required ?? [];
      if (required.length) delete out[required[Math.floor(pick * required.length)]];
      else delete out[field];
      return out;
    }
    case 'extra':
      put(out, twist.key, twist.value);
      return out;
    case 'hugeString':
      put(out, field, '福'.repeat(HUGE));
      return out;
    case 'hugeKey':
      put(out, 'k'.repeat(HUGE), 1);
      return out;
    case 'hugeArray':
      put(
        out,
        field,
        Array.from({ length: 20_000 }, (_, i) => i),
      );
      return out;
    case 'deep':
      put(out, field, deep(twist.depth));
      return out;
    case 'deepText':
      put(out, field, new RawJson('['.repeat(twist.depth) + ']'.repeat(twist.depth)));
      return out;
    case 'proto': {
      const payload = { isAdmin: true, role: 'city_admin', unionId: 'nb', openid: 'o_local_admin_city' };
      put(out, twist.key, twist.key === 'constructor' ? { prototype: payload } : payload);
      return out;
    }
    case 'mongoEveryString':
      return mapStrings(out, (s) => `${twist.op}${s}`, false);
    case 'operatorObjects':
      return mapStrings(out, () => ({ [twist.op]: twist.op === '$where' ? 'true' : '' }), false);
    case 'nonFinite':
      put(out, field, new RawJson(twist.text));
      return out;
    case 'badDate': {
      const dateField = fields.find((f) => /date|At$|^at$|deadline/i.test(f)) ?? field;
      put(out, dateField, twist.date);
      return out;
    }
    case 'notAnObject':
      return twist.value;
  }
}

/** Every string in a JSON text's top two levels (to check a message does not echo them). */
export function longStringsIn(value: unknown, min: number, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= min) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) longStringsIn(v, min, out);
  } else if (typeof value === 'object' && value !== null && !(value instanceof RawJson)) {
    for (const k of Object.keys(value)) {
      if (k.length >= min) out.push(k);
      longStringsIn((value as Record<string, unknown>)[k], min, out);
    }
  }
  return out;
}
