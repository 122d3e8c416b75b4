/**
 * The union-tree import template (工会组织导入模板) and its rules, for the ops CLI
 * `scripts/ops/import-unions.ts`. Pure: records (spreadsheet row + cells as text) and the unions
 * already in the database in, a checked plan out. Ops tooling, never bundled into the app or the
 * functions (layer rule: scripts/ is imported by nothing shipped). Documented in docs/operations.md.
 *
 * What it checks, for the whole file at once (any problem → nothing is written):
 * - header: the columns below, in any order; unknown or repeated columns refuse the file;
 * - each row: code (pattern, length), name, level, kind (基层 only), parent code, address;
 * - codes unique in the file and not differing only in letter case from another code (file or database);
 * - exactly one root (the 市总工会) in file ∪ database;
 * - every parent exists (in the file or the database) and its level may hold the child's level
 *   (PARENT_LEVELS); no cycles;
 * - unions already in the database keep their parent and level (moves and level changes are
 *   refused: every record of a union copies its ancestors, see docs/operations.md).
 * Then `ancestors` (root → self) are computed for every row, as the demo seed writes them.
 */
import type { UnionDoc } from '../../cloudfunctions/_lib/docs';
import type { CellKind } from '../../shared/member/importTemplate';
import { UNION_LEVEL_LABELS, UNION_LEVELS, type UnionKind, type UnionLevel } from '../../shared/union/tree';

export const UNION_IMPORT_COLUMNS = [
  { key: 'code', header: '工会编码', required: true, note: '字母、数字、- 或 _，最多 64 个字符；导入后即工会的 ID，不能更改' },
  { key: 'name', header: '工会名称', required: true, note: '最多 100 个字' },
  { key: 'level', header: '级别', required: true, note: '市总工会、区县总工会、产业工会、街道乡镇总工会、基层工会' },
  { key: 'parentCode', header: '上级工会编码', required: true, note: '市总工会留空；其他工会必填（文件中或数据库中已有的工会）' },
  { key: 'kind', header: '类型', required: false, note: '基层工会必填：企业工会 或 联合工会；其他级别留空' },
  {
    key: 'address',
    header: '地址',
    required: false,
    note: '可空，最多 200 个字；文件中有这一列时，空格子会清空已有地址；没有这一列则不改动已有地址',
  },
] as const;

export type UnionColumnKey = (typeof UNION_IMPORT_COLUMNS)[number]['key'];

/** The template a city fills in: the header row only (BOM + CRLF, as Excel writes 「CSV UTF-8」). */
export const UNION_TEMPLATE_CSV = '\uFEFF' + UNION_IMPORT_COLUMNS.map((c) => c.header).join(',') + '\r\n';

/** Same shape as the API's union ids (shared/member/schemas.ts `unionId`). */
export const UNION_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_UNION_NAME = 100;
export const MAX_UNION_ADDRESS = 200;
/** A city has tens of thousands of unions (宁波: about 27,500); one file holds at most this many rows. */
export const MAX_UNION_ROWS = 100_000;

/**
 * The levels a union of each level may sit under (DOMAIN: 市总工会 → 区县(市)总工会 / 产业工会 →
 * 乡镇(街道)总工会 → 基层工会). Beyond the strict chain, what unions actually have: industry unions
 * of a district (区教育工会), grassroots unions directly under a city, district or industry union
 * (市直 / 区直 / 系统内基层工会). The city union is the root and has no parent. This relation has no
 * cycle, so any tree that follows it is at most four levels deep (city → district → industry /
 * street → grassroots).
 */
export const PARENT_LEVELS: Record<UnionLevel, readonly UnionLevel[]> = {
  city: [],
  district: ['city'],
  industry: ['city', 'district'],
  street: ['district'],
  grassroots: ['city', 'district', 'industry', 'street'],
};

