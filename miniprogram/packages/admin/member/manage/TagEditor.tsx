/**
 * 修改标签: chips for every member tag (一线职工, 劳动模范, 高危岗位 …); 保存 shows what changes
 * and asks for a second tap (ConfirmSend, retry-safe). The server's answer (its tags) is what
 * the page shows afterwards.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/Button';
import { useState } from 'react';
import { api } from '../../../../services/api';
import type { AdminMemberDetail, AdminMemberView } from '../../../../../shared/member/schemas';
import { MEMBER_TAG_LABELS, MEMBER_TAGS, normalizeTags, type MemberTag } from '../../../../../shared/member/tags';
import ConfirmSend from './ConfirmSend';

type Mode = 'view' | 'edit' | 'confirm';

const names = (tags: readonly MemberTag[]) => (tags.length ? tags.map((t) => MEMBER_TAG_LABELS[t]).join('、') : '无');

interface Props {
  member: AdminMemberView;
  /** The member's current tags; null while the history (which brings them) loads. */
  tags: MemberTag[] | null;
  disabled: boolean;
  onSaved: (member: AdminMemberDetail) => void;
}

export default function TagEditor({ member, tags, disabled, onSaved }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [picked, setPicked] = useState<MemberTag[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const current = tags ?? [];
  const added = picked.filter((t) => !current.includes(t));
  const removed = current.filter((t) => !picked.includes(t));

  const toggle = (tag: MemberTag) => {
    setProblem(null);
    setPicked((list) => normalizeTags(list.includes(tag) ? list.filter((t) => t !== tag) : [...list, tag]));
  };

  const start = () => {
    setPicked(current);
    setDone(null);
    setProblem(null);
    setMode('edit');
  };

  const next = () => {
    if (added.length === 0 && removed.length === 0) {
      setProblem('标签没有变化');
      return;
    }
    setMode('confirm');
  };

  return (
    <View className='mg-block mg-tags'>
      <View className='mg-row'>
        <Text className='mg-row__k'>职工标签</Text>
        <Text className='mg-row__v manage-tags-current'>{tags === null ? '加载中…' : names(current)}</Text>
      </View>
      {mode === 'view' ? (
        <>
          {done ? <Text className='am-done manage-tags-done'>{done}</Text> : null}
          {!disabled && tags !== null ? (
            <View className='am-actions'>
              <Button className='am-btn am-btn--ghost manage-edit-tags' onClick={start}>
                修改标签
              </Button>
            </View>
          ) : null}
        </>
      ) : (
        <>
          <View className='mg-chips'>
            {MEMBER_TAGS.map((tag) => (
              <Text
                key={tag}
                className={`mg-chip manage-tag-chip ${picked.includes(tag) ? 'mg-chip--on' : ''}`}
                onClick={() => mode === 'edit' && toggle(tag)}
              >
                {MEMBER_TAG_LABELS[tag]}
              </Text>
            ))}
          </View>
          <Text className='note'>标签决定福利的参与条件和疗休养的优先顺序，请按单位认定的情况修改；会员会收到通知。</Text>
          {mode === 'edit' ? (
            <>
              {problem ? <Text className='am-error'>{problem}</Text> : null}
              <View className='am-actions'>
                <Button className='am-btn am-btn--plain' onClick={() => setMode('view')}>
                  取消
                </Button>
                <Button className='am-btn manage-save-tags' onClick={next}>
                  保存
                </Button>
              </View>
            </>
          ) : (
            <ConfirmSend
              summary={[added.length ? `增加：${names(added)}` : '', removed.length ? `去掉：${names(removed)}` : '']
                .filter(Boolean)
                .join('；')}
              confirmLabel='确认保存'
              busyLabel='正在保存…'
              confirmClass='manage-confirm-tags'
              call={(requestId) => api.member.adminUpdateMember({ cardNo: member.cardNo, tags: picked }, { requestId })}
              onDone={(data) => {
                setMode('view');
                setDone(data.changed ? '标签已更新，会员将在「消息」中收到通知' : '标签未变化（可能已由其他管理员修改）');
                onSaved(data.member);
              }}
              onBack={() => setMode('edit')}
            />
          )}
        </>
      )}
    </View>
  );
}
