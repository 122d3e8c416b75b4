/**
 * 疗休养 → 批次: the subtree's batches with places left (recuperation.adminBatches), sortable;
 * 发布批次 (adminCreateBatch: venue, start, days ≤ 5 with travel, capacity, cost in 元 sent as 分);
 * per batch its 名单 across units (adminRoster) with 导出 CSV.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminBatchesResult, AdminRosterResult, BatchView, RosterRow } from '../../../../shared/recuperation/schemas';
import { formatYuan, parseYuan } from '../../../../shared/recuperation/money';
import { MEMBER_TAG_LABELS } from '../../../../shared/member/tags';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../api/api';
import { newRequestId } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv, toCsv } from '../../lib/csv';

type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };

function BatchRoster({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const [state, setState] = useState<Load<AdminRosterResult>>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.recuperation.roster(batch.id);
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [batch.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const exportCsv = () => {
    if (state.kind !== 'ready') return;
    const rows = state.data.rows.map((r) => [r.unit.name, r.nameMasked, r.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、'), r.statusLabel]);
    downloadCsv(`疗休养名单_${batch.title}_${batch.startDate}.csv`, toCsv(['基层工会', '会员', '标签', '状态'], rows));
  };
  const columns: Column<RosterRow>[] = [
    { key: 'unit', title: '基层工会', sortValue: (r) => r.unit.name, render: (r) => r.unit.name },
    { key: 'name', title: '会员', width: 100, sortValue: (r) => r.nameMasked, render: (r) => r.nameMasked },
    { key: 'tags', title: '标签', render: (r) => r.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') || '—' },
    { key: 'status', title: '状态', width: 90, sortValue: (r) => r.statusLabel, render: (r) => r.statusLabel },
  ];
  return (
    <aside className='drawer drawer--wide' aria-label={`名单：${batch.title}`}>
      <div className='drawer__head'>
        <h3>名单 · {batch.title}</h3>
        <span className='toolbar'>
          <button type='button' className='btn btn--plain' disabled={state.kind !== 'ready'} onClick={exportCsv}>
            导出 CSV
          </button>
          <button type='button' className='btn btn--plain' onClick={onClose}>
            关闭
          </button>
        </span>
      </div>
      <p className='note'>
        {batch.period} · 名额 {batch.capacity} · 剩余 {batch.seatsLeft} · 人均 {formatYuan(batch.costFen)}
      </p>
      <DataTable
        caption='批次名单'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.rows : []}
        rowKey={(r) => r.applicationId}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty='还没有批准的人员'
      />
    </aside>
  );
}

function BatchForm({ data, onCreated, onCancel }: { data: AdminBatchesResult; onCreated: (b: BatchView) => void; onCancel: () => void }) {
  const [venueId, setVenueId] = useState(data.venues[0]?.id ?? '');
  const [ownerUnionId, setOwner] = useState(data.owners[0]?.id ?? '');
  const [startDate, setStart] = useState('');
  const [days, setDays] = useState('5');
  const [capacity, setCapacity] = useState('30');
  const [cost, setCost] = useState('1800');
  const [error, setError] = useState<string | null>(null);
  const rid = useRef(newRequestId());
  const submit = async () => {
    const costFen = parseYuan(cost);
    if (costFen === null) return setError('人均费用请填写金额（元，最多两位小数）');
    if (!startDate) return setError('请选择开始日期');
    const res = await api.recuperation.createBatch(
      { venueId, ownerUnionId, startDate, days: Number(days), capacity: Number(capacity), costFen },
      rid.current,
    );
    if (!res.ok) {
      if (res.error.code !== 'NETWORK') rid.current = newRequestId();
      return setError(res.error.message);
    }
    rid.current = newRequestId();
    onCreated(res.data.batch);
  };
  return (
    <form className='form sub-form' onSubmit={(e) => e.preventDefault()}>
      <h3>发布批次</h3>
      <div className='form__row'>
        <label>
          疗休养场所
          <select value={venueId} onChange={(e) => setVenueId(e.target.value)}>
            {data.venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}（{v.location}）
              </option>
            ))}
          </select>
        </label>
        <label>
          发布工会
          <select value={ownerUnionId} onChange={(e) => setOwner(e.target.value)}>
            {data.owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className='form__row'>
        <label>
          开始日期
          <input type='date' value={startDate} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          天数（含路途，不超过 5 天）
          <input type='number' min={1} max={5} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <label>
          名额
          <input type='number' min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        <label>
          人均费用（元）
          <input value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
      </div>
      {error ? <p className='error-text'>{error}</p> : null}
      <div className='form__actions'>
        <button type='button' className='btn' disabled={!venueId || !ownerUnionId} onClick={() => void submit()}>
          发布批次
        </button>
        <button type='button' className='btn btn--plain' onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

export function RecuBatches() {
  const [state, setState] = useState<Load<AdminBatchesResult>>({ kind: 'loading' });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<BatchView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.recuperation.batches();
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const columns: Column<BatchView>[] = [
    { key: 'title', title: '批次', sortValue: (b) => b.title, render: (b) => b.title },
    { key: 'venue', title: '场所', width: 150, sortValue: (b) => b.venue.name, render: (b) => b.venue.name },
    { key: 'owner', title: '发布工会', width: 150, optional: true, sortValue: (b) => b.owner.name, render: (b) => b.owner.name },
    { key: 'period', title: '时间', width: 170, sortValue: (b) => b.startDate, render: (b) => b.period },
    { key: 'capacity', title: '名额', width: 70, sortValue: (b) => b.capacity, render: (b) => b.capacity },
    { key: 'left', title: '剩余', width: 70, sortValue: (b) => b.seatsLeft, render: (b) => b.seatsLeft },
    { key: 'cost', title: '人均费用', width: 100, sortValue: (b) => b.costFen, render: (b) => formatYuan(b.costFen) },
    {
      key: 'accepting',
      title: '报名',
      width: 80,
      sortValue: (b) => (b.accepting ? 1 : 0),
      render: (b) => (b.accepting ? '接受申请' : '已截止'),
    },
    {
      key: 'ops',
      title: '',
      width: 70,
      render: (b) => (
        <button type='button' className='link' onClick={() => setOpen(b)}>
          名单
        </button>
      ),
    },
  ];
  return (
    <div className='rc-batches'>
      <div className='toolbar toolbar--left'>
        <button
          type='button'
          className={creating ? 'btn' : 'btn btn--plain'}
          disabled={state.kind !== 'ready'}
          onClick={() => setCreating(!creating)}
        >
          发布批次
        </button>
        {message ? <span className='ok-text'>{message}</span> : null}
      </div>
      {creating && state.kind === 'ready' ? (
        <BatchForm
          data={state.data}
          onCancel={() => setCreating(false)}
          onCreated={(b) => {
            setCreating(false);
            setMessage(`已发布「${b.title}」（${formatBusiness(Date.now(), 'HH:mm')}）`);
            void load();
          }}
        />
      ) : null}
      <DataTable
        caption='疗休养批次'
        columns={columns}
        rows={state.kind === 'ready' ? state.data.batches : []}
        rowKey={(b) => b.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        onOpen={setOpen}
        empty='还没有批次，点「发布批次」创建'
      />
      {open ? <BatchRoster batch={open} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
