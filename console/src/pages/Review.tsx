/**
 * 入会审核 in bulk: the applications of the admin's subtree (filter by status and union, pages on
 * the server), multi-select 批量通过, and 批量驳回 with a reason for each person. Each decision
 * is one adminReview call (the applicant is notified by it); results show per row, and a failed
 * row keeps its request id so 重试 cannot decide twice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  APPLICATION_STATUS_LABELS,
  type AdminApplicationView,
  type AdminListApplicationsResult,
  type ApplicationStatus,
} from '../../../shared/member/schemas';
import { MEMBER_TAG_LABELS } from '../../../shared/member/tags';
import { api } from '../api/api';
import { newRequestId } from '../api/client';
import { DataTable, type Column } from '../components/DataTable';
import { UnionPicker } from '../components/UnionPicker';
import { downloadCsv, toCsv } from '../lib/csv';
import { when } from '../lib/dates';

const PAGE = 50;
/** Decisions sent at once (each is a transaction on the server). */
const PARALLEL = 3;

type Outcome = { name: string; ok: boolean; text: string };

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL) await Promise.all(items.slice(i, i + PARALLEL).map(run));
}

export function Review() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const [unionId, setUnionId] = useState('');
  const [offset, setOffset] = useState(0);
  // 提交时间 sorts on the server (across pages); null: the server's default for the status.
  const [order, setOrder] = useState<'asc' | 'desc' | null>(null);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminListApplicationsResult }
  >({ kind: 'loading' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(new Map());
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<AdminApplicationView[] | null>(null);
  const requestIds = useRef(new Map<string, string>());

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.member.listApplications({
      status,
      offset,
      limit: PAGE,
      ...(unionId ? { unionId } : {}),
      ...(order ? { order } : {}),
    });
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [status, unionId, offset, order]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setSelected(new Set()), [status, unionId]);

  const rows = state.kind === 'ready' ? state.data.items : [];
  const chosen = rows.filter((r) => selected.has(r.id));

  const decide = async (items: { app: AdminApplicationView; reason?: string }[], decision: 'approve' | 'reject') => {
    setBusy(true);
    // Decided rows leave the pending list, so the batch's results are listed above the table.
    const next = new Map<string, Outcome>();
    await inBatches(items, async ({ app, reason }) => {
      const key = `${app.id}:${decision}`;
      const requestId = requestIds.current.get(key) ?? newRequestId();
      requestIds.current.set(key, requestId);
      const res = await api.member.review({ applicationId: app.id, decision, ...(reason ? { reason } : {}) }, requestId);
      if (res.ok) {
        requestIds.current.delete(key);
        next.set(app.id, {
          name: app.realName ?? app.nameMasked,
          ok: true,
          text: decision === 'approve' ? `已通过，卡号 ${res.data.application.cardNo ?? ''}` : '已驳回，已通知申请人',
        });
      } else next.set(app.id, { name: app.realName ?? app.nameMasked, ok: false, text: res.error.message });
    });
    setOutcomes(next);
    setBusy(false);
    setSelected(new Set());
    await load();
  };

  const columns: Column<AdminApplicationView>[] = [
    { key: 'name', title: '姓名', width: 90, render: (a) => a.realName ?? a.nameMasked },
    { key: 'id', title: '身份证号', width: 170, render: (a) => a.idMasked },
    { key: 'phone', title: '手机号', width: 120, render: (a) => a.phoneMasked },
    { key: 'employer', title: '工作单位', render: (a) => a.employer },
    { key: 'union', title: '申请加入', render: (a) => a.union.name },
    { key: 'tags', title: '标签', optional: true, render: (a) => a.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') || '—' },
    { key: 'submitted', title: '提交时间', width: 140, sortValue: (a) => a.submittedAt, render: (a) => when(a.submittedAt) },
    {
      key: 'status',
      title: '状态',
      width: 110,
      render: (a) => (a.status === 'rejected' && a.rejectReason ? `未通过：${a.rejectReason}` : APPLICATION_STATUS_LABELS[a.status]),
    },
  ];

  const exportCsv = () => {
    const csv = toCsv(
      ['姓名', '身份证号', '手机号', '工作单位', '申请加入', '提交时间', '状态'],
      rows.map((a) => [
        a.nameMasked,
        a.idMasked,
        a.phoneMasked,
        a.employer,
        a.union.name,
        when(a.submittedAt),
        APPLICATION_STATUS_LABELS[a.status],
      ]),
    );
    downloadCsv(`入会申请_${APPLICATION_STATUS_LABELS[status]}.csv`, csv);
  };

  return (
    <section className='page-review'>
      <div className='page-head'>
        <h2>入会审核</h2>
        <div className='toolbar'>
          <select
            value={status}
            onChange={(e) => {
              setOffset(0);
              setOrder(null);
              setStatus(e.target.value as ApplicationStatus);
            }}
            aria-label='审核状态'
          >
            <option value='pending'>待审核</option>
            <option value='approved'>已通过</option>
            <option value='rejected'>未通过</option>
          </select>
          <UnionPicker
            value={unionId}
            onChange={(id) => {
              setOffset(0);
              setUnionId(id);
            }}
          />
          <button type='button' className='btn btn--plain' disabled={rows.length === 0} onClick={exportCsv}>
            导出本页
          </button>
        </div>
      </div>
      {status === 'pending' ? (
        <div className='bulkbar'>
          <span>已选 {chosen.length} 人</span>
          <button
            type='button'
            className='btn rv-approve'
            disabled={busy || chosen.length === 0}
            onClick={() =>
              void decide(
                chosen.map((app) => ({ app })),
                'approve',
              )
            }
          >
            {busy ? '正在处理…' : '批量通过'}
          </button>
          <button
            type='button'
            className='btn btn--danger rv-reject'
            disabled={busy || chosen.length === 0}
            onClick={() => setRejecting(chosen)}
          >
            批量驳回…
          </button>
          <span className='note'>↑↓ 移动，空格 选择，PageUp/PageDown 翻页</span>
        </div>
      ) : null}
      {outcomes.size ? (
        <ul className='rv-results' aria-label='处理结果'>
          {[...outcomes.values()].map((o) => (
            <li key={o.name + o.text} className={o.ok ? 'ok-text' : 'error-text'}>
              {o.name}：{o.text}
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption='入会申请'
        columns={columns}
        rows={rows}
        rowKey={(a) => a.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty={status === 'pending' ? '没有待审核的入会申请' : '没有记录'}
        page={state.kind === 'ready' ? { offset: state.data.offset, limit: state.data.limit, total: state.data.total } : undefined}
        onPage={setOffset}
        sort={{ key: 'submitted', dir: order ?? (status === 'pending' ? 'asc' : 'desc') }}
        onSort={(next) => {
          setOrder(next.dir);
          setOffset(0);
        }}
        selected={status === 'pending' ? selected : undefined}
        onSelect={status === 'pending' ? setSelected : undefined}
      />
      {rejecting ? (
        <RejectDialog
          apps={rejecting}
          onCancel={() => setRejecting(null)}
          onSubmit={(reasons) => {
            setRejecting(null);
            void decide(
              rejecting.map((app) => ({ app, reason: reasons.get(app.id) })),
              'reject',
            );
          }}
        />
      ) : null}
    </section>
  );
}

function RejectDialog({
  apps,
  onCancel,
  onSubmit,
}: {
  apps: AdminApplicationView[];
  onCancel: () => void;
  onSubmit: (reasons: Map<string, string>) => void;
}) {
  const [reasons, setReasons] = useState<Map<string, string>>(() => new Map(apps.map((a) => [a.id, ''])));
  const [common, setCommon] = useState('');
  const missing = apps.filter((a) => !(reasons.get(a.id) ?? '').trim());
  return (
    <div className='dialog' role='dialog' aria-modal='true' aria-label='批量驳回'>
      <div className='dialog__box'>
        <h3>驳回 {apps.length} 份申请</h3>
        <p className='note'>每位申请人都会收到驳回通知和原因，请逐一填写（可先填一个通用原因再逐条修改）。</p>
        <div className='dialog__common'>
          <input
            value={common}
            maxLength={200}
            placeholder='通用原因，例如：工作单位与所选工会不符'
            onChange={(e) => setCommon(e.target.value)}
          />
          <button
            type='button'
            className='btn btn--plain'
            disabled={!common.trim()}
            onClick={() => setReasons(new Map(apps.map((a) => [a.id, reasons.get(a.id)?.trim() ? reasons.get(a.id)! : common.trim()])))}
          >
            填入空白项
          </button>
        </div>
        <table className='dt__table'>
          <tbody>
            {apps.map((a) => (
              <tr key={a.id}>
                <td style={{ width: 100 }}>{a.realName ?? a.nameMasked}</td>
                <td style={{ width: 200 }}>{a.union.name}</td>
                <td>
                  <input
                    className='rv-reason'
                    aria-label={`${a.realName ?? a.nameMasked} 的驳回原因`}
                    value={reasons.get(a.id) ?? ''}
                    maxLength={200}
                    onChange={(e) => setReasons(new Map(reasons).set(a.id, e.target.value))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className='dialog__actions'>
          <button type='button' className='btn btn--plain' onClick={onCancel}>
            取消
          </button>
          <button
            type='button'
            className='btn btn--danger rv-reject-confirm'
            disabled={missing.length > 0}
            onClick={() => onSubmit(new Map([...reasons].map(([k, v]) => [k, v.trim()])))}
          >
            {missing.length > 0 ? `还有 ${missing.length} 人未填原因` : `确认驳回 ${apps.length} 人`}
          </button>
        </div>
      </div>
    </div>
  );
}
