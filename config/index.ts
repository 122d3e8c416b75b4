import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build configuration for both targets:
 * - `weapp`: the WeChat mini-program, output to dist/weapp (project.config.json points there);
 * - `h5`: the local demo served by the local cloud, output to dist/h5.
 * Builds run offline with `--no-check` (the config check downloads a schema).
 */
/** Code outside sourceRoot that the app imports (relative imports); Babel must compile it too. */
const SHARED_DIR = path.resolve(__dirname, '..', 'shared');

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-service',
    date: '2025-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'miniprogram',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_DIR] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: [SHARED_DIR] },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: {
          enable: true,
          // The desktop demo is a 480px-wide "phone": stop growing the root font size there
          // (40 * 480 / 750 = 25.6px), phones narrower than that scale as usual.
          config: { maxRootSize: 25.6 },
        },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // A phone app's first screen, not a website: webpack's 244 KiB desktop hint is noise here.
        chain.performance.hints(false);
        // Route pages are lazy chunks and Taro splits only initial chunks, so every admin page with a
        // chart would carry its own copy of AntV F2 (~650 KB). Load it once, as one shared async chunk.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              charts: {
                name: 'charts',
                test: /[\\/]node_modules[\\/]@antv[\\/]/,
                chunks: 'async',
                priority: 50,
                enforce: true,
              },
            },
          });
        }
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
