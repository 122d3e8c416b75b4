/**
 * Where the application goes (routing is explicit, docs/membership.md): the applicant either
 * picks their employer's grassroots union from a searchable list, or says 「我的单位没有工会」
 * and picks the district → street where the employer is located.
 */
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useUnions, type UnionsLoad } from '../../../hooks/useUnions';
import { UNION_KIND_LABELS } from '../../../../shared/union/tree';
import type { Routing, UnionItem } from '../../../../shared/member/schemas';

export interface UnionChoice {
  routing: Routing;
  union: UnionItem | null;
}

type Load = UnionsLoad;

function LoadNote({ state, empty, onRetry }: { state: Load; empty: string; onRetry: () => void }) {
  if (state.status === 'loading') return <Text className='mform__hint'>正在加载…</Text>;
  if (state.status === 'error') {
    return (
      <Text className='mform__error' onClick={onRetry}>
        {`${state.message}（点此重试）`}
      </Text>
    );
  }
  if (state.status === 'ready' && state.unions.length === 0) return <Text className='mform__hint'>{empty}</Text>;
  return null;
}

const SHOWN = 8;

function GrassrootsSearch({ value, onPick }: { value: UnionItem | null; onPick: (u: UnionItem | null) => void }) {
  const [keyword, setKeyword] = useState('');
  const trimmed = keyword.trim().slice(0, 30);
  const [state, retry] = useUnions(value ? null : { level: 'grassroots', ...(trimmed ? { keyword: trimmed } : {}) }, trimmed ? 300 : 0);

  if (value) {
    return (
      <View className='mpicked'>
        <Text>{value.name}</Text>
        <Text className='mpicked__change' onClick={() => onPick(null)}>
          更换
        </Text>
      </View>
    );
  }
  const unions = state.status === 'ready' ? state.unions : [];
  return (
    <View>
      <Input className='mform__input' placeholder='输入单位或工会名称搜索' value={keyword} onInput={(e) => setKeyword(e.detail.value)} />
      <LoadNote state={state} empty='没有找到匹配的工会，可换个关键词，或选择「我的单位没有工会」' onRetry={retry} />
      {unions.slice(0, SHOWN).map((u) => (
        <View key={u.id} className='mlist__item union-option' onClick={() => onPick(u)}>
          <Text>{u.name}</Text>
          <Text className='mlist__meta'>{u.kind ? UNION_KIND_LABELS[u.kind] : '基层工会'}</Text>
        </View>
      ))}
      {state.status === 'ready' && state.truncated ? (
        <Text className='mform__hint'>匹配的工会较多，请输入更准确的单位或工会名称</Text>
      ) : unions.length > SHOWN ? (
        <Text className='mform__hint'>{`共 ${unions.length} 个结果，请输入更准确的名称`}</Text>
      ) : null}
    </View>
  );
}

function StreetPicker({ value, onPick }: { value: UnionItem | null; onPick: (u: UnionItem | null) => void }) {
  const [districtId, setDistrictId] = useState<string | null>(value?.parentId ?? null);
  const [districts, retryDistricts] = useUnions({ level: 'district' });
  const [streets, retryStreets] = useUnions(districtId ? { level: 'street', parentId: districtId } : null);
  return (
    <View>
      <Text className='mform__hint'>单位所在区（县、市）</Text>
      <LoadNote state={districts} empty='暂无可选的区县' onRetry={retryDistricts} />
      <View className='mchips'>
        {(districts.status === 'ready' ? districts.unions : []).map((d) => (
          <Text
            key={d.id}
            className={`mchip district-option ${d.id === districtId ? 'mchip--on' : ''}`}
            onClick={() => {
              setDistrictId(d.id);
              onPick(null);
            }}
          >
            {d.name.replace(/总工会$/, '')}
          </Text>
        ))}
      </View>
      {districtId ? (
        <View>
          <Text className='mform__hint'>单位所在街道（乡镇）</Text>
          <LoadNote state={streets} empty='该区暂无街道（乡镇）总工会' onRetry={retryStreets} />
          <View className='mchips'>
            {(streets.status === 'ready' ? streets.unions : []).map((s) => (
              <Text key={s.id} className={`mchip street-option ${s.id === value?.id ? 'mchip--on' : ''}`} onClick={() => onPick(s)}>
                {s.name}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function UnionPicker({ value, onChange }: { value: UnionChoice; onChange: (v: UnionChoice) => void }) {
  return (
    <View>
      <View className='mseg'>
        <Text
          className={`mseg__item ${value.routing === 'employer_union' ? 'mseg__item--on' : ''}`}
          onClick={() => onChange({ routing: 'employer_union', union: null })}
        >
          选择单位工会
        </Text>
        <Text
          className={`mseg__item ${value.routing === 'street_union' ? 'mseg__item--on' : ''}`}
          onClick={() => onChange({ routing: 'street_union', union: null })}
        >
          我的单位没有工会
        </Text>
      </View>
      {value.routing === 'employer_union' ? (
        <GrassrootsSearch value={value.union} onPick={(u) => onChange({ routing: 'employer_union', union: u })} />
      ) : (
        <>
          <Text className='mform__hint'>单位还没有成立工会的，由单位所在地的街道（乡镇）总工会受理。</Text>
          <StreetPicker value={value.union} onPick={(u) => onChange({ routing: 'street_union', union: u })} />
        </>
      )}
    </View>
  );
}
