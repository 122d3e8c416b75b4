/**
 * 福利 tab: this week's drops of the member's unions. The list (benefit.list) brings the server
 * time, each drop's facts and the member's own state, plus a claim pass; the page recomputes
 * every state on the server clock (shared/benefit/rules.ts) when a countdown ends, so 未开始
 * turns into 抢 at the opening second without asking the server. A tap on 抢 keeps its request
 * id until it gets a final answer, so a retry can never claim twice. At 10:00 the cloud may
 * answer BUSY (its quota) or not at all: services/ retries with the same request id, and the
 * button shows 排队中 with the seconds waited until 已领取 / 已抢完 arrives by itself; only
 * after RETRY_BUDGET_MS does the page say, in plain words, that the request is kept for a re-tap.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../services/api';
import { askSubscribe } from '../../services/notify';
import { useRetrySafeCalls } from '../../hooks/useRetrySafeSend';
import { useRemote } from '../../hooks/useRemote';
import { EmptyState } from '../../components/StateViews';
import { Button } from '../../components/Button';
import { RemoteGate } from '../../components/RemoteView';
import LocalTools from '../../components/LocalTools';
import type { DropCard, ListResult } from '../../../shared/benefit/schemas';
import type { Result } from '../../../shared/envelope';
import DropItem from './DropItem';
import { elderClass } from '../../utils/elderMode';
import './index.css';

interface Loaded extends ListResult {
  /** serverTime − clientTime when the list arrived. */
  serverOffset: number;
}

async function load(): Promise<Result<Loaded>> {
  const res = await api.benefit.list();
  if (!res.ok) return res;
  return { ok: true, data: { ...res.data, serverOffset: res.data.serverTime - Date.now() } };
}

const MINE_URL = '/packages/benefit/mine/index';
// The join page (packages/member/routes.ts; not imported: a tab page stays out of that subpackage).
const JOIN_URL = '/packages/member/join/index';
const openJoin = () => void Taro.navigateTo({ url: JOIN_URL });

/** A tap in progress: which drop, since when, and whether it is waiting in line (retrying). */
interface Pending {
  dropId: string;
  since: number;
  queued: boolean;
}

/** Final words when the retries ran out; the request id is kept, so a re-tap continues it. */
const GAVE_UP: Record<string, { title: string; content: string }> = {
  BUSY: { title: '参与的人太多', content: '已为您排队较长时间仍未排到。您的请求已保留，稍后再点一次即可继续（不会重复领取）。' },
  NETWORK: { title: '网络不给力', content: '手机网络连不上服务。请检查网络后再点一次（不会重复领取）。' },
  INTERNAL: { title: '服务暂时出了点问题', content: '这不是您的网络问题。请稍后再点一次（不会重复领取）。' },
};
const NOT_FINAL = Object.keys(GAVE_UP);

