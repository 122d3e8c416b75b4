/**
 * A select of the unions in the admin's subtree (member.listUnions `within`, searchable by name
 * for big trees). "" means the admin's whole subtree.
 */
import { useEffect, useState } from 'react';
import type { UnionItem } from '../../../shared/member/schemas';
import { api } from '../api/api';
import { useMe } from './MeContext';

export function UnionPicker({ value, onChange, className }: { value: string; onChange: (id: string) => void; className?: string }) {
  const me = useMe();
  const root = me.unions[0]?.id;
  const [keyword, setKeyword] = useState('');
  const [unions, setUnions] = useState<UnionItem[]>([]);
  const [truncated, setTruncated] = useState(false);

  useEffect(() => {
    if (!root) return;
    let live = true;
    const timer = setTimeout(
      () =>
        void (async () => {
          const res = await api.member.listUnions({ within: root, ...(keyword.trim() ? { keyword: keyword.trim() } : {}) });
          if (!live || !res.ok) return;
          setUnions(res.data.unions);
          setTruncated(res.data.truncated);
        })(),
      250,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [root, keyword]);

  const base = unions.find((u) => u.id === root)?.ancestors.length ?? 1;
  return (
    <span className={`union-picker ${className ?? ''}`}>
      <input type='search' placeholder='搜索工会' value={keyword} onChange={(e) => setKeyword(e.target.value)} aria-label='搜索工会' />
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label='工会'>
        <option value=''>全部（{me.unions.map((u) => u.name).join('、')}）</option>
        {unions.map((u) => (
          <option key={u.id} value={u.id}>
            {'　'.repeat(Math.max(0, u.ancestors.length - base))}
            {u.name}
          </option>
        ))}
        {truncated ? <option disabled>…更多请输入名称搜索</option> : null}
      </select>
    </span>
  );
}
