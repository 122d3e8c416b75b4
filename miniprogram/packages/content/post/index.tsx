/**
 * A post: title, union (follow), time, reads, the body rendered from the stored sanitised node
 * tree with `RichText nodes` (never raw HTML), and the activity box for activities.
 */
import { Image, RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState, type ComponentProps } from 'react';
import type { ActivityInfo, PostDetail } from '../../../../shared/content/views';
import { formatBusiness } from '../../../../shared/time';
import { api } from '../../../services/api';
import { useRemote } from '../../../hooks/useRemote';
import { RemoteGate } from '../../../components/RemoteView';
import { ActivityBox } from './ActivityBox';
import { elderClass } from '../../../utils/elderMode';
import '../content.css';

export default function PostPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { state, reload } = useRemote(() => api.content.get(id));
  const [post, setPost] = useState<PostDetail | null>(null);
  useEffect(() => {
    if (state.status === 'ready') {
      setPost(state.data.post);
      void Taro.setNavigationBarTitle({ title: state.data.post.kindLabel });
    }
  }, [state]);

  // 分享 to a friend: the card opens this post (a friend who is not a member can still read it).
  useShareAppMessage(() => ({ title: post?.title ?? '工会活动', path: `/packages/content/post/index?id=${encodeURIComponent(id)}` }));

  if (state.status !== 'ready') return <RemoteGate state={state} reload={reload} rows={6} page='page' />;
  // Ready but the effect has not copied the post into local state yet: keep the skeleton.
  if (!post) return <RemoteGate state={{ status: 'loading' }} reload={reload} rows={6} page='page' />;
  const p = post;

  const toggleFollow = async () => {
    const res = await api.content.follow(p.union.id, !p.following);
    if (!res.ok) return void Taro.showToast({ title: res.error.message, icon: 'none' });
    setPost({ ...p, following: res.data.following });
    void Taro.showToast({ title: res.data.following ? '已关注' : '已取消关注', icon: 'none' });
  };

  return (
    <View className={`page ct-post${elderClass()}`}>
      {p.cover ? <Image className='ct-cover' src={api.files.imageSrc(p.cover) ?? ''} mode='aspectFill' /> : null}
      <View className='card ct-head'>
        <Text className='ct-title'>{p.title}</Text>
        <View className='ct-meta'>
          <Text className='ct-meta__union' onClick={() => void Taro.navigateTo({ url: `/packages/content/union/index?id=${p.union.id}` })}>
            {p.union.name}
          </Text>
          <Text>
            {formatBusiness(p.publishedAt)} · 阅读 {p.readCount}
          </Text>
          <Text className={`ct-follow ${p.following ? 'ct-follow--on' : ''}`} onClick={() => void toggleFollow()}>
            {p.following ? '已关注' : '+ 关注'}
          </Text>
        </View>
      </View>
      {p.activity ? (
        <ActivityBox postId={p.id} activity={p.activity} onChanged={(a: ActivityInfo) => setPost({ ...p, activity: a })} />
      ) : null}
      <View className='card'>
        <RichText className='ct-body' nodes={p.body as ComponentProps<typeof RichText>['nodes']} />
      </View>
      <Text className='note'>内容由{p.union.name}发布。报名结果会通过“消息”通知您。</Text>
    </View>
  );
}
