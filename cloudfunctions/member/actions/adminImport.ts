/**
 * 会员批量导入. Each valid row becomes one complete member document (`_id` = idHash, card
 * number included) in a single write, so nothing is ever half-written; numbers already on file
 * are skipped, which makes re-importing the same file (or finishing an interrupted import) safe.
 * Invalid rows come back with their spreadsheet row number and a reason; no ID number is echoed.
 * The file comes as `csv` (UTF-8 text the page already checked) or as `file` (the bytes of an
 * .xlsx or a CSV in any encoding, decoded here: lib/importFile.ts); exactly one of the two.
 * With `preview` it answers the same counts and row errors and writes nothing (工会工作台's check).
 */
import { ok } from '../../../shared/envelope';
import { parseImportCsv, type ParsedImport } from '../../../shared/member/importTemplate';
import type { AdminImportRequest, AdminImportResult } from '../../../shared/member/schemas';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { reserveCardNumbers } from '../lib/cards';
import type { MemberDoc } from '../lib/docs';
import { parseImportFile, type FileFormat } from '../lib/importFile';
import { chunks, existingMemberIds, prepareRows, type PreparedRow } from '../lib/importRows';
import { requireAdmin } from '../../_lib/roles';
import { isDuplicate } from '../lib/tx';

type NewMember = MemberDoc;

/**
 * Insert a chunk in one request; if any document already exists (another import or an
 * approval raced us), fall back to one insert per document. A duplicate whose stored card
 * number is ours was written by our own batch (a partial batch on CloudBase): count it imported.
 */
async function insertChunk(ctx: UserContext, docs: NewMember[]): Promise<{ imported: number; duplicates: number }> {
  const coll = ctx.db.collection(C.members);
  try {
    await coll.add(docs);
    return { imported: docs.length, duplicates: 0 };
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  let imported = 0;
  let duplicates = 0;
  for (const doc of docs) {
    try {
      await coll.add(doc);
      imported++;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const stored = (await coll.doc(doc._id).get()).data[0] as MemberDoc | undefined;
      if (stored?.cardNo === doc.cardNo) imported++;
      else duplicates++;
    }
  }
  return { imported, duplicates };
}

async function parseInput(input: AdminImportRequest, today: string): Promise<{ parsed: ParsedImport; format: FileFormat | 'csv-text' | null }> {
  if (input.file !== undefined) return parseImportFile(input.file, today);
  return { parsed: parseImportCsv(input.csv!, today), format: 'csv-text' };
}

export const adminImport = userAction<AdminImportRequest, AdminImportResult>('member.adminImport', async (input, ctx) => {
  if ((input.csv === undefined) === (input.file === undefined)) {
    throw new AppFailure('INVALID_ARGUMENT', input.csv === undefined ? '请选择导入文件' : '一次只能导入一个文件');
  }
  const admin = await requireAdmin(ctx);
  const now = ctx.now();
  const { parsed, format } = await parseInput(input, formatBusiness(now, 'YYYY-MM-DD'));
  if (!parsed.ok) {
    ctx.log.info('import file refused', { format });
    throw new AppFailure('IMPORT_FILE_INVALID', parsed.reason);
  }

  const { prepared, errors } = await prepareRows(ctx, admin, parsed.rows);
  const existing = await existingMemberIds(ctx, prepared.map((p) => p._id));
  const fresh: PreparedRow[] = prepared.filter((p) => !existing.has(p._id));
  const allErrors = [...parsed.errors, ...errors].sort((a, b) => a.row - b.row);
  const totalRows = parsed.rows.length + parsed.errors.length;
  if (input.preview) {
    // 工会工作台 shows this table before anything is written; the import itself re-checks everything.
    return ok({ totalRows, imported: 0, toImport: fresh.length, skippedDuplicates: existing.size, errors: allErrors });
  }
  const cardNos = await reserveCardNumbers(ctx.db, fresh.length, now);
  const docs: NewMember[] = fresh.map(({ row: _row, ...p }, i) => ({ ...p, cardNo: cardNos[i], joinedAt: now, createdBy: admin.user.openid }));

  let imported = 0;
  let skippedDuplicates = existing.size;
  for (const part of chunks(docs)) {
    const res = await insertChunk(ctx, part);
    imported += res.imported;
    skippedDuplicates += res.duplicates;
  }
  ctx.log.info('members imported', { format, totalRows, imported, skippedDuplicates, errors: allErrors.length });
  return ok({ totalRows, imported, skippedDuplicates, errors: allErrors });
});
