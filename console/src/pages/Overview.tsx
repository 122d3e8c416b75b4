/**
 * 概览: the figures of one union's subtree and of each child union over a date range, drillable
 * down the tree (city → district → street → unit) and back up by the breadcrumb; the table
 * exports as CSV.
 */
import { useCallback, useEffect, useState } from 'react';
import { OVERVIEW_FIGURE_LABELS, type AdminOverviewResult, type OverviewFigures, type OverviewRow } from '../../../shared/system/overview';
import { api } from '../api/api';
import { DataTable, type Column } from '../components/DataTable';
import { downloadCsv, toCsv } from '../lib/csv';
import { lastDays, thisWeek } from '../lib/dates';

const FIGURES = Object.keys(OVERVIEW_FIGURE_LABELS) as (keyof OverviewFigures)[];
const PAGE = 20;
/** Shown as table columns by default (the cards above show all; 列设置 adds the others). */
const DEFAULT_COLUMNS = new Set<keyof OverviewFigures>([
  'members',
  'pendingJoins',
  'newMembers',
  'drops',
  'posts',
  'reads',
  'daycareWaitlisted',
  'recuApplied',
]);

export function Overview({ rootUnionId }: { rootUnionId?: string }) {
  const [unionId, setUnionId] = useState<string | undefined>(rootUnionId);
  const [range, setRange] = useState(thisWeek);
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: AdminOverviewResult }
  >({ kind: 'loading' });

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const res = await api.overview({ unionId, from: range.from, to: range.to, offset, limit: PAGE });
    setState(res.ok ? { kind: 'ready', data: res.data } : { kind: 'error', message: res.error.message });
  }, [unionId, range, offset]);
  useEffect(() => {
    void load();
  }, [load]);

  const drill = (id: string) => {
    setOffset(0);
    setUnionId(id);
  };
  const data = state.kind === 'ready' ? state.data : null;
  const maxMembers = Math.max(1, ...(data?.children.map((c) => c.figures.members) ?? [1]));

  const columns: Column<OverviewRow>[] = [
    {
      key: 'name',
      title: '工会',
      width: 220,
      render: (r) =>
        r.hasChildren && r.id !== data?.union.id ? (
          <button type='button' className='link ov-drill' onClick={() => drill(r.id)}>
            {r.name} ›
          </button>
        ) : (
          <strong>{r.name}</strong>
        ),
    },
    {
      key: 'bar',
      title: '会员分布',
      width: 140,
      render: (r) =>
        r.id === data?.union.id ? null : (
          <span className='ov-bar' style={{ width: `${Math.round((r.figures.members / maxMembers) * 100)}%` }} />
        ),
    },
    ...FIGURES.map((f) => ({
      key: f,
      title: OVERVIEW_FIGURE_LABELS[f],
      optional: !DEFAULT_COLUMNS.has(f),
      render: (r: OverviewRow) => r.figures[f].toLocaleString('zh-CN'),
    })),
  ];

  const exportCsv = () => {
    if (!data) return;
    const rows = [data.union, ...data.children];
    const csv = toCsv(
      ['工会', ...FIGURES.map((f) => OVERVIEW_FIGURE_LABELS[f])],
      rows.map((r) => [r.id === data.union.id ? `${r.name}（合计）` : r.name, ...FIGURES.map((f) => r.figures[f])]),
    );
    downloadCsv(`概览_${data.union.name}_${data.from}_${data.to}.csv`, csv);
  };

  return (
    <section className='page-ov'>
      <div className='page-head'>
        <h2>概览</h2>
        <div className='toolbar'>
          <button
            type='button'
            className='btn btn--plain'
            onClick={() => {
              setOffset(0);
              setRange(thisWeek());
            }}
          >
            本周
          </button>
          <button
            type='button'
            className='btn btn--plain'
            onClick={() => {
              setOffset(0);
              setRange(lastDays(30));
            }}
          >
            近 30 天
          </button>
          <label>
            从{' '}
            <input
              type='date'
              className='ov-from'
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label>
            至{' '}
            <input
              type='date'
              className='ov-to'
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
            />
          </label>
          <button type='button' className='btn ov-export' disabled={!data} onClick={exportCsv}>
            导出 CSV
          </button>
        </div>
      </div>
      <nav className='crumbs' aria-label='工会层级'>
        {data?.path.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? ' › ' : ''}
            {i === data.path.length - 1 ? (
              <strong>{p.name}</strong>
            ) : (
              <button type='button' className='link' onClick={() => drill(p.id)}>
                {p.name}
              </button>
            )}
          </span>
        ))}
      </nav>
      {data ? (
        <div className='ov-cards'>
          {FIGURES.map((f) => (
            <div key={f} className='ov-card'>
              <div className='ov-card__label'>{OVERVIEW_FIGURE_LABELS[f]}</div>
              <div className='ov-card__value' data-figure={f}>
                {data.union.figures[f].toLocaleString('zh-CN')}
              </div>
            </div>
          ))}
        </div>
      ) : null}
      <p className='note'>
        「新入会」「福利场次」「发布内容」「阅读人次」「疗休养申请」按所选日期统计；其余为当前数。每一行是该工会及其全部下级的合计（关注者除外，为该工会自身的关注者）。
      </p>
      <DataTable
        caption='下级工会'
        columns={columns}
        rows={data ? [data.union, ...data.children] : []}
        rowKey={(r) => r.id}
        state={state.kind}
        error={state.kind === 'error' ? state.message : undefined}
        onRetry={() => void load()}
        empty='没有下级工会'
        page={data ? { offset: data.offset, limit: data.limit, total: data.childTotal } : undefined}
        onPage={setOffset}
        onOpen={(r) => r.hasChildren && r.id !== data?.union.id && drill(r.id)}
      />
    </section>
  );
}
