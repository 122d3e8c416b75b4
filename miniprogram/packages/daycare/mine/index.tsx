/**
 * 我的报名: each registration's place — 已报名 / 已录取 / 候补第 N 位 / 递补待确认 / 未录取 — and
 * why (tier, lottery rank, capacity, deadlines, attendance), with accept / cancel.
 */
import { VerifyDetails } from '../../../components/VerifyDetails';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { EmptyState } from '../../../components/StateViews';
import { RemoteGate } from '../../../components/RemoteView';
import type { RegistrationView } from '../../../../shared/daycare/views';
import { formatBusinessFriendly } from '../../../../shared/time';
import { DAYCARE_PAGES, pct } from '../labels';
import { elderClass } from '../../../utils/elderMode';
import '../daycare.css';

const CANCEL_TEXT: Partial<Record<RegistrationView['status'], string>> = {
  registered: '撤回报名',
  waitlisted: '退出候补',
  offered: '放弃递补',
  admitted: '取消录取',
};

function Registration({ r, onChanged }: { r: RegistrationView; onChanged: () => void }) {
  const act = async (kind: 'accept' | 'cancel') => {
    if (kind === 'cancel') {
      const sure = await Taro.showModal({ title: CANCEL_TEXT[r.status] ?? '取消', content: '确定吗？释放的名额将给下一位候补家庭。' });
      if (!sure.confirm) return;
    }
    const res = kind === 'accept' ? await api.daycare.acceptOffer(r.id) : await api.daycare.cancel(r.id);
    void Taro.showToast({ title: res.ok ? res.data.registration.statusText : res.error.message, icon: 'none' });
    onChanged();
  };
  return (
    <View className={`card registration registration--${r.status}`}>
      <View className='dc-campaign__head'>
        <Text className={`dc-reg__status dc-reg__status--${r.status}`}>{r.statusText}</Text>
        <Text className='dc-badge'>{r.childNameMasked}</Text>
      </View>
      <Text className='dc-meta'>
        {r.siteName} · {r.slotLabel}
      </Text>
      <Text className='dc-meta'>{r.campaignTitle}</Text>
      <Text className='dc-reason registration__reason'>{r.reason}</Text>
      {r.status === 'offered' && r.offerExpiresAt ? (
        <Text className='dc-warn'>请在 {formatBusinessFriendly(r.offerExpiresAt)} 前确认</Text>
      ) : null}
      {r.attendance ? (
        <Text className='dc-meta'>
          出勤 {r.attendance.present}/{r.attendance.marked} 天（{pct(r.attendance.rate)}）
        </Text>
      ) : null}
      <VerifyDetails
        explain='摇号结束后工会公布全部报名编号和排序，您可以用下面的编号在公布的摇号记录中找到自己的位置。'
        items={[{ label: '报名编号', value: r.id }]}
      />
      <View style={{ display: 'flex', justifyContent: 'flex-end', marginTop: '12px' }}>
        {r.status === 'offered' ? (
          <Button className='dc-btn accept-offer' onClick={() => void act('accept')}>
            确认递补
          </Button>
        ) : null}
        {CANCEL_TEXT[r.status] ? (
          <Button className='dc-btn dc-btn--plain cancel-registration' onClick={() => void act('cancel')}>
            {CANCEL_TEXT[r.status]}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default function MyDaycarePage() {
  const { state, reload } = useRemote(api.daycare.myRegistrations);
  return (
    <View className={`page daycare-mine${elderClass()}`}>
      {state.status !== 'ready' ? (
        <RemoteGate state={state} reload={reload} rows={4} />
      ) : state.data.registrations.length === 0 ? (
        <View>
          <EmptyState
            title='还没有暑托班报名'
            hint='在暑托班页面选择班期为孩子报名。'
            action={{ label: '去看看暑托班', to: { kind: 'page', url: '/packages/daycare/index/index' } }}
          />
          <Button className='dc-btn dc-btn--wide' onClick={() => void Taro.navigateTo({ url: DAYCARE_PAGES.home })}>
            去报名
          </Button>
        </View>
      ) : (
        <View>
          <Button className='dc-btn dc-btn--plain dc-btn--wide refresh-registrations' onClick={reload}>
            刷新结果
          </Button>
          <View style={{ height: '24px' }} />
          {state.data.registrations.map((r) => (
            <Registration key={r.id} r={r} onChanged={reload} />
          ))}
        </View>
      )}
    </View>
  );
}
