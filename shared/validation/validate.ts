/**
 * Runs a pre-compiled validator and turns ajv's issues into one Chinese message that names
 * the field by its schema `title` (e.g. "身份证号格式不正确").
 */
import * as validators from '../generated/validators';
import { fail, ok, type Result } from '../envelope';
import { schemaRegistry, type SchemaId } from './registry';
import type { ValidationIssue, ValidatorFn } from './types';

type AnySchema = {
  title?: string;
  properties?: Record<string, AnySchema>;
  items?: AnySchema;
  errorMessage?: string;
};

function validatorFor(id: SchemaId): ValidatorFn {
  const fn = (validators as Record<string, ValidatorFn>)[id.replace(/[^A-Za-z0-9_$]/g, '_')];
  if (!fn) throw new Error(`no pre-compiled validator for ${id}; run npm run gen:validators`);
  return fn;
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
  const label = at?.title ?? (issue.instancePath ? `字段 ${issue.instancePath.slice(1)}` : '请求');
  const p = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return `请填写${at?.properties?.[missing]?.title ?? missing}`;
    }
    case 'additionalProperties':
      return `${label}包含不支持的字段 ${String(p.additionalProperty)}`;
    case 'type':
      return `${label}类型不正确`;
    case 'minLength':
      return Number(p.limit) <= 1 ? `请填写${label}` : `${label}至少 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `${label}最多 ${String(p.limit)} 个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${label}不能小于 ${String(p.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${label}不能大于 ${String(p.limit)}`;
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

/** Validate `data` against the registered schema `id`. */
export function validate<T>(id: SchemaId, data: unknown): Result<T> {
  const fn = validatorFor(id);
  if (fn(data)) return ok(data as T);
  const issues = fn.errors ?? [];
  const root = schemaRegistry[id] as unknown as AnySchema;
  const message = issues.length ? describe(issues[0], root) : '请求参数有误';
  return fail('INVALID_ARGUMENT', message);
}

export { type SchemaId };
