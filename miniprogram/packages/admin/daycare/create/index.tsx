/**
 * 开设暑托班: a campaign (window, allocation rule, limits) of a union the admin manages, then its
 * sites, periods × bands with capacity, and staff. Every rule is checked again on the server.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { useRetrySafeCalls } from '../../../../hooks/useRetrySafeSend';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import type { CampaignView } from '../../../../../shared/daycare/views';
import { campaignRequest, newCampaignForm, upcomingSummer } from '../../../../../shared/daycare/forms';
import { Chips, Field } from './Field';
import SiteEditor from './SiteEditor';
import { elderClass } from '../../../../utils/elderMode';
import '../../../daycare/daycare.css';

export default function CreateDaycarePage() {
  const { state, reload } = useRemote(api.member.profile);
  const summer = upcomingSummer(new Date());
  const [form, setForm] = useState({ unionId: '', ...newCampaignForm(summer) });
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { run } = useRetrySafeCalls();

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={5} page='page' bare />;
  const unions = state.data.adminUnions;
  if (unions.length === 0)
    return (
      <View className={`page${elderClass()}`}>
        <EmptyState
          title='仅工会管理员可开设暑托班'
          hint='如需开通，请联系上级工会。'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
      </View>
    );
  const unionId = form.unionId || unions[0].id;

  const refresh = async () => {
    const res = await api.daycare.adminCampaigns();
    if (res.ok && campaign) setCampaign(res.data.campaigns.find((c) => c.id === campaign.id) ?? campaign);
  };
  const create = async () => {
    setError(null);
    const now = Date.now();
    const res = await run((requestId) => api.daycare.adminCreateCampaign(campaignRequest(form, unionId, summer, now), { requestId }));
    if (!res.ok) return setError(res.error.message);
    setCampaign(res.data.campaign);
  };

  return (
    <View className={`page daycare-create${elderClass()}`}>
      {campaign ? (
        <View>
          <View className='card'>
            <Text className='dc-campaign__title'>{campaign.title}</Text>
            <Text className='dc-meta'>
              {campaign.modeLabel} · {campaign.sites.length} 个托管点 · {campaign.sites.reduce((n, s) => n + s.slots.length, 0)} 个班期
            </Text>
            {campaign.seedCommitment ? <Text className='dc-mono'>种子承诺 SHA-256：{campaign.seedCommitment}</Text> : null}
          </View>
          <SiteEditor
            campaign={campaign}
            hosts={[{ id: campaign.unionId, name: campaign.unionName || '主办工会' }]}
            onChanged={() => void refresh()}
          />
        </View>
      ) : (
        <View className='card'>
          <View className='section-title'>活动设置</View>
          <Chips
            options={unions.map((u) => [u.id, u.name] as [string, string])}
            value={unionId}
            onChange={(v) => setForm({ ...form, unionId: v })}
          />
          <Field label='活动名称' value={form.title} onChange={(v) => setForm({ ...form, title: v })} />
          <Field label='报名从现在开始，持续天数' type='number' value={form.days} onChange={(v) => setForm({ ...form, days: v })} />
          <View className='dc-field'>
            <Text className='dc-label'>录取方式</Text>
            <Chips
              options={[
                ['lottery', '按优先档次摇号'],
                ['first_come', '先到先得'],
              ]}
              value={form.mode}
              onChange={(v) => setForm({ ...form, mode: v })}
            />
          </View>
          <Field
            label='每个孩子每个暑期可报期数'
            type='number'
            value={form.periodLimit}
            onChange={(v) => setForm({ ...form, periodLimit: v })}
          />
          <Field
            label='候补递补确认时限（小时）'
            type='number'
            value={form.offerHours}
            onChange={(v) => setForm({ ...form, offerHours: v })}
          />
          <Field
            label='出勤率要求（%），低于则不能报名下一期'
            type='number'
            value={form.threshold}
            onChange={(v) => setForm({ ...form, threshold: v })}
          />
          {error ? <Text className='dc-error'>{error}</Text> : null}
          <Button className='dc-btn dc-btn--wide' onClick={() => void create()}>
            创建活动
          </Button>
        </View>
      )}
    </View>
  );
}
