/**
 * Runs a pre-compiled validator and turns ajv's issues into one Chinese message that names
 * the field by its schema `title` (e.g. "身份证号格式不正确"). A message never repeats a value
 * the caller sent, and repeats a field name the schema does not know only cut short
 * (MAX_ECHOED_NAME characters): an error answer is no echo chamber for a 100 KB key.
 */
import { fail, ok, type Result } from '../envelope';
import { DATE_PATTERNS } from './dates';
import type { SchemaId } from './registry';
import type { ValidationIssue, ValidatorFn } from './types';

/** A generated module: one validator per export name, plus the schemas themselves. */
export interface ValidatorSet {
  readonly schemas: Record<string, unknown>;
  readonly [exportName: string]: unknown;
}

type AnySchema = {
  title?: string;
  properties?: Record<string, AnySchema>;
  items?: AnySchema;
  errorMessage?: string;
  pattern?: string;
};

/** Numeric bounds from here up are instants (epoch ms, 2001 on), not amounts. */
const EPOCH_MS_FLOOR = 1_000_000_000_000;

/** The most characters of a caller-chosen field name a message repeats. */
export const MAX_ECHOED_NAME = 24;

/** A caller-chosen name as a message may show it: printable characters only, cut short. */
function echoed(name: string): string {
  const chars = Array.from(name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ''));
  return chars.length > MAX_ECHOED_NAME ? `${chars.slice(0, MAX_ECHOED_NAME).join('')}…` : chars.join('');
}

/** The validator of schema `id` in `set`, or null when the set has none. */
export function validatorIn(set: ValidatorSet, id: SchemaId): ValidatorFn | null {
  const fn = set[id.replace(/[^A-Za-z0-9_$]/g, '_')];
  return typeof fn === 'function' ? (fn as ValidatorFn) : null;
}

/** The sub-schema at a JSON pointer such as "/children/0/name". */
function schemaAt(root: AnySchema, pointer: string): AnySchema | undefined {
  let node: AnySchema | undefined = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node) return undefined;
    node = /^\d+$/.test(key) && node.items ? node.items : node.properties?.[key];
  }
  return node;
}

function describe(issue: ValidationIssue, root: AnySchema): string {
  const at = schemaAt(root, issue.instancePath);
  const label = at?.title ?? (issue.instancePath ? `字段 ${echoed(issue.instancePath.slice(1))}` : '请求');
  const p = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return `请填写${at?.properties?.[missing]?.title ?? echoed(missing)}`;
    }
    case 'pattern':
      if (at?.pattern && DATE_PATTERNS.has(at.pattern)) return `${label}不是有效的日期`;
      return at?.errorMessage ?? `${label}格式不正确`;
    case 'additionalProperties':
      return `${label}包含不支持的字段 ${echoed(String(p.additionalProperty))}`;
    case 'type':
      return `${label}类型不正确`;
    case 'minLength':
      return Number(p.limit) <= 1 ? `请填写${label}` : `${label}至少 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `${label}最多 ${String(p.limit)} 个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      // An instant (epoch ms): its bounds mean nothing to a person as digits.
      if (Math.abs(Number(p.limit)) >= EPOCH_MS_FLOOR) return `${label}不在允许的时间范围内`;
      return issue.keyword.endsWith('inimum') ? `${label}不能小于 ${String(p.limit)}` : `${label}不能大于 ${String(p.limit)}`;
    case 'minItems':
      return `${label}至少 ${String(p.limit)} 项`;
    case 'maxItems':
      return `${label}最多 ${String(p.limit)} 项`;
    case 'enum':
    case 'const':
      return `${label}的取值不在允许范围内`;
    default:
      return at?.errorMessage ?? `${label}格式不正确`;
  }
}

/** Validate `data` against the registered schema `id` with the function's validators. */
export function validate<T>(set: ValidatorSet, id: SchemaId, data: unknown): Result<T> {
  const fn = validatorIn(set, id);
  if (!fn) throw new Error(`no pre-compiled validator for ${id}; run npm run gen:validators`);
  if (fn(data)) return ok(data as T);
  const issues = fn.errors ?? [];
  const root = (set.schemas[id] ?? {}) as AnySchema;
  const message = issues.length ? describe(issues[0], root) : '请求参数有误';
  return fail('INVALID_ARGUMENT', message);
}

export { type SchemaId };
