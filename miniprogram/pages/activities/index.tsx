import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/StateViews';
import LocalTools from '../../components/LocalTools';

export default function ActivitiesPage() {
  return (
    <View className='page activities'>
      <View className='hero'>
        <Text className='hero__title'>工会活动</Text>
        <Text className='hero__sub'>关注工会，查看并报名文体、培训、公益等活动</Text>
      </View>
      <View className='card'>
        <View className='section-title'>
          <Text>近期活动</Text>
        </View>
        <EmptyState title='暂无活动' hint='关注的工会发布活动后，会在这里显示报名入口' />
      </View>
      <LocalTools />
    </View>
  );
}
