/**
 * One way to fail (`npm run lint:failures`, part of `npm run check`): code under cloudfunctions/
 * refuses by throwing `AppFailure` and never returns a failure envelope (`{ ok: false, error }`).
 * Only the router (cloudfunctions/_lib/router.ts) builds those. docs/architecture.md#errors.
 *
 * The check reads types, not text: every `return` (and every arrow function's expression body) in
 * cloudfunctions/ is reported when its value, awaited, can be an object with `ok: false` and an
 * `error`; so is every `throw` of one (not an AppFailure: the router would answer INTERNAL). So `return fail(…)`, a helper that answers `Result<T>`, a literal envelope or one passed
 * on from a variable are all caught, and other `ok: false` shapes (an import file's `reason`, a
 * delivery's `errcode`) are not. `ActionDef.handler` is typed `Promise<Ok<O>>` as well; this also
 * covers helpers and internal code the action types do not reach.
 *
 * Usage: tsx scripts/check-failures.ts [root]  (root defaults to the repository; the unit test
 * runs it on a fixture tree). Exit code 1 when anything is reported.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The one module allowed to build failure envelopes. */
const ROUTER = 'cloudfunctions/_lib/router.ts';

export interface Finding {
  file: string;
  line: number;
  column: number;
  how: 'returns' | 'throws';
  type: string;
}

function tsFilesUnder(dir: string): string[] {
  let out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(tsFilesUnder(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const raw = (read.config?.compilerOptions ?? {}) as Record<string, unknown>;
  const { options } = ts.convertCompilerOptionsFromJson(raw, root, configPath);
  return { ...options, noEmit: true };
}

/** Whether a value of this type can be a failure envelope: `ok` may be false and there is an `error`. */
function canBeFailure(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  const awaited = checker.getAwaitedType(type) ?? type;
  const parts = awaited.isUnion() ? awaited.types : [awaited];
  return parts.some((part) => {
    const ok = part.getProperty('ok');
    if (!ok || !part.getProperty('error')) return false;
    const okType = checker.getTypeOfSymbolAtLocation(ok, at);
    const okParts = okType.isUnion() ? okType.types : [okType];
    return okParts.some((t) => (t.flags & ts.TypeFlags.BooleanLiteral) !== 0 && checker.typeToString(t) === 'false');
  });
}

function shortType(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function findFailureReturns(rootDir: string): Finding[] {
  const root = resolve(rootDir);
  const files = tsFilesUnder(join(root, 'cloudfunctions')).filter((f) => relative(root, f).split('\\').join('/') !== ROUTER);
  // The repository's ambient declarations (types/*.d.ts), as tsconfig.json includes them.
  const declarations = existsSync(join(root, 'types'))
    ? readdirSync(join(root, 'types'))
        .filter((n) => n.endsWith('.d.ts'))
        .map((n) => join(root, 'types', n))
    : [];
  const program = ts.createProgram(files.concat(declarations), compilerOptions(root));
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const report = (expr: ts.Expression, how: Finding['how']) => {
      const type = checker.getTypeAtLocation(expr);
      if (!canBeFailure(checker, type, expr)) return;
      const { line, character } = source.getLineAndCharacterOfPosition(expr.getStart(source));
      findings.push({
        file: relative(root, file).split('\\').join('/'),
        line: line + 1,
        column: character + 1,
        how,
        type: shortType(checker.typeToString(type)),
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isReturnStatement(node) && node.expression) report(node.expression, 'returns');
      if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) report(node.body, 'returns');
      // Thrown, an envelope is no AppFailure: the router would answer INTERNAL.
      if (ts.isThrowStatement(node)) report(node.expression, 'throws');
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return findings;
}

if (process.argv[1] && /check-failures(\.ts)?$/.test(process.argv[1])) {
  const root = process.argv[2] ?? join(__dirname, '..');
  const findings = findFailureReturns(root);
  for (const f of findings) {
    console.error(`${f.file}:${f.line}:${f.column} ${f.how} a failure value (${f.type}): throw new AppFailure(code, message) instead`);
  }
  if (findings.length) {
    console.error(
      `\n${findings.length} failure value(s) returned or thrown under cloudfunctions/: refusals are thrown as AppFailure (docs/architecture.md#errors)`,
    );
    process.exit(1);
  }
  console.log('lint:failures: no code under cloudfunctions/ returns a failure value (refusals are thrown)');
}
