/**
 * 疗休养 → 单位与统计: per unit of the subtree its year's quota, limit, approved and attended,
 * spend against the cost cap and 本地行 subsidies (recuperation.adminFigures, joined with
 * adminUnits for the settings), sortable, 导出 CSV; 设置 edits a unit (adminSaveUnit, the
 * mini-program's UnitForm fields).
 */
import { useState } from 'react';
import type { AdminFiguresResult, UnitFigures, UnitView } from '../../../../shared/recuperation/schemas';
import { formatYuan, parseYuan } from '../../../../shared/recuperation/money';
import { OWNERSHIP_LABELS, type Ownership } from '../../../../shared/recuperation/settings';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../api/api';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv, toCsv } from '../../lib/csv';

function UnitForm({ unit, onSaved, onCancel }: { unit: UnitView; onSaved: () => void; onCancel: () => void }) {
  const [f, setF] = useState({
    quota: String(unit.quota),
    staff: String(unit.staffCount),
    ownership: unit.ownership as Ownership,
    cap: unit.ownership === 'other' && unit.costCapFen ? String(unit.costCapFen / 100) : '',
    leaderNum: String(unit.leaderShare.num),
    leaderDen: String(unit.leaderShare.den),
    staffNum: String(unit.staffShare.num),
    staffDen: String(unit.staffShare.den),
    noRepeat: String(unit.noRepeatYears),
  });
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const n = (s: string) => Number.parseInt(s, 10);
  const save = async () => {
    const capFen = f.cap.trim() ? parseYuan(f.cap) : null;
    if (f.cap.trim() && capFen === null) return setError('费用标准请填写金额（元）');
    const res = await api.recuperation.saveUnit({
      unionId: unit.unit.id,
      quota: n(f.quota),
      staffCount: n(f.staff),
      ownership: f.ownership,
      ...(f.ownership === 'other' && capFen ? { costCapFen: capFen } : {}),
      leaderShareNum: n(f.leaderNum),
      leaderShareDen: n(f.leaderDen),
      staffShareNum: n(f.staffNum),
      staffShareDen: n(f.staffDen),
      noRepeatYears: n(f.noRepeat),
    });
    if (!res.ok) return setError(res.error.message);
    onSaved();
  };
  const num = (label: string, key: keyof typeof f) => (
    <label>
      {label}
      <input type='number' min={0} value={f[key]} onChange={(e) => set({ [key]: e.target.value } as Partial<typeof f>)} />
    </label>
  );
  return (
    <form className='form sub-form' onSubmit={(e) => e.preventDefault()}>
      <h3>{unit.unit.name} · 设置</h3>
      <div className='form__row'>
        {num('年度名额', 'quota')}
        {num('职工总数', 'staff')}
        <label>
          单位性质
          <select value={f.ownership} onChange={(e) => set({ ownership: e.target.value as Ownership })}>
            {(Object.keys(OWNERSHIP_LABELS) as Ownership[]).map((o) => (
              <option key={o} value={o}>
                {OWNERSHIP_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        {f.ownership === 'other' ? (
          <label>
            费用标准（元/人/年，选填）
            <input value={f.cap} onChange={(e) => set({ cap: e.target.value })} />
          </label>
        ) : (
          <p className='note'>机关事业单位按每人每年 2000 元标准。</p>
        )}
      </div>
      <div className='form__row'>
        {num('领导干部比例（分子）', 'leaderNum')}
        {num('领导干部比例（分母）', 'leaderDen')}
        {num('年度参加比例（分子）', 'staffNum')}
        {num('年度参加比例（分母）', 'staffDen')}
        {num('不重复参加年限', 'noRepeat')}
      </div>
      {error ? <p className='error-text'>{error}</p> : null}
      <div className='form__actions'>
        <button type='button' className='btn' onClick={() => void save()}>
          保存
        </button>
        <button type='button' className='btn btn--plain' onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

export function RecuUnits({ units, figures, onChanged }: { units: UnitView[]; figures: AdminFiguresResult | null; onChanged: () => void }) {
  const [editing, setEditing] = useState<UnitView | null>(null);
  const byId = new Map((figures?.units ?? []).map((u) => [u.unit.id, u]));
  type Row = { view: UnitView; fig: UnitFigures | undefined };
  const rows: Row[] = units.map((view) => ({ view, fig: byId.get(view.unit.id) }));
  const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatYuan(fen));

  const exportCsv = () => {
    const header = [
      '基层工会',
      '单位性质',
      '年度名额',
      '可用名额',
      '已批准',
      '已参加',
      '剩余',
      '费用合计',
      '费用上限',
      '本地行申请',
      '本地行已批准金额',
      '本地行待审金额',
    ];
    const body = rows.map(({ view, fig }) => [
      view.unit.name,
      view.ownershipLabel,
      view.quota,
      view.limit,
      view.approved,
      fig?.attended ?? 0,
      view.placesLeft,
      money(fig?.spendFen),
      money(fig?.capTotalFen),
      fig?.subsidyClaims ?? 0,
      money(fig?.subsidyApprovedFen ?? 0),
      money(fig?.subsidyPendingFen ?? 0),
    ]);
    downloadCsv(`疗休养统计_${figures?.year ?? ''}_${formatBusiness(Date.now(), 'YYYY-MM-DD')}.csv`, toCsv(header, body));
  };

  const columns: Column<Row>[] = [
    { key: 'name', title: '基层工会', sortValue: (r) => r.view.unit.name, render: (r) => r.view.unit.name },
    {
      key: 'ownership',
      title: '性质',
      width: 110,
      optional: true,
      sortValue: (r) => r.view.ownershipLabel,
      render: (r) => r.view.ownershipLabel,
    },
    {
      key: 'quota',
      title: '年度名额',
      width: 80,
      sortValue: (r) => r.view.quota,
      render: (r) => (r.view.configured ? r.view.quota : '未设置'),
    },
    { key: 'limit', title: '可用', width: 60, sortValue: (r) => r.view.limit, render: (r) => r.view.limit },
    { key: 'approved', title: '已批准', width: 70, sortValue: (r) => r.view.approved, render: (r) => r.view.approved },
    { key: 'attended', title: '已参加', width: 70, sortValue: (r) => r.fig?.attended ?? 0, render: (r) => r.fig?.attended ?? 0 },
    { key: 'left', title: '剩余', width: 60, sortValue: (r) => r.view.placesLeft, render: (r) => r.view.placesLeft },
    { key: 'spend', title: '费用合计', width: 110, sortValue: (r) => r.fig?.spendFen ?? 0, render: (r) => money(r.fig?.spendFen) },
    {
      key: 'subsidy',
      title: '本地行已批准',
      width: 110,
      sortValue: (r) => r.fig?.subsidyApprovedFen ?? 0,
      render: (r) => money(r.fig?.subsidyApprovedFen ?? 0),
    },
    {
      key: 'pending',
      title: '本地行待审',
      width: 100,
      optional: true,
      sortValue: (r) => r.fig?.subsidyPendingFen ?? 0,
      render: (r) => money(r.fig?.subsidyPendingFen ?? 0),
    },
    {
      key: 'ops',
      title: '',
      width: 60,
      render: (r) => (
        <button type='button' className='link' onClick={() => setEditing(r.view)}>
          设置
        </button>
      ),
    },
  ];

  return (
    <div className='rc-units'>
      <div className='toolbar toolbar--left'>
        <button type='button' className='btn btn--plain' onClick={exportCsv}>
          导出 CSV
        </button>
        {figures ? (
          <span className='note'>
            {figures.year} 年合计：可用名额 {figures.totals.limit} · 已批准 {figures.totals.approved} · 已参加 {figures.totals.attended} ·
            费用 {formatYuan(figures.totals.spendFen)} · 本地行已批准 {formatYuan(figures.totals.subsidyApprovedFen)}
          </span>
        ) : null}
      </div>
      {editing ? (
        <UnitForm
          key={editing.unit.id}
          unit={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      <DataTable
        caption='基层工会名额与统计'
        columns={columns}
        rows={rows}
        rowKey={(r) => r.view.unit.id}
        state='ready'
        onOpen={(r) => setEditing(r.view)}
        empty='您管理的范围内没有基层工会'
      />
    </div>
  );
}
