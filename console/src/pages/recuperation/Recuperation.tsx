/**
 * 疗休养: four tabs over the same admin actions the mini-program's 工会工作台 uses — 审批 (ranked
 * applicants, approvals against the unit's quota, nominations), 批次 (batches, 发布批次, 名单),
 * 单位与统计 (quota settings and the year's figures), 本地行奖励 (claims and their subsidy).
 * The units and figures are loaded once here and shared by the tabs that need them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AdminFiguresResult, UnitView } from '../../../../shared/recuperation/schemas';
import { api } from '../../api/api';
import { RecuApplicants } from './RecuApplicants';
import { RecuBatches } from './RecuBatches';
import { RecuSubsidy } from './RecuSubsidy';
import { RecuUnits } from './RecuUnits';

const TABS = [
  ['applicants', '审批'],
  ['batches', '批次'],
  ['units', '单位与统计'],
  ['subsidy', '本地行奖励'],
] as const;
type Tab = (typeof TABS)[number][0];

export function Recuperation() {
  const [tab, setTab] = useState<Tab>('applicants');
  const [units, setUnits] = useState<{ kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: UnitView[] }>({
    kind: 'loading',
  });
  const [figures, setFigures] = useState<AdminFiguresResult | null>(null);
  const load = useCallback(async () => {
    const [u, f] = await Promise.all([api.recuperation.units({}), api.recuperation.figures({})]);
    setUnits(u.ok ? { kind: 'ready', data: u.data.units } : { kind: 'error', message: u.error.message });
    setFigures(f.ok ? f.data : null);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className='page-recuperation'>
      <div className='page-head'>
        <h2>疗休养</h2>
      </div>
      <div className='tabs' role='tablist' aria-label='疗休养'>
        {TABS.map(([key, label]) => (
          <button key={key} type='button' role='tab' aria-selected={tab === key} onClick={() => setTab(key)}>
            {label}
          </button>
        ))}
      </div>
      {tab === 'batches' ? <RecuBatches /> : null}
      {tab === 'subsidy' ? <RecuSubsidy /> : null}
      {tab === 'applicants' || tab === 'units' ? (
        units.kind === 'loading' ? (
          <p className='note'>正在加载…</p>
        ) : units.kind === 'error' ? (
          <p className='error-text'>
            {units.message}{' '}
            <button type='button' className='btn btn--plain' onClick={() => void load()}>
              重试
            </button>
          </p>
        ) : units.data.length === 0 ? (
          <p className='note'>您管理的范围内没有基层工会。</p>
        ) : tab === 'applicants' ? (
          <RecuApplicants units={units.data} />
        ) : (
          <RecuUnits units={units.data} figures={figures} onChanged={() => void load()} />
        )
      ) : null}
    </section>
  );
}
