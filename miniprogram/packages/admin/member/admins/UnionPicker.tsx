/**
 * The union whose admins the page shows: the admin's own unions as chips, or any union of their
 * subtree found by name (member.listUnions through useUnions, filtered by scope as TransferForm
 * does — the server checks the same rule).
 */
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useUnions } from '../../../../hooks/useUnions';
import type { UnionRef } from '../../../../../shared/member/schemas';
import { isInScope, UNION_KIND_LABELS, UNION_LEVEL_LABELS } from '../../../../../shared/union/tree';

/** A union the page may show, with its chain (root → self) to re-check the scope later. */
export interface PickedUnion {
  union: UnionRef;
  ancestors: string[];
}

const SHOWN = 8;

interface Props {
  adminUnions: UnionRef[];
  value: UnionRef;
  onPick: (picked: PickedUnion) => void;
}

export default function UnionPicker({ adminUnions, value, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [keyword, setKeyword] = useState('');
  const trimmed = keyword.trim().slice(0, 30);
  const adminIds = adminUnions.map((u) => u.id);
  // The server answers at most LIST_UNIONS_MAX unions: search within the admin's union when there is one.
  const [unions, retry] = useUnions(
    open && trimmed ? { keyword: trimmed, ...(adminIds.length === 1 ? { within: adminIds[0] } : {}) } : null,
    300,
  );
  const candidates = unions.status === 'ready' ? unions.unions.filter((u) => isInScope(adminIds, u.ancestors)) : [];

  const pick = (picked: PickedUnion) => {
    setOpen(false);
    setKeyword('');
    onPick(picked);
  };

  if (!open) {
    return (
      <View className='ad-union admins-union'>
        <Text>{value.name}</Text>
        <Text className='ad-union__change admins-change-union' onClick={() => setOpen(true)}>
          更换
        </Text>
      </View>
    );
  }

  return (
    <View>
      <Text className='mg-label'>我管理的工会</Text>
      <View className='mg-chips'>
        {adminUnions.map((u) => (
          <Text key={u.id} className='mg-chip admins-own-union' onClick={() => pick({ union: u, ancestors: [u.id] })}>
            {u.name}
          </Text>
        ))}
      </View>
      <Text className='mg-label'>下级工会</Text>
      <Input
        className='am-input admins-union-search'
        placeholder='输入工会名称搜索'
        maxlength={30}
        value={keyword}
        onInput={(e) => setKeyword(e.detail.value)}
      />
      {trimmed && unions.status === 'loading' ? <Text className='mg-hint'>正在加载…</Text> : null}
      {unions.status === 'error' ? (
        <Text className='am-error' onClick={retry}>
          {`${unions.message}（点此重试）`}
        </Text>
      ) : null}
      {!trimmed ? <Text className='mg-hint'>只能选择您管理的工会及其下级工会。</Text> : null}
      {trimmed && unions.status === 'ready' && candidates.length === 0 ? (
        <Text className='mg-hint'>您管理的范围内没有找到该工会，请换个关键词</Text>
      ) : null}
      {candidates.slice(0, SHOWN).map((u) => (
        <View
          key={u.id}
          className='mg-option admins-union-option'
          onClick={() => pick({ union: { id: u.id, name: u.name, level: u.level }, ancestors: u.ancestors })}
        >
          <Text>{u.name}</Text>
          <Text className='mg-option__meta'>{u.kind ? UNION_KIND_LABELS[u.kind] : UNION_LEVEL_LABELS[u.level]}</Text>
        </View>
      ))}
      {candidates.length > SHOWN ? <Text className='mg-hint'>{`共 ${candidates.length} 个结果，请输入更准确的名称`}</Text> : null}
      <Text className='am-more' onClick={() => setOpen(false)}>
        取消
      </Text>
    </View>
  );
}
