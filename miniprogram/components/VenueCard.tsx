/**
 * One place (兑换地点 of a drop, a day-care site, a recuperation venue, an activity's place):
 * name, address, opening hours, phone, with 查看位置 / 复制地址 and 拨打电话.
 * The actions are in ./venueActions.ts (why each platform does what it does).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { VenueInfo } from '../../shared/venue/schemas';
import { Button } from './Button';
import { dialNumber, locationAction, webMapUrl } from './venueActions';
import './VenueCard.css';

function showLocation(v: VenueInfo): void {
  const a = locationAction(v);
  if (a.kind === 'copy') {
    // WeChat shows its own 「内容已复制」; say what to do with it.
    void Taro.setClipboardData({ data: a.data }).then(
      () => Taro.showToast({ title: '地址已复制，可粘贴到地图中查找', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请长按地址手动复制', icon: 'none' }),
    );
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(webMapUrl(a), '_blank', 'noopener');
    return;
  }
  void Taro.openLocation({ latitude: a.latitude, longitude: a.longitude, name: a.name, address: a.address, scale: a.scale }).catch(() =>
    Taro.showToast({ title: '无法打开地图，请稍后再试', icon: 'none' }),
  );
}

function call(phone: string): void {
  // Cancelling the dialler is a normal choice, not an error: nothing to show.
  void Taro.makePhoneCall({ phoneNumber: dialNumber(phone) }).catch(() => undefined);
}

export interface VenueCardProps {
  venue: VenueInfo;
  /** A short heading above the name (e.g. 兑换地点), or none. */
  label?: string;
  className?: string;
}

export function VenueCard({ venue, label, className }: VenueCardProps) {
  return (
    <View className={`venue${className ? ` ${className}` : ''}`}>
      {label ? <Text className='venue__label'>{label}</Text> : null}
      <Text className='venue__name'>{venue.name}</Text>
      {/* An activity's place is one string: name and address are the same, said once. */}
      {venue.address !== venue.name ? (
        <Text className='venue__line' userSelect>
          地址：{venue.address}
        </Text>
      ) : null}
      {venue.hours ? <Text className='venue__line'>时间：{venue.hours}</Text> : null}
      {venue.phone ? <Text className='venue__line'>电话：{venue.phone}</Text> : null}
      <View className='venue__actions'>
        <Button className='venue__btn venue__btn--map' size='mini' onClick={() => showLocation(venue)}>
          {venue.location ? '查看位置' : '复制地址'}
        </Button>
        {venue.phone ? (
          <Button className='venue__btn venue__btn--call' size='mini' onClick={() => call(venue.phone as string)}>
            拨打电话
          </Button>
        ) : null}
      </View>
    </View>
  );
}
