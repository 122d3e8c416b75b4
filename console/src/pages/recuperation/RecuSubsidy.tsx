/**
 * 疗休养 → 本地行奖励: claims of private-enterprise unions in the subtree (recuperation.subsidyList,
 * newest first, filter by status), with the counted spend and the subsidy figure; a union above
 * the unit (never the unit itself) 批准 or 驳回 with a reason (subsidyDecide); 导出 CSV.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SubsidyClaimView, SubsidyListResult } from '../../../../shared/recuperation/schemas';
import { formatYuan } from '../../../../shared/recuperation/money';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../api/api';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv, toCsv } from '../../lib/csv';

type Status = 'pending' | 'approved' | 'rejected' | 'all';

export function RecuSubsidy() {
  const [status, setStatus] = useState<Status>('pending');
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: SubsidyListResult }>(
    { kind: 'loading' },
  );
  const [rejecting, setRejecting] = useState<SubsidyClaimView | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.recuperation.subsidies({ status });
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (c: SubsidyClaimView, decision: 'approve' | 'reject') => {
    const res = await api.recuperation.decideSubsidy({
      claimId: c.id,
      decision,
      ...(decision === 'reject' ? { reason: reason.trim() } : {}),
    });
    if (!res.ok) return setMessage({ ok: false, text: `${c.unit.name}：${res.error.message}` });
    setMessage({
      ok: true,
      text: `${c.unit.name}：${decision === 'approve' ? `已批准，奖励 ${formatYuan(res.data.claim.subsidyFen)}` : '已驳回'}`,
    });
    setRejecting(null);
    setReason('');
    void load();
  };
  const exportCsv = () => {
    if (state.kind !== 'ready') return;
    const header = [
      '基层工会',
      '地点',
      '开始日期',
      '天数',
      '人数',
      '人均每天实际消费',
      '计入标准',
      '实际总额',
      '计入总额',
      '奖励金额',
      '状态',
      '驳回原因',
      '提交时间',
    ];
    const rows = state.data.claims.map((c) => [
      c.unit.name,
      c.place,
      c.startDate,
      c.days,
      c.persons,
      formatYuan(c.spendPerPersonPerDayFen),
      formatYuan(c.countedPerPersonPerDayFen),
      formatYuan(c.actualTotalFen),
      formatYuan(c.countedTotalFen),
      formatYuan(c.subsidyFen),
      c.statusLabel,
      c.rejectReason ?? '',
      formatBusiness(c.submittedAt),
    ]);
    downloadCsv(`本地行奖励_${formatBusiness(Date.now(), 'YYYY-MM-DD')}.csv`, toCsv(header, rows));
  };

  const columns: Column<SubsidyClaimView>[] = [
    { key: 'unit', title: '基层工会', sortValue: (c) => c.unit.name, render: (c) => c.unit.name },
    { key: 'place', title: '地点', width: 120, sortValue: (c) => c.place, render: (c) => c.place },
    { key: 'start', title: '开始日期', width: 100, sortValue: (c) => c.startDate, render: (c) => c.startDate },
    {
      key: 'size',
      title: '人数 × 天数',
      width: 100,
      sortValue: (c) => c.persons * c.days,
      render: (c) => `${c.persons} 人 × ${c.days} 天`,
    },
    { key: 'spend', title: '实际总额', width: 110, sortValue: (c) => c.actualTotalFen, render: (c) => formatYuan(c.actualTotalFen) },
    {
      key: 'counted',
      title: '计入总额',
      width: 110,
      optional: true,
      sortValue: (c) => c.countedTotalFen,
      render: (c) => formatYuan(c.countedTotalFen),
    },
    { key: 'subsidy', title: '奖励金额', width: 100, sortValue: (c) => c.subsidyFen, render: (c) => formatYuan(c.subsidyFen) },
    {
      key: 'status',
      title: '状态',
      width: 80,
      sortValue: (c) => c.statusLabel,
      render: (c) => (c.rejectReason ? <span title={c.rejectReason}>{c.statusLabel}</span> : c.statusLabel),
    },
    {
      key: 'ops',
      title: '',
      width: 110,
      render: (c) =>
        c.canReview ? (
          <span className='ops'>
            <button type='button' className='link' onClick={() => void decide(c, 'approve')}>
              批准
            </button>
            <button type='button' className='link' onClick={() => setRejecting(c)}>
              驳回
            </button>
          </span>
        ) : null,
    },
  ];

  return (
    <div className='rc-subsidy'>
      <div className='toolbar toolbar--left'>
        <select aria-label='审核状态' value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          <option value='pending'>待审核</option>
          <option value='approved'>已批准</option>
          <option value='rejected'>已驳回</option>
          <option value='all'>全部</option>
        </select>
        <button type='button' className='btn btn--plain' disabled={state.kind !== 'ready'} onClick={exportCsv}>
          导出 CSV
        </button>
        <span className='note'>奖励由上级工会审核；本单位提交的申请只能由上级批准。</span>
      </div>
      {message ? <p className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p> : null}
      <DataTable
        caption='本地行奖励申请'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.claims : []}
        rowKey={(c) => c.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty='没有这一状态的申请'
      />
      {rejecting ? (
        <div className='dialog' role='dialog' aria-label='驳回本地行奖励'>
          <div className='dialog__box'>
            <h3>驳回：{rejecting.unit.name}</h3>
            <label className='inline'>
              原因
              <input
                className='grow-input'
                aria-label='驳回原因'
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            <div className='dialog__actions'>
              <button type='button' className='btn btn--plain' onClick={() => setRejecting(null)}>
                取消
              </button>
              <button type='button' className='btn' disabled={!reason.trim()} onClick={() => void decide(rejecting, 'reject')}>
                确认驳回
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
