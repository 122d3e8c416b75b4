/**
 * 账号与隐私 (我的 → 账号与隐私): the user's own 用户编号 (UserNumber.tsx), the privacy guide, how
 * to withdraw consent, and 注销账号:
 * preview (what is deleted, what the union keeps without the member's identity, what blocks it)
 * → type 「注销」 → done. Rules: docs/membership.md 「注销账号」. The server decides everything
 * again; this page only shows its answers. A deletion that answers 「进行中」 (a large account)
 * is continued by calling again, a few times, then left to the server's timer.
 */
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../services/api';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import LocalTools from '../../../components/LocalTools';
import UserNumber from './UserNumber';
import { DELETE_CONFIRM_WORD, type DeletionPreview } from '../../../../shared/member/deletion';
import type { AppError } from '../../../../shared/envelope';
import { elderClass } from '../../../utils/elderMode';
import '../member.css';
import './account.css';

type Stage =
  | { kind: 'home' }
  | { kind: 'loading' }
  | { kind: 'error'; error: AppError }
  | { kind: 'preview'; preview: DeletionPreview }
  | { kind: 'confirm'; preview: DeletionPreview }
  | { kind: 'done' };

/** Calls made while the server answers 「进行中」 before handing over to its timer. */
const MAX_ROUNDS = 8;
const ROUND_PAUSE_MS = 1500;

function Lines({ items, tone }: { items: string[]; tone?: 'block' | 'keep' }) {
  return (
    <View className='macct__list'>
      {items.map((line) => (
        <Text key={line} className={`macct__item ${tone ? `macct__item--${tone}` : ''}`}>
          {line}
        </Text>
      ))}
    </View>
  );
}

