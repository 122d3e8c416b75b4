/**
 * 暑托班: the subtree's campaigns (daycare.adminCampaigns); for the chosen one every class (site ×
 * period × grade band) with capacity, demand, admitted, offers, waitlist, fill and attendance
 * (daycare.adminFigures), sortable by each column (the whole list is loaded); 花名册 per class
 * (DaycareRoster), 导出 CSV of the table, the campaign's 操作记录 (daycare.adminAudit);
 * 开设暑托班 and 托管点与班期 (add sites, classes, staff) as on the phone.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminAuditResult, AdminFiguresResult, AuditRow, CampaignView, FigureRow } from '../../../../shared/daycare/views';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../api/api';
import { DataTable, type Column } from '../../components/DataTable';
import { downloadCsv, toCsv } from '../../lib/csv';
import { DaycareCreate } from './DaycareCreate';
import { DaycareRoster } from './DaycareRoster';
import { SiteEditor } from './SiteEditor';

type Load<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: T };
const PHASES: Record<CampaignView['phase'], string> = { upcoming: '未开始报名', open: '报名中', closed: '报名已截止', allocated: '已录取' };
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const fill = (r: FigureRow) => (r.capacity ? (r.admitted + r.offered) / r.capacity : 0);

export function Daycare() {
  const [campaigns, setCampaigns] = useState<Load<CampaignView[]>>({ kind: 'loading' });
  const [campaignId, setCampaignId] = useState('');
  const [figures, setFigures] = useState<Load<AdminFiguresResult>>({ kind: 'loading' });
  const [audit, setAudit] = useState<Load<AdminAuditResult>>({ kind: 'loading' });
  const [panel, setPanel] = useState<'none' | 'create' | 'sites'>('none');
  const [roster, setRoster] = useState<FigureRow | null>(null);

  const loadCampaigns = useCallback(async (select?: string) => {
    const res = await api.daycare.campaigns();
    if (!res.ok) return setCampaigns({ kind: 'error', message: res.error.message });
    setCampaigns({ kind: 'ready', data: res.data.campaigns });
    setCampaignId((cur) => select ?? (cur || res.data.campaigns[0]?.id || ''));
  }, []);
  const loadFigures = useCallback(async () => {
    if (!campaignId) return;
    setFigures({ kind: 'loading' });
    setAudit({ kind: 'loading' });
    const [f, a] = await Promise.all([api.daycare.figures(campaignId), api.daycare.audit(campaignId)]);
    setFigures(f.ok ? { kind: 'ready', data: f.data } : { kind: 'error', message: f.error.message });
    setAudit(a.ok ? { kind: 'ready', data: a.data } : { kind: 'error', message: a.error.message });
  }, [campaignId]);
  useEffect(() => {
    void loadCampaigns();
  }, [loadCampaigns]);
  useEffect(() => {
    void loadFigures();
  }, [loadFigures]);

  const campaign = campaigns.kind === 'ready' ? (campaigns.data.find((c) => c.id === campaignId) ?? null) : null;

  const exportFigures = () => {
    if (figures.kind !== 'ready' || !campaign) return;
    const header = ['托管点', '期次', '年级段', '名额', '报名', '已录取', '待确认', '候补', '满额率', '平均出勤'];
    const rows = figures.data.rows.map((r) => [
      r.siteName,
      r.periodName,
      r.bandLabel,
      r.capacity,
      r.demand,
      r.admitted,
      r.offered,
      r.waitlist,
      pct(fill(r)),
      pct(r.attendanceRate),
    ]);
    downloadCsv(`暑托班_${campaign.title}_${formatBusiness(Date.now(), 'YYYY-MM-DD')}.csv`, toCsv(header, rows));
  };

  const columns: Column<FigureRow>[] = [
    { key: 'site', title: '托管点', sortValue: (r) => r.siteName, render: (r) => r.siteName },
    { key: 'period', title: '期次', width: 80, sortValue: (r) => r.periodName, render: (r) => r.periodName },
    { key: 'band', title: '年级段', width: 100, sortValue: (r) => r.bandLabel, render: (r) => r.bandLabel },
    { key: 'capacity', title: '名额', width: 70, sortValue: (r) => r.capacity, render: (r) => r.capacity },
    { key: 'demand', title: '报名', width: 70, sortValue: (r) => r.demand, render: (r) => r.demand },
    { key: 'admitted', title: '已录取', width: 80, sortValue: (r) => r.admitted, render: (r) => r.admitted },
    { key: 'offered', title: '待确认', width: 80, optional: true, sortValue: (r) => r.offered, render: (r) => r.offered },
    { key: 'waitlist', title: '候补', width: 70, sortValue: (r) => r.waitlist, render: (r) => r.waitlist },
    {
      key: 'fill',
      title: '满额率',
      width: 150,
      sortValue: fill,
      render: (r) => (
        <span className='fill'>
          <span className='ov-bar' style={{ width: `${Math.min(100, Math.round(fill(r) * 100))}px` }} /> {pct(fill(r))}
        </span>
      ),
    },
    {
      key: 'attendance',
      title: '出勤',
      width: 70,
      optional: true,
      sortValue: (r) => r.attendanceRate,
      render: (r) => pct(r.attendanceRate),
    },
    {
      key: 'ops',
      title: '',
      width: 80,
      render: (r) => (
        <button type='button' className='link' onClick={() => setRoster(r)}>
          花名册
        </button>
      ),
    },
  ];
  const auditColumns: Column<AuditRow & { n: number }>[] = [
    { key: 'at', title: '时间', width: 150, sortValue: (a) => a.at, render: (a) => formatBusiness(a.at, 'YYYY-MM-DD HH:mm') },
    { key: 'event', title: '事项', width: 140, sortValue: (a) => a.eventLabel, render: (a) => a.eventLabel },
    { key: 'detail', title: '说明', render: (a) => a.detail },
  ];

  return (
    <section className='page-daycare'>
      <div className='page-head'>
        <h2>暑托班</h2>
        <div className='toolbar'>
          {campaigns.kind === 'ready' && campaigns.data.length ? (
            <select aria-label='暑托班活动' value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
              {campaigns.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          ) : null}
          <button type='button' className='btn btn--plain' disabled={figures.kind !== 'ready'} onClick={exportFigures}>
            导出 CSV
          </button>
          <button
            type='button'
            className={panel === 'sites' ? 'btn' : 'btn btn--plain'}
            disabled={!campaign}
            onClick={() => setPanel(panel === 'sites' ? 'none' : 'sites')}
          >
            托管点与班期
          </button>
          <button
            type='button'
            className={panel === 'create' ? 'btn' : 'btn btn--plain'}
            onClick={() => setPanel(panel === 'create' ? 'none' : 'create')}
          >
            开设暑托班
          </button>
        </div>
      </div>
      {panel === 'create' ? (
        <DaycareCreate
          onCancel={() => setPanel('none')}
          onCreated={(c) => {
            setPanel('sites');
            void loadCampaigns(c.id);
          }}
        />
      ) : null}
      {campaigns.kind === 'error' ? (
        <p className='error-text'>
          {campaigns.message}{' '}
          <button type='button' className='btn btn--plain' onClick={() => void loadCampaigns()}>
            重试
          </button>
        </p>
      ) : campaigns.kind === 'loading' ? (
        <p className='note'>正在加载…</p>
      ) : !campaign ? (
        <p className='note'>还没有暑托班活动，点「开设暑托班」创建。</p>
      ) : (
        <>
          <div className='dc-head'>
            <strong>{campaign.title}</strong>
            <span className='badge'>{PHASES[campaign.phase]}</span>
            <span className='note'>
              {campaign.unionName} · {campaign.modeLabel} · 报名 {formatBusiness(campaign.opensAt, 'MM-DD HH:mm')} 至{' '}
              {formatBusiness(campaign.closesAt, 'MM-DD HH:mm')} · {campaign.sites.length} 个托管点
            </span>
          </div>
          {panel === 'sites' ? (
            <SiteEditor
              key={campaign.id}
              campaign={campaign}
              onChanged={() => {
                void loadCampaigns();
                void loadFigures();
              }}
            />
          ) : null}
          {figures.kind === 'ready' ? (
            <p className='note'>
              合计：名额 {figures.data.totals.capacity} · 报名 {figures.data.totals.demand} · 已录取 {figures.data.totals.admitted} · 候补{' '}
              {figures.data.totals.waitlist} · 平均出勤 {pct(figures.data.totals.attendanceRate)}
            </p>
          ) : null}
          <DataTable
            caption='班期名额与候补'
            columns={columns}
            rows={figures.kind === 'ready' ? figures.data.rows : []}
            rowKey={(r) => r.slotId}
            state={figures.kind}
            error={figures.kind === 'error' ? figures.message : undefined}
            onRetry={() => void loadFigures()}
            onOpen={setRoster}
            empty='这个活动还没有班期，点「托管点与班期」添加'
          />
          <h3 className='section'>操作记录</h3>
          <DataTable
            caption='操作记录'
            columns={auditColumns}
            rows={audit.kind === 'ready' ? audit.data.items.slice(0, 100).map((a, n) => ({ ...a, n })) : []}
            rowKey={(a) => String(a.n)}
            state={audit.kind}
            error={audit.kind === 'error' ? audit.message : undefined}
            onRetry={() => void loadFigures()}
            empty='还没有操作记录'
          />
        </>
      )}
      {roster && campaign ? <DaycareRoster row={roster} summer={campaign.summer} onClose={() => setRoster(null)} /> : null}
    </section>
  );
}
