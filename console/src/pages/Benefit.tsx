/**
 * 福利: the union subtree's Friday drops (benefit.adminList) with their state, and for each the
 * claim figures (benefit.figures) and the claim records as the merchant-settlement CSV
 * (benefit.exportCsv, made by the function). Creating drops and redeeming codes stay in the
 * mini-program for now.
 */
import { useCallback, useEffect, useState } from 'react';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../shared/benefit/kinds';
import type { AdminDropRow, AdminListResult, FiguresResult } from '../../../shared/benefit/schemas';
import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { downloadCsv } from '../lib/csv';
import { when } from '../lib/dates';

function stateOf(d: AdminDropRow, now: number): string {
  if (d.cancelled) return '已撤回';
  if (now < d.opensAt) return '未开始';
  if (now >= d.closesAt) return '已结束';
  if (d.soldOutAt) return '已抢完';
  return '进行中';
}

export function Benefit() {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminListResult }>({ kind: 'loading' });
  const [figures, setFigures] = useState<FiguresResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.benefit.list();
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const showFigures = async (d: AdminDropRow) => {
    setMessage(null);
    const res = await api.benefit.figures(d.id);
    if (res.ok) setFigures(res.data);
    else setMessage(res.error.message);
  };
  const exportClaims = async (d: AdminDropRow) => {
    setMessage(`正在导出「${d.title}」…`);
    const res = await api.benefit.exportCsv(d.id);
    if (!res.ok) return setMessage(res.error.message);
    downloadCsv(res.data.filename, res.data.csv);
    setMessage(`已导出 ${res.data.rows} 条领取记录`);
  };

  const now = state.kind === 'ready' ? state.data.serverTime : Date.now();
  const columns: Column<AdminDropRow>[] = [
    { key: 'title', title: '福利', render: (d) => d.title },
    { key: 'kind', title: '类型', width: 90, render: (d) => DROP_KIND_LABELS[d.kind] },
    { key: 'mode', title: '方式', width: 90, render: (d) => DROP_MODE_LABELS[d.mode] },
    { key: 'union', title: '发布工会', width: 180, render: (d) => d.unionName },
    { key: 'stock', title: '数量', width: 70, render: (d) => d.stock },
    { key: 'opens', title: '开始', width: 140, render: (d) => when(new Date(d.opensAt).toISOString()) },
    { key: 'closes', title: '结束', width: 140, optional: true, render: (d) => when(new Date(d.closesAt).toISOString()) },
    { key: 'state', title: '状态', width: 80, render: (d) => stateOf(d, now) },
    {
      key: 'ops',
      title: '',
      width: 170,
      render: (d) => (
        <span className='ops'>
          <button type='button' className='link' onClick={() => void showFigures(d)}>
            领取情况
          </button>
          <button type='button' className='link bf-export' onClick={() => void exportClaims(d)}>
            导出领取记录
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className='page-benefit'>
      <div className='page-head'>
        <h2>福利</h2>
      </div>
      {message ? <p className='note'>{message}</p> : null}
      {figures ? (
        <div className='ov-cards'>
          <div className='ov-card'>
            <div className='ov-card__label'>{figures.title} · 数量</div>
            <div className='ov-card__value'>{figures.stock}</div>
          </div>
          {(
            [
              ['已领取', figures.claims],
              ['预约报名', figures.registrations],
              ['已核销', figures.redemptions],
              ['已过期', figures.expired],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className='ov-card'>
              <div className='ov-card__label'>{label}</div>
              <div className='ov-card__value'>{value}</div>
            </div>
          ))}
        </div>
      ) : null}
      <DataTable
        caption='福利场次'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.drops : []}
        rowKey={(d) => d.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty='还没有福利场次，可在小程序「工会工作台 → 周五福利」中创建'
      />
    </section>
  );
}