/** Template labels (with the long forms of shared/union/tree.ts) → level codes. Parentheses and spaces are ignored. */
const LEVEL_ALIASES: Record<string, UnionLevel> = {
  市总: 'city',
  市总工会: 'city',
  区县总工会: 'district',
  区县市总工会: 'district',
  产业工会: 'industry',
  街道乡镇总工会: 'street',
  乡镇街道总工会: 'street',
  基层工会: 'grassroots',
};
/** The label each level is written with in the template. */
export const LEVEL_TEMPLATE_LABELS: Record<UnionLevel, string> = {
  city: '市总工会',
  district: '区县总工会',
  industry: '产业工会',
  street: '街道乡镇总工会',
  grassroots: '基层工会',
};
const KIND_ALIASES: Record<string, UnionKind> = { 企业工会: 'enterprise', 联合工会: 'joint' };
export const KIND_TEMPLATE_LABELS: Record<UnionKind, string> = { enterprise: '企业工会', joint: '联合工会' };

export function levelFromLabel(text: string): UnionLevel | null {
  return LEVEL_ALIASES[text.replace(/[\s()（）]/g, '')] ?? null;
}
export function kindFromLabel(text: string): UnionKind | null {
  return KIND_ALIASES[text.replace(/\s/g, '')] ?? null;
}

/** How a workbook stored a cell (CSV: all text). Mirrors shared/member/importTemplate.ts. */
/** What a cell was in the workbook (the member import's notion). */
export type { CellKind };
export interface TableRecord {
  /** Spreadsheet row (header = 1, blank rows counted). */
  row: number;
  fields: string[];
  kinds?: CellKind[];
}

/** A union as stored (`unions/<code>`), the fields the import compares. */
export type ExistingUnion = Omit<UnionDoc, 'code'>;

export type PlanStatus = 'new' | 'changed' | 'unchanged';
export interface PlannedUnion {
  row: number;
  code: string;
  name: string;
  level: UnionLevel;
  kind: UnionKind | null;
  parentId: string | null;
  /** Root → self. */
  ancestors: string[];
  address: string;
  status: PlanStatus;
  /** For `changed`: the fields that differ, e.g. 名称：旧 → 新. */
  changes: string[];
}

export interface RowProblem {
  row: number;
  reason: string;
}

export type UnionImportCheck =
  { ok: true; unions: PlannedUnion[]; existingNotInFile: number } | { ok: false; fileProblem: string | null; errors: RowProblem[] };

interface Row {
  row: number;
  code: string;
  name: string;
  level: UnionLevel | null;
  kind: UnionKind | null;
  parentCode: string | null;
  /** Null when the file has no 地址 column: an existing union keeps its address. */
  address: string | null;
  /** The row's own checks passed (it may still fail the tree checks). */
  valid: boolean;
}

const CONTROL = /[\u0000-\u001F\u007F]/;

function headerIndex(header: string[]): { map: Partial<Record<UnionColumnKey, number>> } | { problem: string } {
  const map: Partial<Record<UnionColumnKey, number>> = {};
  const known = new Map<string, UnionColumnKey>(UNION_IMPORT_COLUMNS.map((c) => [c.header, c.key]));
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (name === '') continue;
    const key = known.get(name);
    if (!key)
      return { problem: `表头「${name.slice(0, 20)}」不是模板中的列，应为：${UNION_IMPORT_COLUMNS.map((c) => c.header).join('、')}` };
    if (map[key] !== undefined) return { problem: `表头「${name}」重复` };
    map[key] = i;
  }
  const missing = UNION_IMPORT_COLUMNS.filter((c) => c.required && map[c.key] === undefined).map((c) => c.header);
  if (missing.length) return { problem: `缺少必填列：${missing.join('、')}` };
  return { map };
}

