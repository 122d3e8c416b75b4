import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { applyElderToDocument } from './utils/elderMode';
import './app.css';
import './elder.css';

if (process.env.TARO_ENV === 'h5') {
  // The desktop "phone frame" and H5-only tweaks; WXSS would reject its html/body selectors.
  require('./app.h5.css');
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    applyElderToDocument();
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
