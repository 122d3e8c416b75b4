/**
 * 暑托班管理: the admin's campaigns (their unions and subtrees). Per campaign: demand vs capacity
 * per site × period × band (chart), waitlist, attendance, family checks and the audit trail.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../../services/api';
import { useRemote } from '../../../../hooks/useRemote';
import { EmptyState } from '../../../../components/StateViews';
import { RemoteGate } from '../../../../components/RemoteView';
import CampaignFigures from './CampaignFigures';
import { elderClass } from '../../../../utils/elderMode';
import '../../../daycare/daycare.css';

const PHASES = { upcoming: '即将开始', open: '报名中', closed: '报名已截止', allocated: '已公布结果' } as const;

export default function DaycareAdminPage() {
  const { state, reload } = useRemote(api.daycare.adminCampaigns);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <View className={`page daycare-admin${elderClass()}`}>
      <Button className='dc-btn dc-btn--wide' onClick={() => void Taro.navigateTo({ url: '/packages/admin/daycare/create/index' })}>
        开设暑托班
      </Button>
      <Button className='dc-btn dc-btn--plain dc-btn--wide' onClick={() => void Taro.navigateTo({ url: '/packages/daycare/staff/index' })}>
        托管点花名册与出勤
      </Button>
      <View style={{ height: '24px' }} />
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={4} />
      ) : state.data.campaigns.length === 0 ? (
        <EmptyState
          title='暂无暑托班活动'
          hint='开设后，家长即可在「暑托班」页为孩子报名。'
          action={{ label: '开设暑托班', to: { kind: 'page', url: '/packages/admin/daycare/create/index' } }}
        />
      ) : (
        state.data.campaigns.map((c) => (
          <View key={c.id} className='card admin-campaign'>
            <View className='dc-campaign__head' onClick={() => setOpen(open === c.id ? null : c.id)}>
              <Text className='dc-campaign__title'>{c.title}</Text>
              <Text className='dc-badge'>{PHASES[c.phase]}</Text>
            </View>
            <Text className='dc-meta'>
              {c.unionName} · {c.modeLabel} · {c.sites.length} 个托管点 · {c.sites.reduce((n, s) => n + s.slots.length, 0)} 个班期
            </Text>
            {open === c.id ? <CampaignFigures campaignId={c.id} /> : <Text className='dc-meta'>点击查看需求与名额、候补、出勤</Text>}
          </View>
        ))
      )}
    </View>
  );
}