function quote(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

function codeProblem(label: string, code: string): string | null {
  if (UNION_CODE_PATTERN.test(code)) return null;
  if (code.length > 64) return `${label}最多 64 个字符`;
  return `${label}「${quote(code)}」只能包含英文字母、数字、- 和 _`;
}

/** One row's own checks (no other row, no database). */
function checkRow(rec: TableRecord, map: Partial<Record<UnionColumnKey, number>>, errors: RowProblem[]): Row {
  const cell = (k: UnionColumnKey) => (map[k] === undefined ? '' : (rec.fields[map[k]!] ?? '').trim());
  const kindOf = (k: UnionColumnKey): CellKind => (map[k] === undefined ? 'text' : (rec.kinds?.[map[k]!] ?? 'text'));
  const before = errors.length;
  const fail = (reason: string) => errors.push({ row: rec.row, reason });

  for (const c of UNION_IMPORT_COLUMNS) {
    if (kindOf(c.key) === 'date' && cell(c.key) !== '') fail(`「${c.header}」被 Excel 存成了日期，请将该列设为文本格式后重新填写`);
  }
  // Excel keeps 15 significant digits of a number: a longer numeric code has lost digits.
  for (const key of ['code', 'parentCode'] as const) {
    const header = UNION_IMPORT_COLUMNS.find((c) => c.key === key)!.header;
    if (kindOf(key) === 'number' && !/^\d{1,15}$/.test(cell(key)))
      fail(`「${header}」被 Excel 存成了数字，数字已改变，请将该列设为文本格式后重新填写`);
  }

  const code = cell('code');
  if (!code) fail('工会编码为空');
  else {
    const p = codeProblem('工会编码', code);
    if (p) fail(p);
  }

  const name = cell('name').replace(/\s+/g, ' ');
  if (!name) fail('工会名称为空');
  else if (name.length > MAX_UNION_NAME) fail(`工会名称最多 ${MAX_UNION_NAME} 个字`);
  else if (CONTROL.test(name)) fail('工会名称含有不可见字符');

  const levelText = cell('level');
  const level = levelText ? levelFromLabel(levelText) : null;
  if (!levelText) fail('级别为空');
  else if (!level) fail(`级别「${quote(levelText)}」不正确，应为：${UNION_LEVELS.map((l) => LEVEL_TEMPLATE_LABELS[l]).join('、')}`);

  const kindText = cell('kind');
  let kind: UnionKind | null = null;
  if (level === 'grassroots') {
    if (!kindText) fail('基层工会须填写类型：企业工会 或 联合工会');
    else {
      kind = kindFromLabel(kindText);
      if (!kind) fail(`类型「${quote(kindText)}」不正确，应为：企业工会 或 联合工会`);
    }
  } else if (level && kindText) {
    fail(`只有基层工会填写类型，${UNION_LEVEL_LABELS[level]}的类型应留空`);
  }

  const parentText = cell('parentCode');
  const parentCode = parentText || null;
  if (level === 'city' && parentCode) fail('市总工会是最上级的工会，上级工会编码应留空');
  if (level && level !== 'city' && !parentCode) fail('缺少上级工会编码');
  if (parentCode) {
    const p = codeProblem('上级工会编码', parentCode);
    if (p) fail(p);
    else if (parentCode === code) fail('上级工会不能是自己');
  }

  const address = map.address === undefined ? null : cell('address').replace(/\s+/g, ' ');
  if (address === null) {
    // no 地址 column
  } else if (address.length > MAX_UNION_ADDRESS) fail(`地址最多 ${MAX_UNION_ADDRESS} 个字`);
  else if (CONTROL.test(address)) fail('地址含有不可见字符');

  return { row: rec.row, code, name, level, kind, parentCode, address, valid: errors.length === before };
}

function labelOf(level: UnionLevel): string {
  return LEVEL_TEMPLATE_LABELS[level];
}

/** 「甲、乙或丙」 */
function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Check a whole file against the database's unions (`existing`, keyed by `_id`) and plan the
 * writes. Either every row is fine and the plan lists every row (new / changed / unchanged,
 * with ancestors), or nothing is planned and every problem found is listed with its row.
 */
export function checkUnionImport(records: TableRecord[], existing: ReadonlyMap<string, ExistingUnion>): UnionImportCheck {
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonBlank.length === 0) return { ok: false, fileProblem: '文件是空的', errors: [] };
  const [header, ...data] = nonBlank;
  const h = headerIndex(header.fields);
  if ('problem' in h) return { ok: false, fileProblem: h.problem, errors: [] };
  if (data.length === 0) return { ok: false, fileProblem: '文件中没有工会数据（只有表头）', errors: [] };
  if (data.length > MAX_UNION_ROWS)
    return { ok: false, fileProblem: `一个文件最多 ${MAX_UNION_ROWS} 行，请拆分文件（先导入上级工会）`, errors: [] };

  const errors: RowProblem[] = [];
  const fail = (row: number, reason: string) => errors.push({ row, reason });
  const rows = data.map((rec) => checkRow(rec, h.map, errors));

  // Codes: unique in the file, and not a letter-case variant of another code (file or database).
  const byCode = new Map<string, Row>();
  const byFolded = new Map<string, Row>();
  const existingFolded = new Map<string, string>();
  for (const id of existing.keys()) existingFolded.set(id.toLowerCase(), id);
  for (const r of rows) {
    if (!r.code || !UNION_CODE_PATTERN.test(r.code)) continue;
    const folded = r.code.toLowerCase();
    const first = byFolded.get(folded);
    if (first) {
      fail(
        r.row,
        first.code === r.code
          ? `工会编码「${r.code}」与第 ${first.row} 行重复`
          : `工会编码「${r.code}」与第 ${first.row} 行的「${first.code}」只有大小写不同`,
      );
      r.valid = false;
      continue;
    }
    byFolded.set(folded, r);
    byCode.set(r.code, r);
    const stored = existingFolded.get(folded);
    if (stored !== undefined && stored !== r.code) {
      fail(r.row, `工会编码「${r.code}」与数据库中已有的「${stored}」只有大小写不同`);
      r.valid = false;
    }
  }

  // One root in file ∪ database.
  const storedRoots = [...existing.values()].filter((u) => u.parentId === null);
  const fileRoots = rows.filter((r) => r.level === 'city' && byCode.get(r.code) === r);
  let fileProblem: string | null = null;
  if (storedRoots.length === 0) {
    if (fileRoots.length === 0) fileProblem = '数据库中还没有工会：文件中须有一个级别为「市总工会」、上级工会编码留空的根工会';
    for (const r of fileRoots.slice(1)) {
      fail(r.row, `只能有一个市总工会：第 ${fileRoots[0].row} 行已是市总工会（${fileRoots[0].code}）`);
      r.valid = false;
    }
  } else {
    for (const r of fileRoots) {
      if (storedRoots.some((s) => s._id === r.code)) continue;
      const s = storedRoots[0];
      fail(r.row, `数据库中已有市总工会「${s.name}」（${s._id}），不能再导入另一个市总工会`);
      r.valid = false;
    }
  }

  // Parents: exist, level fits; existing unions keep their parent and level.
  const levelOfCode = (code: string): UnionLevel | null => {
    const r = byCode.get(code);
    if (r) return r.level;
    return existing.get(code)?.level ?? null;
  };
  for (const r of rows) {
    if (byCode.get(r.code) !== r) continue;
    const stored = existing.get(r.code);
    if (stored && r.level && stored.level !== r.level) {
      fail(
        r.row,
        `工会「${r.code}」已在数据库中，级别为${labelOf(stored.level)}；本工具不修改已有工会的级别（文件中为${labelOf(r.level)}）`,
      );
      r.valid = false;
    }
    if (stored && r.level && (stored.parentId ?? null) !== r.parentCode) {
      const from = stored.parentId ? `「${existing.get(stored.parentId)?.name ?? stored.parentId}」（${stored.parentId}）` : '无';
      fail(
        r.row,
        `工会「${r.code}」已在数据库中，上级为${from}；本工具不移动工会（文件中上级为 ${r.parentCode ?? '空'}），见 docs/operations.md「调整上级」`,
      );
      r.valid = false;
    }
    if (!r.parentCode || !r.level || r.parentCode === r.code || !UNION_CODE_PATTERN.test(r.parentCode)) continue;
    const parentLevel = levelOfCode(r.parentCode);
    if (!byCode.has(r.parentCode) && !existing.has(r.parentCode)) {
      fail(r.row, `上级工会编码「${r.parentCode}」不存在：文件中和数据库中都没有这个工会`);
      r.valid = false;
    } else if (parentLevel && !PARENT_LEVELS[r.level].includes(parentLevel)) {
      const allowed = orList(PARENT_LEVELS[r.level].map(labelOf));
      fail(r.row, `${labelOf(r.level)}的上级应为${allowed}，而上级「${r.parentCode}」是${labelOf(parentLevel)}`);
      r.valid = false;
    }
  }

  // Cycles among the file's rows (a chain that reaches the database ends there: the stored tree has none).
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  for (const start of rows) {
    if (byCode.get(start.code) !== start || state.has(start.code)) continue;
    const path: Row[] = [];
    let r: Row | undefined = start;
    while (r && !state.has(r.code)) {
      state.set(r.code, 'visiting');
      path.push(r);
      // A row naming itself as parent is already reported (上级工会不能是自己).
      r = r.parentCode && r.parentCode !== r.code ? byCode.get(r.parentCode) : undefined;
    }
    if (r && state.get(r.code) === 'visiting') {
      const cycle = path.slice(path.indexOf(r));
      const text = [...cycle, r].map((c) => c.code).join(' → ');
      for (const c of cycle) {
        if (reported.has(c.code)) continue;
        reported.add(c.code);
        fail(c.row, `上级关系形成循环：${text}`);
        c.valid = false;
      }
    }
    for (const p of path) state.set(p.code, 'done');
  }

  if (errors.length || fileProblem) return { ok: false, fileProblem, errors: sortProblems(errors) };

  // Ancestors: root → self, as the seed writes them (scripts/local-cloud/demo/seed.ts).
  const ancestors = new Map<string, string[]>();
  const chainOf = (code: string): string[] => {
    const known = ancestors.get(code);
    if (known) return known;
    const r = byCode.get(code);
    if (!r) return existing.get(code)!.ancestors;
    // Iterative up to a known chain (no cycles remain; depth ≤ 4 by PARENT_LEVELS).
    const up: Row[] = [];
    let cur: Row | undefined = r;
    let base: string[] = [];
    while (cur) {
      const done = ancestors.get(cur.code);
      if (done) {
        base = done;
        break;
      }
      up.push(cur);
      if (!cur.parentCode) break;
      const next = byCode.get(cur.parentCode);
      if (!next) {
        base = existing.get(cur.parentCode)!.ancestors;
        break;
      }
      cur = next;
    }
    for (let i = up.length - 1; i >= 0; i--) {
      base = [...base, up[i].code];
      ancestors.set(up[i].code, base);
    }
    return ancestors.get(code)!;
  };

  const unions: PlannedUnion[] = [];
  for (const r of rows) {
    const chain = chainOf(r.code);
    const stored = existing.get(r.code);
    const planned: PlannedUnion = {
      row: r.row,
      code: r.code,
      name: r.name,
      level: r.level!,
      kind: r.kind,
      parentId: r.parentCode,
      ancestors: chain,
      address: r.address ?? stored?.address ?? '',
      status: 'new',
      changes: [],
    };
    if (stored) {
      if (!sameList(stored.ancestors ?? [], chain)) {
        fail(
          r.row,
          `工会「${r.code}」在数据库中的上级链（${(stored.ancestors ?? []).join(' → ')}）与文件不一致（${chain.join(' → ')}）；本工具不移动工会`,
        );
        continue;
      }
      if (stored.name !== r.name) planned.changes.push(`名称：${stored.name} → ${r.name}`);
      if ((stored.address ?? '') !== planned.address)
        planned.changes.push(`地址：${stored.address || '（空）'} → ${planned.address || '（空）'}`);
      if ((stored.kind ?? null) !== r.kind) {
        planned.changes.push(
          `类型：${stored.kind ? KIND_TEMPLATE_LABELS[stored.kind] : '（空）'} → ${r.kind ? KIND_TEMPLATE_LABELS[r.kind] : '（空）'}`,
        );
      }
      planned.status = planned.changes.length ? 'changed' : 'unchanged';
    }
    unions.push(planned);
  }
  if (errors.length) return { ok: false, fileProblem: null, errors: sortProblems(errors) };
  const inFile = new Set(rows.map((r) => r.code));
  let existingNotInFile = 0;
  for (const id of existing.keys()) if (!inFile.has(id)) existingNotInFile++;
  return { ok: true, unions, existingNotInFile };
}

function sortProblems(errors: RowProblem[]): RowProblem[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.row - b.e.row || a.i - b.i)
    .map(({ e }) => e);
}

export interface LevelCounts {
  new: number;
  changed: number;
  unchanged: number;
}

/** new / changed / unchanged per level, in tree order. */
export function summarizePlan(unions: readonly PlannedUnion[]): Array<{ level: UnionLevel; label: string } & LevelCounts> {
  return UNION_LEVELS.map((level) => {
    const counts: LevelCounts = { new: 0, changed: 0, unchanged: 0 };
    for (const u of unions) if (u.level === level) counts[u.status]++;
    return { level, label: LEVEL_TEMPLATE_LABELS[level], ...counts };
  }).filter((l) => l.new + l.changed + l.unchanged > 0);
}
