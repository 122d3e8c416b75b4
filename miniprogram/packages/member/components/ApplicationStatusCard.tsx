/**
 * One application's progress: 审核中 (which union reviews it) / 已通过 (card number, link to the
 * card) / 未通过 (the union's reason, 重新申请). Used by the status page and by the join page when
 * an application already exists.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { formatBusiness } from '../../../../shared/time';
import { APPLICATION_STATUS_LABELS, ROUTING_LABELS, type ApplicationView } from '../../../../shared/member/schemas';
import { MEMBER_TAG_LABELS } from '../../../../shared/member/tags';
import { MEMBER_PAGES } from '../routes';

export default function ApplicationStatusCard({ application, onReapply }: { application: ApplicationView; onReapply?: () => void }) {
  const a = application;
  return (
    <View className='card'>
      <View className='mstatus'>
        <Text className={`mstatus__badge mstatus__badge--${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
        {a.status === 'pending' ? (
          <Text className='mstatus__lead'>{`您的入会申请由「${a.union.name}」审核，请耐心等待`}</Text>
        ) : a.status === 'approved' ? (
          <Text className='mstatus__lead'>恭喜您成为工会会员！</Text>
        ) : (
          <Text className='mstatus__lead'>很抱歉，您的入会申请未通过审核</Text>
        )}
      </View>

      {a.status === 'rejected' && a.rejectReason ? <Text className='mreason'>{`原因：${a.rejectReason}`}</Text> : null}

      <View className='mkv'>
        <Text className='mkv__k'>申请人</Text>
        <Text className='mkv__v'>{a.nameMasked}</Text>
      </View>
      <View className='mkv'>
        <Text className='mkv__k'>身份证号</Text>
        <Text className='mkv__v'>{a.idMasked}</Text>
      </View>
      <View className='mkv'>
        <Text className='mkv__k'>工作单位</Text>
        <Text className='mkv__v'>{a.employer}</Text>
      </View>
      <View className='mkv'>
        <Text className='mkv__k'>入会方式</Text>
        <Text className='mkv__v'>{ROUTING_LABELS[a.routing]}</Text>
      </View>
      <View className='mkv'>
        <Text className='mkv__k'>受理工会</Text>
        <Text className='mkv__v'>{a.union.name}</Text>
      </View>
      {a.tags.length ? (
        <View className='mkv'>
          <Text className='mkv__k'>职工标签</Text>
          <Text className='mkv__v'>{a.tags.map((t) => MEMBER_TAG_LABELS[t]).join('、')}</Text>
        </View>
      ) : null}
      <View className='mkv'>
        <Text className='mkv__k'>提交时间</Text>
        <Text className='mkv__v'>{formatBusiness(a.submittedAt)}</Text>
      </View>
      {a.reviewedAt ? (
        <View className='mkv'>
          <Text className='mkv__k'>审核时间</Text>
          <Text className='mkv__v'>{formatBusiness(a.reviewedAt)}</Text>
        </View>
      ) : null}
      {a.status === 'approved' && a.cardNo ? (
        <View className='mkv'>
          <Text className='mkv__k'>会员卡号</Text>
          <Text className='mkv__v'>{a.cardNo}</Text>
        </View>
      ) : null}

      <View className='mactions'>
        {a.status === 'approved' ? (
          <Button className='mbtn' onClick={() => void Taro.navigateTo({ url: MEMBER_PAGES.card })}>
            查看我的会员卡
          </Button>
        ) : null}
        {a.status === 'rejected' && onReapply ? (
          <Button className='mbtn' onClick={onReapply}>
            重新申请
          </Button>
        ) : null}
      </View>
    </View>
  );
}
