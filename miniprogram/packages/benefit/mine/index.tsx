/**
 * 我的福利: claimed codes (text + QR) with their status and where to redeem them (兑换地点 with
 * map and call, for a code still to redeem), and draw registrations with the result and why.
 */
import { Text, View } from '@tarojs/components';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import QrCode from '../../../components/QrCode';
import LocalTools from '../../../components/LocalTools';
import { VenueCard } from '../../../components/VenueCard';
import { DROP_KIND_LABELS } from '../../../../shared/benefit/kinds';
import { DRAW_RESULT_LABELS, type ClaimStatus } from '../../../../shared/benefit/schemas';
import { elderClass } from '../../../utils/elderMode';
import '../benefit.css';

const STATUS_LABELS: Record<ClaimStatus, string> = { issued: '待核销', redeemed: '已核销', expired: '已过期' };

export default function MyBenefitsPage() {
  const { state, reload } = useRemote(api.benefit.myClaims);
  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={5} page='page' />;
  const { claims, registrations } = state.data;
  return (
    <View className={`page${elderClass()}`}>
      <View className='card'>
        <View className='section-title'>
          <Text>我的兑换码</Text>
        </View>
        {claims.length === 0 ? (
          <EmptyState
            title='还没有领到福利'
            hint='周五 10:00 开抢，或报名预约抽签'
            action={{ label: '去看看本周福利', to: { kind: 'tab', url: '/pages/benefits/index' } }}
          />
        ) : (
          claims.map((c) => (
            <View key={c.id} className='bf-claim' data-claim={c.id}>
              <View className='bf-row'>
                <Text className='bf-title'>{c.title}</Text>
                <Text className={`bf-badge ${c.status === 'issued' ? '' : 'bf-badge--muted'}`}>{STATUS_LABELS[c.status]}</Text>
              </View>
              <Text className='note'>
                {c.unionName} · {DROP_KIND_LABELS[c.kind]}
              </Text>
              <Text className='bf-code' data-code={c.code}>
                {c.code}
              </Text>
              {c.status === 'issued' ? (
                <View className='bf-qr'>
                  <QrCode text={c.code.replace(/-/g, '')} size={180} />
                </View>
              ) : null}
              <Text className='bf-explain'>{c.explain}</Text>
              {c.venue && c.status === 'issued' ? <VenueCard venue={c.venue} label='兑换地点' /> : null}
            </View>
          ))
        )}
      </View>
      {registrations.length ? (
        <View className='card'>
          <View className='section-title'>
            <Text>我的抽签报名</Text>
          </View>
          {registrations.map((r) => (
            <View key={r.dropId} className='bf-claim'>
              <View className='bf-row'>
                <Text className='bf-title'>{r.title}</Text>
                <Text
                  className={`bf-badge ${r.result === 'lost' || r.result === 'excluded' || r.result === 'cancelled' ? 'bf-badge--muted' : ''}`}
                >
                  {r.result ? DRAW_RESULT_LABELS[r.result] : '已报名'}
                </Text>
              </View>
              <Text className='bf-explain'>{r.explain}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='note' style={{ display: 'block', margin: '0 24px' }}>
        兑换码仅本人使用，请勿截图转发；核销后立即失效。
      </Text>
      <LocalTools />
    </View>
  );
}
