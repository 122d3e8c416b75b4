/**
 * One drop on the 福利 tab: what it is, the countdown (server time), the button in its real
 * state (未开始 / 抢 / 已抢完 / 已领取 / 报名 / 已报名 / 已中签 / 未中签 / 已撤回) and why,
 * 剩余 N 份 while a first-come drop is open, and where to redeem (兑换地点).
 */
import { Image, Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import Countdown from '../../components/Countdown';
import { DROP_KIND_LABELS, DROP_MODE_LABELS } from '../../../shared/benefit/kinds';
import { dropState, leftLabel } from '../../../shared/benefit/rules';
import type { DropCard } from '../../../shared/benefit/schemas';
import { MEMBER_TAG_LABELS } from '../../../shared/member/tags';
import { formatBusinessFriendly } from '../../../shared/time';
import { api } from '../../services/api';
import { VenueCard } from '../../components/VenueCard';

export interface DropItemProps {
  drop: DropCard;
  serverNow: number;
  serverOffset: number;
  busy: boolean;
  /** Seconds this tap has waited in line (the cloud is busy and services/ is retrying), else null. */
  queuedSeconds: number | null;
  onAction: (drop: DropCard, action: 'claim' | 'register') => void;
  onCountdownEnd: () => void;
  onMine: () => void;
  /** Not a member yet: an ineligible drop offers 去入会 instead of a dead button. */
  onJoin?: () => void;
}

export default function DropItem({
  drop,
  serverNow,
  serverOffset,
  busy,
  queuedSeconds,
  onAction,
  onCountdownEnd,
  onMine,
  onJoin,
}: DropItemProps) {
  const view = dropState(drop, serverNow);
  const countTo = drop.opensAt;
  const showCountdown = serverNow < countTo && view.state !== 'claimed' && view.state !== 'cancelled';
  const prefix = drop.mode === 'draw' ? '距抽签' : '距开抢';
  const enabled = view.action !== null && !busy;
  const left = leftLabel(drop, serverNow);
  return (
    <View className={`drop drop--${view.state}`} data-drop={drop.id} data-state={view.state}>
      <View className='drop__head'>
        {drop.picture ? (
          <Image className='drop__pic' src={api.files.imageSrc(drop.picture) ?? ''} mode='aspectFill' />
        ) : (
          <View className='drop__kind'>{DROP_KIND_LABELS[drop.kind]}</View>
        )}
        <View className='drop__info'>
          <Text className='drop__title'>{drop.title}</Text>
          <Text className='drop__meta'>
            {drop.unionName} · {DROP_MODE_LABELS[drop.mode]} · 共 {drop.stock} 份
            {drop.perMemberLimit > 1 ? ` · 每人限 ${drop.perMemberLimit} 份` : ''}
          </Text>
          {drop.requiredTags.length ? (
            <Text className='drop__meta'>仅限：{drop.requiredTags.map((t) => MEMBER_TAG_LABELS[t]).join('、')}</Text>
          ) : null}
          <Text className='drop__meta'>
            {drop.mode === 'draw' ? '抽签' : '开抢'}：{formatBusinessFriendly(drop.opensAt)}
          </Text>
          {left ? <Text className='drop__left'>{left}</Text> : null}
        </View>
      </View>
      {showCountdown ? (
        <View className='drop__countdown'>
          {process.env.TARO_ENV === 'weapp' ? (
            <countdown target={countTo} server-offset={serverOffset} prefix={prefix} onFinish={onCountdownEnd} />
          ) : (
            <Countdown target={countTo} serverOffset={serverOffset} prefix={prefix} onFinish={onCountdownEnd} />
          )}
        </View>
      ) : null}
      {drop.venue ? <VenueCard venue={drop.venue} label='兑换地点' /> : null}
      <View className='drop__foot'>
        <Text className='drop__explain'>
          {queuedSeconds !== null ? '参与的人较多，正在为您排队，结果出来会自动显示，请勿离开' : view.explain}
        </Text>
        {view.state === 'claimed' || view.state === 'won' ? (
          <Button className='drop__btn drop__btn--ghost' size='mini' onClick={onMine}>
            查看兑换码
          </Button>
        ) : onJoin && view.state === 'ineligible' ? (
          <Button className='drop__btn drop__join' size='mini' onClick={onJoin}>
            入会后参与
          </Button>
        ) : (
          <Button
            className={`drop__btn ${enabled ? '' : 'drop__btn--off'}`}
            size='mini'
            disabled={!enabled}
            loading={busy && queuedSeconds === null}
            onClick={() => view.action && onAction(drop, view.action)}
          >
            {queuedSeconds !== null ? `排队中 ${queuedSeconds} 秒` : view.label}
          </Button>
        )}
      </View>
    </View>
  );
}
