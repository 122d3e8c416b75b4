/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's mode; affects the build output. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Mini-program appid per mode (optional; project.config.json holds a placeholder). */
    TARO_APP_ID?: string;
    /** CloudBase environment id used by `Taro.cloud.init` in the weapp build. */
    TARO_APP_CLOUD_ENV?: string;
    /** H5 only: base URL of the local cloud API ('' = same origin). */
    TARO_APP_API_BASE?: string;
  }
}

/**
 * WeChat native custom components used from Taro React pages through `usingComponents`.
 * Attribute names are written the way WXML expects them (kebab-case); Taro copies them verbatim
 * into the generated template, and events `onFoo` become `bindfoo`.
 */
declare namespace JSX {
  interface IntrinsicElements {
    countdown: {
      target: number;
      'server-offset'?: number;
      prefix?: string;
      onFinish?: (event: { detail: { target: number } }) => void;
      className?: string;
    };
  }
}

/**
 * react-dom is only used by the H5-only local tools (a portal for the persona sheet); this minimal
 * declaration avoids adding @types/react-dom for one function.
 */
declare module 'react-dom' {
  export function createPortal(children: import('react').ReactNode, container: Element | DocumentFragment): import('react').ReactPortal;
}
