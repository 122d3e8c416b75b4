/** One campaign's figures (demand vs capacity chart, waitlist, attendance), family checks and audit trail. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { RemoteGate } from '../../../../components/RemoteView';
import { BarChart } from '../../../../components/charts';
import { ok, type Result } from '../../../../../shared/envelope';
import type { AdminAuditResult, AdminFamiliesResult, AdminFiguresResult } from '../../../../../shared/daycare/views';
import { formatBusinessFriendly } from '../../../../../shared/time';

type Loaded = { figures: AdminFiguresResult; families: AdminFamiliesResult; audit: AdminAuditResult };

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

export default function CampaignFigures({ campaignId }: { campaignId: string }) {
  const load = useCallback(async (): Promise<Result<Loaded>> => {
    const [figures, families, audit] = await Promise.all([
      api.daycare.adminFigures(campaignId),
      api.daycare.adminFamilies(campaignId),
      api.daycare.adminAudit(campaignId),
    ]);
    if (!figures.ok) return figures;
    if (!families.ok) return families;
    if (!audit.ok) return audit;
    return ok({ figures: figures.data, families: families.data, audit: audit.data });
  }, [campaignId]);
  const { state, reload } = useRemote(load);
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={5} bare />;
  const { figures, families, audit } = state.data;
  const check = async (
    registrationId: string,
    kind: AdminFamiliesResult['items'][number]['circumstances'][number]['kind'],
    decision: 'verified' | 'rejected',
  ) => {
    const res = await api.daycare.adminCheckFamily({ registrationId, kind, decision });
    void Taro.showToast({ title: res.ok ? '已记录' : res.error.message, icon: 'none' });
    if (res.ok) reload();
  };
  const t = figures.totals;
  return (
    <View className='dc-admin-figures'>
      <Text className='dc-meta'>
        名额 {t.capacity} · 报名 {t.demand} · 录取 {t.admitted} · 候补 {t.waitlist} · 平均出勤 {pct(t.attendanceRate)}
      </Text>
      <BarChart
        categories={figures.rows.map(
          (r) => `${r.siteName.slice(0, 2)}${r.periodName}${r.bandLabel.replace('一至三', '1–3').replace('四至六', '4–6')}`,
        )}
        series={[
          { name: '报名', data: figures.rows.map((r) => r.demand) },
          { name: '名额', data: figures.rows.map((r) => r.capacity) },
          { name: '候补', data: figures.rows.map((r) => r.waitlist) },
        ]}
        yLabel='人数'
        horizontal
        maxLabelLength={11}
      />
      {figures.rows.map((r) => (
        <View key={r.slotId} className='dc-row figure-row'>
          <Text>
            {r.siteName} · {r.periodName} {r.bandLabel}
          </Text>
          <Text className='dc-meta'>
            报名 {r.demand}/{r.capacity} · 录取 {r.admitted} · 待确认 {r.offered} · 候补 {r.waitlist} · 出勤 {pct(r.attendanceRate)}
          </Text>
        </View>
      ))}
      <View className='section-title' style={{ marginTop: '24px' }}>
        家庭情况核实（{families.items.length}）
      </View>
      {families.items.length === 0 ? <Text className='dc-meta'>暂无申报优先情况的家庭。</Text> : null}
      {families.items.slice(0, 30).map((f) => (
        <View key={f.registrationId} className='dc-row'>
          <View style={{ flex: 1 }}>
            <Text>
              {f.childNameMasked} · {f.slotLabel}
            </Text>
            {f.circumstances.map((c) => (
              <View key={c.kind} style={{ display: 'flex', alignItems: 'center', marginTop: '6px' }}>
                <Text className='dc-meta' style={{ flex: 1 }}>
                  {c.label}：{c.statusLabel}
                </Text>
                <Button className='dc-btn' size='mini' onClick={() => void check(f.registrationId, c.kind, 'verified')}>
                  核实
                </Button>
                <Button className='dc-btn dc-btn--plain' size='mini' onClick={() => void check(f.registrationId, c.kind, 'rejected')}>
                  不通过
                </Button>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className='section-title' style={{ marginTop: '24px' }}>
        操作记录
      </View>
      {audit.items.slice(0, 30).map((a, i) => (
        <View key={i} className='dc-row'>
          <Text>
            {a.eventLabel} {a.detail}
          </Text>
          <Text className='dc-meta'>{formatBusinessFriendly(a.at)}</Text>
        </View>
      ))}
    </View>
  );
}
