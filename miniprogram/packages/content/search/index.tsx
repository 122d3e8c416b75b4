/**
 * 搜索 (from the 活动 tab): one keyword finds this week's drops (benefit.search) and published
 * activities and articles (content.search), each within what the caller may see. `?q=` opens
 * with a keyword. The two sections load on their own, so one failing does not hide the other.
 */
import { Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/StateViews';
import { SEARCH_KEYWORD_MAX } from '../../../../shared/content/schemas';
import { elderClass } from '../../../utils/elderMode';
import DropHits from './DropHits';
import PostHits from './PostHits';
import './index.css';

function initialKeyword(q: string | undefined): string {
  try {
    return decodeURIComponent(q ?? '')
      .trim()
      .slice(0, SEARCH_KEYWORD_MAX);
  } catch {
    return '';
  }
}

export default function SearchPage() {
  const start = initialKeyword(useRouter().params.q);
  const [text, setText] = useState(start);
  const [keyword, setKeyword] = useState(start);
  const [problem, setProblem] = useState('');

  const submit = (value: string) => {
    const k = value.trim();
    if (!k) {
      setProblem('请输入要找的内容，如：观影、疗休养、北仑');
      return;
    }
    setProblem('');
    setKeyword(k);
  };

  return (
    <View className={`page search${elderClass()}`}>
      <View className='sr-bar'>
        <Input
          className='sr-input'
          name='keyword'
          type='text'
          confirmType='search'
          focus={!start}
          nativeProps={{ 'aria-label': '搜索关键词' }}
          placeholder='搜索活动、资讯、福利'
          maxlength={SEARCH_KEYWORD_MAX}
          value={text}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => submit(e.detail.value)}
        />
        <Button className='sr-go' size='mini' onClick={() => submit(text)}>
          搜索
        </Button>
      </View>
      {problem ? <Text className='sr-problem'>{problem}</Text> : null}
      {keyword ? (
        <View key={keyword}>
          <View className='card'>
            <View className='section-title'>
              <Text>本周福利</Text>
            </View>
            <DropHits keyword={keyword} />
          </View>
          <View className='card'>
            <View className='section-title'>
              <Text>活动与资讯</Text>
            </View>
            <PostHits keyword={keyword} />
          </View>
        </View>
      ) : (
        <View className='card'>
          <EmptyState title='输入关键词开始搜索' hint='可以搜活动名称、地点、发布的工会，或本周福利' />
        </View>
      )}
    </View>
  );
}
