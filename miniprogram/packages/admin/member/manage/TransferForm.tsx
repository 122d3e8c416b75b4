/**
 * 转会 (组织关系转接): search the target union by name among the unions of the admin's subtree
 * that hold members (基层工会 or 街道（乡镇）总工会, MEMBER_UNION_LEVELS — the server checks the
 * same rules), write a note the member will read, then confirm with a second tap (ConfirmSend,
 * retry-safe). The admin's unions come from `profile`, loaded when the form opens.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { useUnions } from '../../../../hooks/useUnions';
import { api } from '../../../../services/api';
import {
  UPDATE_NOTE_MAX,
  UPDATE_NOTE_MIN,
  type AdminMemberDetail,
  type AdminMemberView,
  type UnionItem,
} from '../../../../../shared/member/schemas';
import { isInScope, MEMBER_UNION_LEVELS, UNION_KIND_LABELS, UNION_LEVEL_LABELS } from '../../../../../shared/union/tree';
import ConfirmSend from './ConfirmSend';

type Mode = 'idle' | 'pick' | 'confirm';
type Scope = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; unionIds: string[] };

const SHOWN = 8;

interface Props {
  member: AdminMemberView;
  disabled: boolean;
  onMoved: (member: AdminMemberDetail) => void;
}

export default function TransferForm({ member, disabled, onMoved }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [scope, setScope] = useState<Scope>({ status: 'idle' });
  const [keyword, setKeyword] = useState('');
  const [target, setTarget] = useState<UnionItem | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const trimmed = keyword.trim().slice(0, 30);
  const adminIds = scope.status === 'ready' ? scope.unionIds : [];
  // The server answers at most LIST_UNIONS_MAX unions: search within the admin's union when there is one.
  const [unions, retryUnions] = useUnions(
    mode === 'pick' && !target && trimmed && scope.status === 'ready'
      ? { keyword: trimmed, ...(adminIds.length === 1 ? { within: adminIds[0] } : {}) }
      : null,
    300,
  );
  const candidates =
    unions.status === 'ready'
      ? unions.unions.filter((u) => u.id !== member.union.id && MEMBER_UNION_LEVELS.includes(u.level) && isInScope(adminIds, u.ancestors))
      : [];

  const loadScope = () => {
    setScope({ status: 'loading' });
    void api.member.profile().then((res) => {
      setScope(
        res.ok ? { status: 'ready', unionIds: res.data.adminUnions.map((u) => u.id) } : { status: 'error', message: res.error.message },
      );
    });
  };

  const open = () => {
    setMode('pick');
    setDone(null);
    setProblem(null);
    if (scope.status !== 'ready') loadScope();
  };

  const close = () => {
    setMode('idle');
    setTarget(null);
    setKeyword('');
    setNote('');
    setProblem(null);
  };

  const next = () => {
    if (!target) {
      setProblem('请选择转入的工会');
      return;
    }
    const length = Array.from(note.trim()).length;
    if (length < UPDATE_NOTE_MIN) {
      setProblem(`请填写转会说明（${UPDATE_NOTE_MIN}–${UPDATE_NOTE_MAX} 个字），会员将看到这条说明`);
      return;
    }
    setProblem(null);
    setMode('confirm');
  };

  if (mode === 'idle') {
    return (
      <View className='mg-block mg-transfer'>
        {done ? <Text className='am-done manage-transfer-done'>{done}</Text> : null}
        {!disabled ? (
          <View className='am-actions'>
            <Button className='am-btn am-btn--ghost manage-transfer' onClick={open}>
              转会（组织关系转接）
            </Button>
          </View>
        ) : null}
      </View>
    );
  }

  return (
    <View className='mg-block mg-transfer'>
      <View className='mg-row'>
        <Text className='mg-row__k'>转出工会</Text>
        <Text className='mg-row__v'>{member.union.name}</Text>
      </View>
      <Text className='mg-label'>转入工会</Text>
      {target ? (
        <View className='mg-picked manage-transfer-picked'>
          <Text>{target.name}</Text>
          {mode === 'pick' ? (
            <Text className='mg-picked__change' onClick={() => setTarget(null)}>
              更换
            </Text>
          ) : null}
        </View>
      ) : (
        <View>
          <Input
            className='am-input manage-transfer-search'
            placeholder='输入工会名称搜索'
            maxlength={30}
            value={keyword}
            onInput={(e) => setKeyword(e.detail.value)}
          />
          {scope.status === 'loading' || (trimmed && unions.status === 'loading') ? <Text className='mg-hint'>正在加载…</Text> : null}
          {scope.status === 'error' ? (
            <Text className='am-error' onClick={loadScope}>
              {`${scope.message}（点此重试）`}
            </Text>
          ) : null}
          {unions.status === 'error' ? (
            <Text className='am-error' onClick={retryUnions}>
              {`${unions.message}（点此重试）`}
            </Text>
          ) : null}
          {!trimmed ? (
            <Text className='mg-hint'>只能转入您管理范围内的基层工会或街道（乡镇）总工会；跨区（县）转会请由共同的上级工会办理。</Text>
          ) : null}
          {trimmed && unions.status === 'ready' && scope.status === 'ready' && candidates.length === 0 ? (
            <Text className='mg-hint'>您管理的范围内没有找到可转入的工会，请换个关键词</Text>
          ) : null}
          {scope.status === 'ready'
            ? candidates.slice(0, SHOWN).map((u) => (
                <View key={u.id} className='mg-option manage-union-option' onClick={() => setTarget(u)}>
                  <Text>{u.name}</Text>
                  <Text className='mg-option__meta'>{u.kind ? UNION_KIND_LABELS[u.kind] : UNION_LEVEL_LABELS[u.level]}</Text>
                </View>
              ))
            : null}
          {candidates.length > SHOWN ? <Text className='mg-hint'>{`共 ${candidates.length} 个结果，请输入更准确的名称`}</Text> : null}
        </View>
      )}
      <Textarea
        className='am-textarea manage-transfer-note'
        placeholder='转会说明（会员可见），如：调入新单位工作'
        maxlength={UPDATE_NOTE_MAX}
        disabled={mode === 'confirm'}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      {mode === 'pick' ? (
        <>
          {problem ? <Text className='am-error'>{problem}</Text> : null}
          <View className='am-actions'>
            <Button className='am-btn am-btn--plain' onClick={close}>
              取消
            </Button>
            <Button className='am-btn manage-transfer-next' onClick={next}>
              下一步
            </Button>
          </View>
        </>
      ) : target ? (
        <ConfirmSend
          summary={`将 ${member.nameMasked}（${member.cardNo}）的会员关系从「${member.union.name}」转至「${target.name}」。会员卡号不变，会员会收到通知。`}
          confirmLabel='确认转会'
          busyLabel='正在办理…'
          confirmClass='manage-confirm-transfer'
          call={(requestId) =>
            api.member.adminUpdateMember(
              { cardNo: member.cardNo, unionId: target.id, note: note.trim().slice(0, UPDATE_NOTE_MAX) },
              { requestId },
            )
          }
          onDone={(data) => {
            close();
            setDone(
              data.changed ? `已转至${data.member.union.name}，会员将在「消息」中收到通知` : '该会员已在所选工会（可能已由其他管理员办理）',
            );
            onMoved(data.member);
          }}
          onBack={() => setMode('pick')}
        />
      ) : null}
    </View>
  );
}
