/**
 * 会员批量导入. Each valid row becomes one complete member document (`_id` = idHash, card
 * number included) in a single write, so nothing is ever half-written; numbers already on file
 * in the admin's subtree are skipped, which makes re-importing the same file (or finishing an
 * interrupted import) safe. A number on file in a union outside the subtree is neither imported
 * nor called a duplicate (that would confirm the person exists): it becomes a transfer request
 * for the lowest union above both (lib/transfers.ts) and the importer is told only that the row
 * went to a higher union for checking (`forwarded`). Checking the ID numbers is an identity
 * look-up (_lib/lookups.ts): each forwarded row spends one of the admin's daily budget, and a
 * file with more such rows than are left is refused whole (RATE_LIMITED, nothing imported).
 * Invalid rows come back with their spreadsheet row number and a reason; no ID number is echoed.
 * The file comes as `csv` (UTF-8 text the page already checked) or as `file` (the bytes of an
 * .xlsx or a CSV in any encoding, decoded here: lib/importFile.ts); exactly one of the two.
 * With `preview` it answers the same counts and row errors and writes nothing (工会工作台's check).
 *
 * Each imported record keeps the request id that wrote it (`importRequestId`, with `createdBy`).
 * A resend of the same request by the same admin (its answer was lost; the app sends the same id)
 * finds those records and counts them as imported again, not as already on file, records no
 * second look-up and spends no budget, so it answers what the first call answered (and finishes
 * an import that was cut off). A file that imported nothing the first time leaves nothing to
 * recognise: its resend is answered like a new import.
 */
import { ok } from '../../../shared/envelope';
import { parseImportCsv, type ParsedImport } from '../../../shared/member/importTemplate';
import type { AdminImportRequest, AdminImportResult, UnionRef } from '../../../shared/member/schemas';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { AppFailure, userAction, type UserContext } from '../../_lib/router';
import { reserveCardNumbers } from '../lib/cards';
import type { MemberDoc } from '../lib/docs';
import { parseImportFile, type FileFormat } from '../lib/importFile';
import { blankRowsUnion, chunks, existingMembers, prepareRows, type ExistingMember, type PreparedRow } from '../lib/importRows';
import type { UnionDoc } from '../lib/docs';
import { forwardTransfers } from '../lib/transfers';
import { requireAdmin, type Admin } from '../../_lib/roles';
import { assertLookupBudget, recordLookup, spendAllLookups } from '../../_lib/lookups';
import { isInScope } from '../../../shared/union/tree';
import { isDuplicate } from '../lib/tx';

type NewMember = MemberDoc;

/**
 * Insert a chunk in one request; if any document already exists (another import or an
 * approval raced us), fall back to one insert per document. A duplicate whose stored card
 * number is ours was written by our own batch (a partial batch on CloudBase), and one that
 * carries our request id by a resend of this request running at the same time: count it imported.
 */
