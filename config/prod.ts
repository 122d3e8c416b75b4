import type { UserConfigExport } from '@tarojs/cli';

/** Production builds (the default for `taro build`): minified, no source maps in the package. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
