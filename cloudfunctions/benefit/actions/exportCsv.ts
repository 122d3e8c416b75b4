/**
 * benefit.exportCsv: one row per claim for settlement with the merchant (UTF-8 with BOM so
 * Excel opens it). Member names are the masked ones; no phone or ID number is exported.
 */
import { ok } from '../../../shared/envelope';
import { formatCode } from '../../../shared/benefit/code';
import type { ExportCsvRequest, ExportCsvResult } from '../../../shared/benefit/schemas';
import { formatBusiness } from '../../../shared/time';
import { C } from '../../_lib/collections';
import { forConsole, userAction } from '../../_lib/router';
import { adminDrop } from '../lib/admin';
import { allClaims } from '../lib/allClaims';
import type { ClaimDoc, UserDoc } from '../lib/docs';

const STATUS: Record<ClaimDoc['status'], string> = { issued: '未核销', redeemed: '已核销', expired: '已过期' };

function cell(v: string): string {
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// 工会工作台 → 福利 too (admins only, checked by adminDrop).
export const exportCsv = forConsole(
  userAction<ExportCsvRequest, ExportCsvResult>('benefit.exportCsv', async (input, ctx) => {
    const { drop } = await adminDrop(ctx, input.dropId);
    const _ = ctx.db.command;
    const claims = await allClaims(ctx, drop._id);
    const names = new Map<string, string>();
    const openids = [...new Set(claims.map((c) => c.openid))];
    for (let i = 0; i < openids.length; i += 500) {
      const res = await ctx.db
        .collection(C.users)
        .where({ _id: _.in(openids.slice(i, i + 500)) })
        .field({ nameMasked: true })
        .limit(500)
        .get();
      for (const u of res.data as UserDoc[]) names.set(u._id, u.nameMasked ?? '');
    }
    const header = ['序号', '兑换码', '会员', '获得方式', '领取时间', '状态', '核销时间', '过期处理'];
    const rows = claims.map((c, i) => [
      String(i + 1),
      formatCode(c.code),
      names.get(c.openid) ?? '',
      c.via === 'draw' ? '抽签中签' : '先到先得',
      formatBusiness(c.claimedAt, 'YYYY-MM-DD HH:mm:ss'),
      STATUS[c.status],
      c.redeemedAt ? formatBusiness(c.redeemedAt, 'YYYY-MM-DD HH:mm:ss') : '',
      c.status === 'expired' ? (c.released ? '作废释放' : '逾期列报') : '',
    ]);
    const csv = '\ufeff' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
    return ok({ filename: `福利领取明细-${drop.title}-${formatBusiness(ctx.now(), 'YYYYMMDD')}.csv`, csv, rows: rows.length });
  }),
);