async function insertChunk(
  ctx: UserContext,
  docs: NewMember[],
): Promise<{ imported: number; duplicates: Array<{ doc: NewMember; stored: MemberDoc }> }> {
  const coll = ctx.db.collection(C.members);
  try {
    await coll.add(docs);
    return { imported: docs.length, duplicates: [] };
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  let imported = 0;
  const duplicates: Array<{ doc: NewMember; stored: MemberDoc }> = [];
  for (const doc of docs) {
    try {
      await coll.add(doc);
      imported++;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const stored = (await coll.doc(doc._id).get()).data[0] as MemberDoc | undefined;
      if (!stored || stored.cardNo === doc.cardNo || (stored.importRequestId === ctx.requestId && stored.createdBy === ctx.openid))
        imported++;
      else duplicates.push({ doc, stored });
    }
  }
  return { imported, duplicates };
}

const inScope = (admin: Admin, m: Pick<ExistingMember, 'unionAncestors'>) => isInScope(admin.unionIds, m.unionAncestors ?? []);

async function parseInput(
  input: AdminImportRequest,
  today: string,
): Promise<{ parsed: ParsedImport; format: FileFormat | 'csv-text' | null }> {
  if (input.file !== undefined) return parseImportFile(input.file, today);
  return { parsed: parseImportCsv(input.csv!, today), format: 'csv-text' };
}

function unionRef(u: UnionDoc): UnionRef {
  return { id: u._id, name: u.name, level: u.level };
}

async function adminUnionRefs(ctx: UserContext, ids: string[]): Promise<UnionRef[]> {
  const res = await ctx.db
    .collection(C.unions)
    .where({ _id: ctx.db.command.in(ids) })
    .limit(ids.length)
    .get();
  return (res.data as UnionDoc[]).map(unionRef);
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

  const fallback = await blankRowsUnion(ctx, admin, input.unionId);
  const { prepared, errors } = await prepareRows(ctx, admin, parsed.rows, fallback);
  const left = prepared.length ? await assertLookupBudget(ctx) : 0;
  const existing = await existingMembers(
    ctx,
    prepared.map((p) => p._id),
  );
  const outside = prepared.filter((p) => existing.has(p._id) && !inScope(admin, existing.get(p._id)!));
  // Records this very request wrote (a resend): imported, not on file; its look-up was recorded then.
  const ours = input.preview
    ? 0
    : [...existing.values()].filter((m) => m.importRequestId === ctx.requestId && m.createdBy === ctx.openid && inScope(admin, m)).length;
  const byName = admin.user.nameMasked ?? '';
  if (outside.length > left && ours === 0) {
    await spendAllLookups(ctx, { action: 'member.adminImport', looked: prepared.length, byName });
    ctx.log.info('import refused: look-up budget', { rows: prepared.length });
    throw new AppFailure(
      'RATE_LIMITED',
      '本次导入需转交上级工会核对的行数超过了您今天剩余的查询次数，为保护会员个人信息，本次未导入任何数据，请明天再试',
    );
  }
  if (prepared.length && ours === 0)
    await recordLookup(ctx, { action: 'member.adminImport', looked: prepared.length, misses: outside.length, byName });
  const fresh: PreparedRow[] = prepared.filter((p) => !existing.has(p._id));
  const allErrors = [...parsed.errors, ...errors].sort((a, b) => a.row - b.row);
  const totalRows = parsed.rows.length + parsed.errors.length;
  const context = { blankRowsUnion: fallback ? unionRef(fallback) : null, adminUnions: await adminUnionRefs(ctx, admin.unionIds) };
  if (input.preview) {
    // 工会工作台 shows this table before anything is written; the import itself re-checks everything.
    // Counted as the import counts them: a number on file outside the subtree is 'forwarded', never a duplicate.
    return ok({
      totalRows,
      imported: 0,
      toImport: fresh.length,
      skippedDuplicates: existing.size - outside.length,
      forwarded: outside.length,
      errors: allErrors,
      preview: true,
      ...context,
    });
  }
  const cardNos = await reserveCardNumbers(ctx.db, fresh.length, now);
  const docs: NewMember[] = fresh.map(({ row: _row, ...p }, i) => ({
    ...p,
    cardNo: cardNos[i],
    joinedAt: now,
    createdBy: ctx.openid,
    importRequestId: ctx.requestId,
  }));

  let imported = ours;
  let skippedDuplicates = existing.size - outside.length - ours;
  const toForward = outside.map((p) => ({ member: existing.get(p._id)!, toUnionId: p.unionId, toAncestors: p.unionAncestors }));
  for (const part of chunks(docs)) {
    const res = await insertChunk(ctx, part);
    imported += res.imported;
    // Written meanwhile by someone else (an approval, another import): placed like the others.
    for (const { doc, stored } of res.duplicates) {
      if (inScope(admin, stored)) skippedDuplicates++;
      else toForward.push({ member: stored, toUnionId: doc.unionId, toAncestors: doc.unionAncestors });
    }
  }
  await forwardTransfers(ctx, admin, toForward);
  const forwarded = toForward.length;
  ctx.log.info('members imported', { format, totalRows, imported, skippedDuplicates, forwarded, errors: allErrors.length });
  return ok({ totalRows, imported, skippedDuplicates, forwarded, errors: allErrors, preview: false, ...context });
});