export default function BenefitsPage() {
  const { state, reload } = useRemote(load);
  const [patches, setPatches] = useState<Record<string, Partial<DropCard>>>({});
  const [busy, setBusy] = useState<Pending | null>(null);
  const [, setTick] = useState(0);
  const { run } = useRetrySafeCalls(NOT_FINAL); // one open request per drop
  const shown = useRef(false);
  const offset = useRef(0); // serverTime − clientTime of the last list
  if (state.status === 'ready') offset.current = state.data.serverOffset;

  useDidShow(() => {
    // Coming back from 我的福利 or another tab: refresh (the first show is the initial load).
    if (shown.current) reload();
    shown.current = true;
  });

  const patch = (id: string, p: Partial<DropCard>) => setPatches((prev) => ({ ...prev, [id]: { ...prev[id], ...p } }));

  // While a tap waits in line, the button's seconds count up.
  const queued = busy?.queued ?? false;
  useEffect(() => {
    if (!queued) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [queued]);

  const onAction = useCallback(
    async (drop: DropCard, action: 'claim' | 'register') => {
      const since = Date.now();
      const onWait = () => setBusy({ dropId: drop.id, since, queued: true });
      const res = await run(async (requestId): Promise<Result<unknown>> => {
        setBusy({ dropId: drop.id, since, queued: false });
        if (action === 'register') await askSubscribe(['benefit_result']);
        return action === 'claim'
          ? api.benefit.claim(drop.id, drop.pass, requestId, onWait)
          : api.benefit.register(drop.id, requestId, onWait);
      }, drop.id);
      setBusy(null);
      const gaveUp = !res.ok ? GAVE_UP[res.error.code] : undefined;
      if (gaveUp) {
        // No final answer (still busy, no network, or a server failure that may have happened
        // after the claim): the request id is kept, so the next tap continues this request.
        void Taro.showModal({ title: gaveUp.title, content: gaveUp.content, showCancel: false });
        return;
      }
      if (res.ok) {
        if (action === 'claim') {
          patch(drop.id, {
            mine: { ...drop.mine, claims: drop.mine.claims + 1 },
            left: drop.left === null ? null : Math.max(0, drop.left - 1),
          });
          void Taro.showModal({
            title: '抢到了',
            content: '兑换码已放入“我的福利”，凭码到指定地点核销。',
            confirmText: '去查看',
            cancelText: '知道了',
          }).then((r) => {
            if (r.confirm) void Taro.navigateTo({ url: MINE_URL });
          });
        } else {
          patch(drop.id, { mine: { ...drop.mine, registered: true } });
          void Taro.showToast({ title: '报名成功，开奖后通知您', icon: 'none' });
        }
        return;
      }
      const code = res.error.code;
      if (code === 'DROP_CANCELLED') {
        void Taro.showModal({ title: '福利已撤回', content: res.error.message, showCancel: false });
        reload(); // the card leaves the list (registrants see it as 已撤回)
        return;
      }
      // The phone's clock may be off: 已于 hh:mm:ss 领完 uses the server's clock, like the countdown.
      if (code === 'DROP_SOLD_OUT') patch(drop.id, { left: 0, soldOutAt: drop.soldOutAt ?? Date.now() + offset.current });
      if (code === 'DROP_LIMIT_REACHED') patch(drop.id, { mine: { ...drop.mine, claims: drop.perMemberLimit } });
      void Taro.showModal({ title: '未能领取', content: res.error.message, showCancel: false });
    },
    [reload, run],
  );

  const remind = async () => {
    const accepted = await askSubscribe(['benefit_result']);
    void Taro.showToast({ title: accepted.length ? '已订阅领取结果通知' : '未订阅，可在“消息”中查看结果', icon: 'none' });
  };

  return (
    <View className={`page benefits${elderClass()}`}>
      <View className='hero'>
        <Text className='hero__title'>周五福利</Text>
        <Text className='hero__sub'>每周五 10:00（北京时间）准时开抢；预约抽签的福利报名即可，无需守候</Text>
      </View>

      {state.status !== 'ready' ? (
        <View className='card'>
          <RemoteGate state={state} reload={reload} rows={4} bare />
        </View>
      ) : (
        <View>
          {state.data.joinFirst ? (
            <View className='card benefits__join'>
              <Text className='benefits__join-title'>入会后即可参与下面的福利</Text>
              <Text className='benefits__join-text'>网上入会约 3 分钟，工会审核通过后就能领福利、报名活动。</Text>
              <Button className='benefits__join-btn' onClick={openJoin}>
                去入会
              </Button>
            </View>
          ) : state.data.notice ? (
            <Text className='note benefits__notice'>{state.data.notice}</Text>
          ) : null}
          <View className='card'>
            <View className='section-title benefits__title'>
              <Text>本周福利</Text>
              <Text className='benefits__link' onClick={() => void Taro.navigateTo({ url: MINE_URL })}>
                我的福利 ›
              </Text>
            </View>
            {state.data.drops.length === 0 ? (
              <EmptyState
                title='本周暂无福利活动'
                hint='工会发布福利后会显示在这里；点右上角「订阅领取结果通知」或留意首页的工会通知'
                action={{ label: '福利怎么领', to: { kind: 'page', url: '/packages/help/faq/index?q=friday-claim' } }}
              />
            ) : (
              state.data.drops.map((d) => {
                const drop = { ...d, ...patches[d.id] } as DropCard;
                return (
                  <DropItem
                    key={d.id}
                    drop={drop}
                    serverNow={Date.now() + state.data.serverOffset}
                    serverOffset={state.data.serverOffset}
                    busy={busy?.dropId === d.id}
                    queuedSeconds={busy?.dropId === d.id && busy.queued ? Math.floor((Date.now() - busy.since) / 1000) : null}
                    onAction={(x, a) => void onAction(x, a)}
                    onCountdownEnd={() => setTick((n) => n + 1)}
                    onMine={() => void Taro.navigateTo({ url: MINE_URL })}
                    onJoin={state.data.joinFirst ? openJoin : undefined}
                  />
                );
              })
            )}
            <Text className='note benefits__note'>倒计时以服务器时间为准，不受手机时间影响。</Text>
            <Text className='benefits__link benefits__remind' onClick={() => void remind()}>
              订阅领取结果通知
            </Text>
          </View>
        </View>
      )}
      <LocalTools />
    </View>
  );
}
