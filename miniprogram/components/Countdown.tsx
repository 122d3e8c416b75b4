/**
 * React countdown with the same props as the native `countdown` component (native/countdown),
 * used on H5 where Taro cannot render native WeChat components. Ticks once per second and only
 * re-renders when the shown parts change; `onFinish` fires once when it reaches zero.
 */
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { countdownParts, pad2, type CountdownParts } from '../utils/countdown';
import './Countdown.css';

export interface CountdownProps {
  /** Epoch ms of the opening. */
  target: number;
  /** serverTime − clientTime measured at sync, so `now = Date.now() + serverOffset`. */
  serverOffset?: number;
  prefix?: string;
  onFinish?: () => void;
}

function sameParts(a: CountdownParts, b: CountdownParts): boolean {
  return a.days === b.days && a.hours === b.hours && a.minutes === b.minutes && a.seconds === b.seconds && a.done === b.done;
}

export default function Countdown({ target, serverOffset = 0, prefix = '距开抢', onFinish }: CountdownProps) {
  const [parts, setParts] = useState(() => countdownParts(target, Date.now(), serverOffset));
  const finishRef = useRef(onFinish);
  finishRef.current = onFinish;

  useEffect(() => {
    let finished = false;
    const tick = () => {
      const next = countdownParts(target, Date.now(), serverOffset);
      setParts((prev) => (sameParts(prev, next) ? prev : next));
      if (next.done && !finished) {
        finished = true;
        clearInterval(timer);
        finishRef.current?.();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [target, serverOffset]);

  if (parts.done) {
    return (
      <View className='countdown countdown--done'>
        <Text className='countdown__prefix'>已开抢</Text>
      </View>
    );
  }
  return (
    <View className='countdown'>
      <Text className='countdown__prefix'>{prefix}</Text>
      {parts.days > 0 ? (
        <>
          <Text className='countdown__num'>{parts.days}</Text>
          <Text className='countdown__unit'>天</Text>
        </>
      ) : null}
      <Text className='countdown__num'>{pad2(parts.hours)}</Text>
      <Text className='countdown__unit'>时</Text>
      <Text className='countdown__num'>{pad2(parts.minutes)}</Text>
      <Text className='countdown__unit'>分</Text>
      <Text className='countdown__num'>{pad2(parts.seconds)}</Text>
      <Text className='countdown__unit'>秒</Text>
    </View>
  );
}