export default function AccountPage() {
  const [stage, setStage] = useState<Stage>({ kind: 'home' });
  const [typed, setTyped] = useState('');
  const [working, setWorking] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [stillRunning, setStillRunning] = useState(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const loadPreview = async () => {
    setStage({ kind: 'loading' });
    const res = await api.member.deletionPreview();
    setStage(res.ok ? { kind: 'preview', preview: res.data } : { kind: 'error', error: res.error });
  };

  /** Send the confirmation; keep calling while the server answers 「进行中」. */
  const runDeletion = async (confirm: string) => {
    setWorking(true);
    setSendError(null);
    setStillRunning(false);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const res = await api.member.deleteAccount({ confirm });
      if (!alive.current) return;
      if (!res.ok) {
        setWorking(false);
        setSendError(res.error.message);
        return;
      }
      if (res.data.status === 'done') {
        setWorking(false);
        setStage({ kind: 'done' });
        return;
      }
      await new Promise((r) => setTimeout(r, ROUND_PAUSE_MS));
      if (!alive.current) return;
    }
    setWorking(false);
    setStillRunning(true);
  };

  if (stage.kind === 'done') {
    return (
      <View className={`page member-account${elderClass()}`}>
        <View className='card'>
          <View className='macct__done'>
            <Text className='mstatus__badge mstatus__badge--approved'>账号已注销</Text>
            <Text className='mstatus__lead'>您的个人信息已按说明删除，保留的记录已不再关联您的账号。</Text>
          </View>
          <Text className='macct__p'>
            再次打开小程序时，您将以未登记的新用户身份使用。如您是工会会员，会员身份仍在所属工会的会员名册中，可凭姓名和身份证号重新认领会员卡。
          </Text>
          <View className='mactions'>
            <Button className='mbtn' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
              返回首页
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className={`page member-account${elderClass()}`}>
      {stage.kind === 'home' ? (
        <>
          <UserNumber />
          <View className='card'>
            <View className='section-title'>
              <Text>隐私</Text>
            </View>
            <View className='link-row' onClick={() => void Taro.navigateTo({ url: '/pages/privacy/index' })}>
              <Text>用户隐私保护指引</Text>
              <Text className='link-row__arrow'>›</Text>
            </View>
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>撤回同意</Text>
            </View>
            <Text className='macct__p'>
              孩子信息：在「我的暑托班 → 孩子信息」中删除孩子，即撤回对该孩子信息的单独同意（孩子有名额时需先取消）。
            </Text>
            <Text className='macct__p'>
              订阅消息：每次同意只发送一条；不想再收到时，在小程序右上角「···」→「设置」→「订阅消息」中关闭。
            </Text>
            <Text className='macct__p'>
              全部撤回：注销账号。注销后我们按下方说明删除您的个人信息，法律法规或结算需要保留的记录将不再关联您的账号。
            </Text>
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>注销账号</Text>
            </View>
            <Text className='macct__p'>注销前会先列出将删除和将保留的内容，以及需要先处理的事项；确认后无法恢复。</Text>
            <Button className='mbtn mbtn--ghost' onClick={() => void loadPreview()}>
              注销账号
            </Button>
          </View>
        </>
      ) : stage.kind === 'loading' ? (
        <View className='card'>
          <Skeleton rows={6} />
        </View>
      ) : stage.kind === 'error' ? (
        <View className='card'>
          <ErrorState message={stage.error.message} onRetry={() => void loadPreview()} />
        </View>
      ) : stage.preview.status === 'in_progress' ? (
        <View className='card'>
          <View className='section-title'>
            <Text>注销正在进行</Text>
          </View>
          <Text className='macct__p'>您已确认注销，部分内容尚未删除完毕。可点击继续完成；不处理的话系统也会在几分钟内自动完成。</Text>
          {sendError ? <Text className='mserver-error'>{sendError}</Text> : null}
          {stillRunning ? (
            <Text className='macct__warn'>注销仍在进行，系统会在几分钟内自动完成；您也可以稍后再点「继续注销」。</Text>
          ) : null}
          {/* Confirmed when the job started: the server continues it without a second guard check. */}
          <Button className={`mbtn`} disabled={working || undefined} onClick={() => void runDeletion(DELETE_CONFIRM_WORD)}>
            {working ? '正在注销…' : '继续注销'}
          </Button>
        </View>
      ) : stage.preview.status === 'blocked' ? (
        <View className='card'>
          <View className='section-title'>
            <Text>暂时不能注销</Text>
          </View>
          <Text className='macct__p'>以下事项需要先处理，处理完成后再来注销：</Text>
          <Lines items={stage.preview.blockers} tone='block' />
          <Button className='mbtn mbtn--ghost' onClick={() => setStage({ kind: 'home' })}>
            返回
          </Button>
        </View>
      ) : (
        <>
          <View className='card'>
            <View className='section-title'>
              <Text>将删除</Text>
            </View>
            <Lines items={stage.preview.willDelete} />
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>将保留</Text>
            </View>
            {stage.preview.membership ? <Text className='macct__warn'>{stage.preview.membership}</Text> : null}
            {stage.preview.willKeep.length > 0 ? <Lines items={stage.preview.willKeep} tone='keep' /> : null}
            {!stage.preview.membership && stage.preview.willKeep.length === 0 ? (
              <Text className='macct__p'>没有需要保留的记录。</Text>
            ) : null}
          </View>
          <View className='card'>
            {stage.kind === 'preview' ? (
              <>
                <Text className='macct__p'>注销后无法恢复：站内消息、报名和领取记录将无法查看，未核销的兑换码将作废。</Text>
                <Button className='mbtn' onClick={() => setStage({ kind: 'confirm', preview: stage.preview })}>
                  下一步
                </Button>
                <Button className='mbtn mbtn--ghost' onClick={() => setStage({ kind: 'home' })}>
                  暂不注销
                </Button>
              </>
            ) : (
              <>
                <View className='mform__field'>
                  <Text className='mform__label'>{`请输入「${DELETE_CONFIRM_WORD}」确认`}</Text>
                  <Input
                    className='mform__input'
                    placeholder={DELETE_CONFIRM_WORD}
                    maxlength={10}
                    value={typed}
                    onInput={(e) => setTyped(e.detail.value)}
                  />
                </View>
                {sendError ? <Text className='mserver-error'>{sendError}</Text> : null}
                {stillRunning ? (
                  <Text className='macct__warn'>注销仍在进行，系统会在几分钟内自动完成；您也可以稍后回到本页点击「继续注销」。</Text>
                ) : null}
                <Button
                  className={`mbtn`}
                  disabled={typed.trim() !== DELETE_CONFIRM_WORD || working || undefined}
                  onClick={() => void runDeletion(typed.trim())}
                >
                  {working ? '正在注销…' : '确认注销'}
                </Button>
                <Button className='mbtn mbtn--ghost' onClick={() => setStage({ kind: 'home' })}>
                  暂不注销
                </Button>
              </>
            )}
          </View>
        </>
      )}
      <LocalTools />
    </View>
  );
}
