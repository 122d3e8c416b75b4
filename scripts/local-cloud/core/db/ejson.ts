/**
 * EJSON glue between the CloudBase wire format and our storage.
 *
 * Requests: the SDK sends canonical EJSON (`EJSON.stringify(x, { relaxed: false })`, bson 4).
 * We decode it ourselves instead of calling bson's `EJSON.parse` because
 *  - `EJSON.parse` throws on JS RegExp flags such as `g` that the SDK forwards verbatim
 *    (`{ $regularExpression: { pattern, options: re.flags } }`) and yields BSONRegExp, which
 *    mingo does not understand; we want a native RegExp;
 *  - `db.serverDate()` arrives as `{ $tcb_server_date: { offset } }` and must become a Date
 *    computed from the server clock in the same pass;
 *  - canonical numbers (`$numberInt` …) are wrapped everywhere, a hand-written walk is faster.
 * Rare BSON types (`$oid`, `$numberDecimal`, `$binary` …) are delegated to `EJSON.deserialize`.
 *
 * Storage / responses: documents are stored as relaxed EJSON text: plain JSON numbers, Dates as
 * `{"$date":{"$numberLong":"ms"}}` (valid in both relaxed and canonical mode, any year).
 * The SDK parses responses with bson 4's `EJSON.parse` (relaxed), which turns this back into
 * exactly the JS values a canonical response would give, so the stored text can be sent as is.
 * Plain JSON numbers also let SQLite's json_extract() index numeric fields.
 */
import { EJSON } from 'bson';

const DELEGATED = new Set([
  '$oid',
  '$numberDecimal',
  '$binary',
  '$uuid',
  '$timestamp',
  '$symbol',
  '$minKey',
  '$maxKey',
  '$code',
  '$dbPointer',
  '$undefined',
]);

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** JS RegExp accepts i m s u (and g y which are meaningless for matching); BSON also has x l. */
function jsFlags(options: unknown): string {
  let out = '';
  for (const f of String(options ?? '')) if ('imsu'.includes(f) && !out.includes(f)) out += f;
  return out;
}

function bsonFlags(flags: string): string {
  return [...flags]
    .filter((f) => 'imsux'.includes(f))
    .sort()
    .join('');
}

export class EjsonError extends Error {}

/** Convert one `{ $type: … }` wrapper; returns `undefined` when `o` is not a wrapper. */
function unwrap(o: Obj, now: number, keys: string[]): unknown {
  const k = keys[0];
  switch (k) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberLong': {
      if (keys.length !== 1 || typeof o[k] !== 'string') return undefined;
      const n = k === '$numberInt' ? parseInt(o[k] as string, 10) : Number(o[k]);
      // Number('NaN') is NaN, Number('Infinity') is Infinity, Number('-0.0') is -0: all wanted.
      if (Number.isNaN(n) && o[k] !== 'NaN') throw new EjsonError(`bad ${k}: ${String(o[k])}`);
      return n;
    }
    case '$date': {
      if (keys.length !== 1) return undefined;
      const v = o.$date;
      let ms: number;
      if (typeof v === 'string') ms = Date.parse(v);
      else if (typeof v === 'number') ms = v;
      else if (isPlainObject(v) && typeof v.$numberLong === 'string') ms = Number(v.$numberLong);
      else throw new EjsonError('bad $date');
      if (Number.isNaN(ms)) throw new EjsonError('bad $date');
      return new Date(ms);
    }
    case '$regularExpression': {
      const r = o.$regularExpression;
      if (keys.length !== 1 || !isPlainObject(r) || typeof r.pattern !== 'string') return undefined;
      try {
        return new RegExp(r.pattern, jsFlags(r.options));
      } catch (e) {
        throw new EjsonError(`bad regular expression: ${(e as Error).message}`);
      }
    }
    case '$tcb_server_date': {
      // db.serverDate({ offset }) → server clock + offset (ms), as a Date.
      const spec = decodeValue(o.$tcb_server_date, now) as Obj | undefined;
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(now + offset);
    }
    default:
      if (DELEGATED.has(k)) return EJSON.deserialize(o, { relaxed: true });
      return undefined;
  }
}

function decodeValue(v: unknown, now: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = decodeValue(v[i], now);
    return v;
  }
  const o = v as Obj;
  const keys = Object.keys(o);
  if (keys.length > 0 && keys[0].charCodeAt(0) === 36 /* $ */) {
    const u = unwrap(o, now, keys);
    if (u !== undefined) return u;
  }
  for (const key of keys) o[key] = decodeValue(o[key], now);
  return o;
}

/** Decode an EJSON string coming from the SDK. `now` is used for `$tcb_server_date`. */
export function decodeRequest(text: string, now: number): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new EjsonError('invalid EJSON string');
  }
  return decodeValue(raw, now);
}

/** Decode stored text. Fast path: text with no `"$` is plain JSON. */
export function decodeStored(text: string): Obj {
  const raw = JSON.parse(text) as Obj;
  return text.includes('"$') ? (decodeValue(raw, 0) as Obj) : raw;
}

function replacer(this: Obj, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw === null || raw === undefined) return value;
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? value : { $numberDouble: String(raw) };
  }
  if (typeof raw !== 'object') return value;
  if (raw instanceof Date) return { $date: { $numberLong: String(raw.getTime()) } };
  if (raw instanceof RegExp) {
    return { $regularExpression: { pattern: raw.source, options: bsonFlags(raw.flags) } };
  }
  if ('_bsontype' in raw) return EJSON.serialize(raw, { relaxed: false });
  return value;
}

/** Encode a document for storage and responses (relaxed EJSON, see header). */
export function encodeStored(doc: unknown): string {
  return JSON.stringify(doc, replacer);
}
