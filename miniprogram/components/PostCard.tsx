/** One post in a list (feed, union page, 我的报名): kind, title, union, time, reads, sign-up state. */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PostCard as Post } from '../../shared/content/views';
import { formatBusinessFriendly, formatBusiness } from '../../shared/time';
import { api } from '../services/api';
import './PostCard.css';

export const POST_CARD_HEIGHT = 252; // design px, margin included (VirtualList rows)

export function openPost(id: string): void {
  void Taro.navigateTo({ url: `/packages/content/post/index?id=${id}` });
}

function signupBadge(p: Post): { text: string; tone: string } | null {
  const a = p.activity;
  if (!a) return null;
  if (a.mine) return { text: a.mine.statusLabel, tone: a.mine.status === 'signed' ? 'ok' : 'wait' };
  if (!a.signup) return { text: '自由参加', tone: 'muted' };
  if (a.signup.state === 'open') return { text: `报名中 · 余${a.signup.remaining}`, tone: 'open' };
  if (a.signup.state === 'full') return { text: '已满 · 可候补', tone: 'wait' };
  return { text: a.signup.stateLabel, tone: 'muted' };
}

export function PostCard({ post }: { post: Post }) {
  const badge = signupBadge(post);
  return (
    <View className='post-card' onClick={() => openPost(post.id)}>
      <View className={`post-card__cover post-card__cover--${post.kind}`}>
        {post.cover ? (
          <Image className='post-card__img' src={api.files.imageSrc(post.cover) ?? ''} mode='aspectFill' lazyLoad />
        ) : (
          <Text className='post-card__glyph'>{post.kind === 'activity' ? '活' : '讯'}</Text>
        )}
        <Text className='post-card__kind'>{post.kindLabel}</Text>
      </View>
      <View className='post-card__body'>
        <Text className='post-card__title'>{post.title}</Text>
        {post.activity ? (
          <Text className='post-card__line'>
            {formatBusinessFriendly(post.activity.startAt)} · {post.activity.place}
          </Text>
        ) : (
          <Text className='post-card__line'>{post.summary}</Text>
        )}
        <View className='post-card__meta'>
          <Text className='post-card__union'>{post.union.name}</Text>
          <Text className='post-card__time'>
            {formatBusiness(post.publishedAt, 'MM-DD')} · 阅读 {post.readCount}
          </Text>
          {badge ? <Text className={`post-card__badge post-card__badge--${badge.tone}`}>{badge.text}</Text> : null}
        </View>
      </View>
    </View>
  );
}
