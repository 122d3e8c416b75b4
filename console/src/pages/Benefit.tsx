/**
 * 福利: the union subtree's Friday drops (benefit.adminList) with their state, sortable by every
 * column (the whole list is loaded, so sorting happens here); 发布福利 (BenefitCreate), 核销
 * (BenefitRedeem); per drop a side panel with 领取情况, 核销记录 and, for draws, the draw record
 * with 如何验证 (BenefitDrop); 导出领取记录 (the function's merchant-settlement CSV).
 */
import { useCallback, useEffect, useState } from 'react';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../shared/benefit/kinds';
import type { AdminDropRow, AdminListResult } from '../../../shared/benefit/schemas';
import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { downloadCsv } from '../lib/csv';
import { when } from '../lib/dates';
import { BenefitCreate } from './BenefitCreate';
import { BenefitDrop } from './BenefitDrop';
import { BenefitRedeem } from './BenefitRedeem';

function stateOf(d: AdminDropRow, now: number): string {
  if (d.cancelled) return '已撤回';
  if (now < d.opensAt) return '未开始';
  if (now >= d.closesAt) return '已结束';
  if (d.soldOutAt) return '已抢完';
  return '进行中';
}

type Panel = 'none' | 'create' | 'redeem';

export function Benefit() {
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminListResult }>({
    kind: 'loading',
  });
  const [panel, setPanel] = useState<Panel>('none');
  const [open, setOpen] = useState<AdminDropRow | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.benefit.list();
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const exportClaims = async (d: AdminDropRow) => {
    setMessage({ ok: true, text: `正在导出「${d.title}」…` });
    const res = await api.benefit.exportCsv(d.id);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    downloadCsv(res.data.filename, res.data.csv);
    setMessage({ ok: true, text: `已导出 ${res.data.rows} 条领取记录` });
  };

  const now = state.kind === 'ready' ? state.data.serverTime : Date.now();
  const columns: Column<AdminDropRow>[] = [
    { key: 'title', title: '福利', sortValue: (d) => d.title, render: (d) => d.title },
    { key: 'kind', title: '类型', width: 90, sortValue: (d) => DROP_KIND_LABELS[d.kind], render: (d) => DROP_KIND_LABELS[d.kind] },
    { key: 'mode', title: '方式', width: 90, sortValue: (d) => DROP_MODE_LABELS[d.mode], render: (d) => DROP_MODE_LABELS[d.mode] },
    { key: 'union', title: '发布工会', width: 170, sortValue: (d) => d.unionName, render: (d) => d.unionName },
    { key: 'stock', title: '数量', width: 80, sortValue: (d) => d.stock, render: (d) => d.stock },
    { key: 'opens', title: '开始', width: 140, sortValue: (d) => d.opensAt, render: (d) => when(new Date(d.opensAt).toISOString()) },
    {
      key: 'closes',
      title: '结束',
      width: 140,
      optional: true,
      sortValue: (d) => d.closesAt,
      render: (d) => when(new Date(d.closesAt).toISOString()),
    },
    { key: 'state', title: '状态', width: 80, sortValue: (d) => stateOf(d, now), render: (d) => stateOf(d, now) },
    {
      key: 'ops',
      title: '',
      width: 200,
      render: (d) => (
        <span className='ops'>
          <button type='button' className='link' onClick={() => setOpen(d)}>
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
        <div className='toolbar'>
          <button
            type='button'
            className={panel === 'redeem' ? 'btn' : 'btn btn--plain'}
            aria-pressed={panel === 'redeem'}
            onClick={() => setPanel(panel === 'redeem' ? 'none' : 'redeem')}
          >
            核销
          </button>
          <button
            type='button'
            className={panel === 'create' ? 'btn' : 'btn btn--plain'}
            aria-pressed={panel === 'create'}
            onClick={() => setPanel(panel === 'create' ? 'none' : 'create')}
          >
            发布福利
          </button>
        </div>
      </div>
      {panel === 'redeem' ? <BenefitRedeem onRedeemed={() => undefined} /> : null}
      {panel === 'create' && state.kind === 'ready' ? (
        <BenefitCreate
          unions={state.data.unions}
          onCancel={() => setPanel('none')}
          onDone={(title) => {
            setPanel('none');
            setMessage({ ok: true, text: `已发布「${title}」` });
            void load();
          }}
        />
      ) : null}
      {message ? <p className={message.ok ? 'note ok-text' : 'note error-text'}>{message.text}</p> : null}
      <DataTable
        caption='福利场次'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.drops : []}
        rowKey={(d) => d.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        onOpen={setOpen}
        empty='还没有福利场次，点「发布福利」创建'
      />
      <p className='note'>点列名排序；在行上按 Enter 或双击查看领取情况、核销记录和抽签复核。</p>
      {open ? <BenefitDrop drop={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
