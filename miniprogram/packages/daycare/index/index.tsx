/**
 * 免费暑托班: the campaigns open to the member's union chain — sites (文艺/科技), periods ×
 * grade bands with capacity and demand, the window, how places are allocated and (lottery)
 * the seed commitment published before the close and the seed after it.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { VerifyDetails } from '../../../components/VerifyDetails';
import { RemoteGate } from '../../../components/RemoteView';
import { VenueCard } from '../../../components/VenueCard';
import { ok, type Result } from '../../../../shared/envelope';
import type { CampaignView, ChildView, OverviewResult } from '../../../../shared/daycare/views';
import { DAYCARE_PAGES, PHASE_LABELS, windowText } from '../labels';
import SlotRow from './SlotRow';
import { elderClass } from '../../../utils/elderMode';
import '../daycare.css';

async function load(): Promise<Result<{ overview: OverviewResult; kids: ChildView[] }>> {
  const [overview, kids] = await Promise.all([api.daycare.overview(), api.daycare.myChildren()]);
  if (!overview.ok) return overview;
  return ok({ overview: overview.data, kids: kids.ok ? kids.data.children : [] });
}

function Campaign({ c, kids, member }: { c: CampaignView; kids: ChildView[]; member: boolean }) {
  const open = c.phase === 'open' && member;
  return (
    <View className='card dc-campaign'>
      <View className='dc-campaign__head'>
        <Text className='dc-campaign__title'>{c.title}</Text>
        <Text className={`dc-badge ${c.phase === 'open' ? 'dc-badge--open' : ''}`}>{PHASE_LABELS[c.phase]}</Text>
      </View>
      <Text className='dc-meta'>
        主办：{c.unionName} · {c.modeLabel} · 每个孩子限报 {c.periodLimit} 期
      </Text>
      <Text className='dc-meta'>{windowText(c.opensAt, c.closesAt)}</Text>
      {c.mode === 'lottery' ? (
        <>
          <Text className='dc-meta'>
            名额不足时按优先档次（小微企业双职工、单亲、困难职工家庭优先）在档内随机排序，公开摇号，结果任何人都能核对。
          </Text>
          <VerifyDetails
            explain='摇号用一串随机“种子”决定顺序。报名截止前先公布这串种子的“指纹”（承诺），截止后再公布种子本身：谁都能核对种子与指纹相符，并用它重新算出同样的录取名单，工会无法在报名后更改结果。'
            items={[
              ...(c.seedCommitment ? [{ label: '种子指纹（SHA-256 承诺）', value: c.seedCommitment }] : []),
              ...(c.seed ? [{ label: '已公布的种子', value: c.seed }] : []),
            ]}
          />
        </>
      ) : null}
      {c.sites.map((site) => (
        <View key={site.id} className='dc-site'>
          <Text className='dc-site__name'>{site.name}</Text>
          <Text className='dc-kind'>{site.kindLabel}</Text>
          <Text className='dc-meta'>联系人：{site.contactName}</Text>
          <VenueCard venue={{ name: site.name, address: site.address, hours: null, location: site.location, phone: site.contactPhone }} />
          {site.slots.map((slot) => (
            <SlotRow key={slot.id} slot={slot} mode={c.mode} open={open} kids={kids} />
          ))}
        </View>
      ))}
    </View>
  );
}

export default function DaycareHome() {
  const { state, reload } = useRemote(load);
  return (
    <View className={`page daycare-home${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>免费暑托班</Text>
        <Text className='hero__sub'>线上报名，不用排队：名额不足时按优先档次摇号，结果和原因一目了然</Text>
      </View>
      <View className='dc-links'>
        <View className='dc-link' onClick={() => void Taro.navigateTo({ url: DAYCARE_PAGES.children })}>
          <Text className='dc-link__title'>我的孩子</Text>
          <Text className='dc-link__sub'>{state.status === 'ready' ? `已登记 ${state.data.kids.length} 个` : '登记孩子信息'}</Text>
        </View>
        <View className='dc-link' onClick={() => void Taro.navigateTo({ url: DAYCARE_PAGES.mine })}>
          <Text className='dc-link__title'>我的报名</Text>
          <Text className='dc-link__sub'>录取、候补与原因</Text>
        </View>
      </View>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={5} />
      ) : state.data.overview.campaigns.length === 0 ? (
        <EmptyState
          title='暂无开放的暑托班'
          hint='所在工会发布后会在这里显示，也可以咨询所在工会。'
          action={{ label: '联系工会', to: { kind: 'page', url: '/packages/help/contact/index' } }}
        />
      ) : (
        <View>
          {!state.data.overview.memberVerified ? (
            <Text className='dc-warn'>暑托班面向已认证的工会会员家庭，请先完成入会认证后报名。</Text>
          ) : null}
          {state.data.overview.campaigns.map((c) => (
            <Campaign key={c.id} c={c} kids={state.data.kids} member={state.data.overview.memberVerified} />
          ))}
        </View>
      )}
    </View>
  );
}
