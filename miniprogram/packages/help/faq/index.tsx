/**
 * 常见问题: the questions members ask, by topic, each answer folded until tapped; a search box
 * narrows them (question and answer text). Static content (./questions.ts), so it works offline.
 * `?q=<id>` opens one answer (links from other pages).
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '../../../components/StateViews';
import { elderClass } from '../../../utils/elderMode';
import { searchFaq, type FaqItem } from './questions';
import '../help.css';

function open(link: NonNullable<FaqItem['link']>) {
  if (link.tab) void Taro.switchTab({ url: link.url });
  else void Taro.navigateTo({ url: link.url });
}

export default function FaqPage() {
  const { params } = useRouter();
  const [keyword, setKeyword] = useState('');
  const [openIds, setOpenIds] = useState<string[]>(params.q ? [params.q] : []);
  const topics = searchFaq(keyword);
  const toggle = (id: string) => setOpenIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <View className={`page help${elderClass()}`}>
      <View className='card help-search'>
        <Input
          className='help-search__input'
          value={keyword}
          placeholder='搜索问题，如：兑换码、抽签、注销'
          maxlength={30}
          confirmType='search'
          nativeProps={{ 'aria-label': '搜索常见问题' }}
          onInput={(e) => setKeyword(e.detail.value)}
        />
        {keyword ? (
          <Text className='help-search__clear' onClick={() => setKeyword('')}>
            清除
          </Text>
        ) : null}
      </View>

      {topics.length === 0 ? (
        <View className='card'>
          <EmptyState
            title='没有找到相关问题'
            hint='换个说法试试，或直接联系所在工会'
            action={{ label: '联系工会', onClick: () => void Taro.navigateTo({ url: '/packages/help/contact/index' }) }}
          />
        </View>
      ) : (
        topics.map((topic) => (
          <View key={topic.key} className='card help-topic'>
            <View className='section-title'>
              <Text>{topic.title}</Text>
            </View>
            {topic.items.map((item) => {
              const expanded = keyword.trim() !== '' || openIds.includes(item.id);
              return (
                <View key={item.id} className={`help-item${expanded ? ' help-item--open' : ''}`} id={`faq-${item.id}`}>
                  <View className='help-item__q' onClick={() => toggle(item.id)}>
                    <Text className='help-item__q-text'>{item.q}</Text>
                    <Text className='help-item__arrow'>{expanded ? '收起' : '展开'}</Text>
                  </View>
                  {expanded ? (
                    <View className='help-item__a'>
                      {item.a.map((p, i) => (
                        <Text key={i} className='help-item__p'>
                          {p}
                        </Text>
                      ))}
                      {item.link ? (
                        <Text className='help-item__link' onClick={() => open(item.link!)}>
                          {item.link.title} ›
                        </Text>
                      ) : null}
                    </View>
                  ) : null}
                </View>
              );
            })}
          </View>
        ))
      )}

      <View className='card help-more'>
        <Text className='help-more__text'>没有找到答案？</Text>
        <Text className='help-item__link' onClick={() => void Taro.navigateTo({ url: '/packages/help/contact/index' })}>
          联系所在工会 ›
        </Text>
      </View>
    </View>
  );
}
