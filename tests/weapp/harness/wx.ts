/**
 * The `wx` the weapp build runs against: every API the pages use, with WeChat's calling convention
 * (options with success/fail/complete, and a Promise when none is given), backed by
 * - the local cloud over HTTP for `wx.cloud` (the caller's OPENID set by the platform, as CloudBase does);
 * - a real page stack for navigation (./miniapp.ts);
 * - `Asks` for what a person answers (modal, scanner, pickers, subscribe dialog);
 * - in-memory storage, temp files on disk, a 2d canvas (./canvas.ts).
 * Anything else is unknown: reading it gives a function that records the call and throws, so a new
 * use in the app fails here instead of passing unnoticed. Taro copies wx's keys when taro.js loads,
 * so every API is defined before the app is required.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Asks, AskedApi } from './asks';
import { FakeCanvasNode } from './canvas';
import { SAFE_AREA, WINDOW } from './device';
import { selectorQuery } from './selectorQuery';

export interface PhoneHost {
  appUrl: string;
  /** The OPENID CloudBase would put in the invocation context; null: no WeChat session. */
  openid(): string | null;
  asks: Asks;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>;
  back(delta: number): Promise<void>;
  /** Elements of the current page matching a selector, as WeChat resolves it (ids live on the WeChat nodes, not in the DOM). */
  pageQuery(selector: string): Element[];
  canvasFor(el: Element): FakeCanvasNode;
  record(kind: string, detail: unknown): void;
  cloudCall(delta: 1 | -1): void;
  /** True while answers to `fn.action` are lost on the way back: the call runs, the phone hears nothing. */
  losesAnswer(fnAction: string): boolean;
}

type Opts = Record<string, unknown> & {
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
};

/** WeChat's async convention around a promise of the result. */
function settle(api: string, opts: Opts | undefined, work: () => Promise<Record<string, unknown>>): Promise<unknown> | undefined {
  const o = opts ?? {};
  const p = work().then(
    (res) => ({ ...res, errMsg: res.errMsg ?? `${api}:ok` }),
    (err: unknown) => {
      throw {
        errMsg:
          typeof err === 'object' && err && 'errMsg' in err
            ? String((err as { errMsg: unknown }).errMsg)
            : `${api}:fail ${err instanceof Error ? err.message : String(err)}`,
      };
    },
  );
  if (o.success || o.fail || o.complete) {
    p.then(
      (res) => {
        o.success?.(res);
        o.complete?.(res);
      },
      (err) => {
        o.fail?.(err);
        o.complete?.(err);
      },
    );
    return undefined;
  }
  return p;
}

export interface TempFiles {
  /** Hand a real file to the app as WeChat does: a temp path it can read with the file system manager. */
  add(realPath: string): { path: string; size: number; name: string };
  resolve(tempPath: string): string;
}

function tempFiles(): TempFiles {
  const map = new Map<string, string>();
  let n = 0;
  return {
    add(realPath) {
      const path = `wxfile://tmp_${++n}${extname(realPath)}`;
      map.set(path, realPath);
      return { path, size: statSync(realPath).size, name: basename(realPath) };
    },
    resolve(tempPath) {
      const real = map.get(tempPath);
      if (!real) throw { errMsg: `readFile:fail no such file or directory, open "${tempPath}"` };
      return real;
    },
  };
}

export interface FakeWx {
  wx: Record<string, unknown>;
  storage: Map<string, unknown>;
  files: TempFiles;
  /** Unknown APIs the app called (each also threw). */
  unknown: string[];
  /** Per-cloudPath upload tokens, learnt from the upload slots the functions issued. */
  uploadTokens: Map<string, string>;
}

export function createWx(host: PhoneHost): FakeWx {
  const storage = new Map<string, unknown>();
  const files = tempFiles();
  const unknown: string[] = [];
  const uploadTokens = new Map<string, string>();
  const clone = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

  const asked = (api: AskedApi, shape?: (res: Record<string, unknown>) => Record<string, unknown>) => (opts?: Opts) =>
    settle(api, opts, async () => {
      const { success: _s, fail: _f, complete: _c, ...args } = opts ?? {};
      const answer = await host.asks.ask(api, args);
      if (!answer.ok) throw { errMsg: answer.errMsg };
      return shape ? shape(answer.res) : answer.res;
    });

  /** A picked file: the test answers with `{ files: [realPath…] }`. */
  const picked = (res: Record<string, unknown>) => {
    const list = (res.files as string[] | undefined) ?? [];
    return { tempFiles: list.map((p) => ({ ...files.add(p), type: 'file', time: Date.now() / 1000 })) };
  };

  const cloud = {
    init: () => undefined,
    callFunction: (opts: Opts) =>
      settle('cloud.callFunction', opts, async () => {
        const name = String(opts.name);
        const openid = host.openid();
        host.cloudCall(1);
        try {
          const res = await fetch(`${host.appUrl}/api/functions/${encodeURIComponent(name)}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(openid ? { 'x-local-openid': openid } : { 'x-local-persona': 'anonymous' }),
            },
            body: JSON.stringify(opts.data ?? {}),
          });
          const result = (await res.json()) as Record<string, unknown>;
          const { action, requestId } = (opts.data ?? {}) as { action?: string; requestId?: string };
          host.record('callFunction', { name, action, requestId, ok: result?.ok, result, lost: host.losesAnswer(`${name}.${action}`) });
          // What wx.cloud.callFunction rejects with when no answer came back (no errCode: the app reads it as NETWORK).
          if (host.losesAnswer(`${name}.${action}`)) throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
          const data = result?.data as { cloudPath?: unknown; uploadToken?: unknown } | undefined;
          if (result?.ok && typeof data?.cloudPath === 'string' && typeof data.uploadToken === 'string')
            uploadTokens.set(data.cloudPath, data.uploadToken);
          return { result, requestID: res.headers.get('x-local-invocation') ?? '' };
        } finally {
          host.cloudCall(-1);
        }
      }),
    uploadFile: (opts: Opts) =>
      settle('cloud.uploadFile', opts, async () => {
        const cloudPath = String(opts.cloudPath);
        const token = uploadTokens.get(cloudPath);
        if (!token) throw { errMsg: `cloud.uploadFile:fail no upload slot was issued for ${cloudPath}` };
        const openid = host.openid();
        const res = await fetch(`${host.appUrl}/api/storage/upload`, {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            'x-cloud-path': cloudPath,
            'x-upload-token': token,
            ...(openid ? { 'x-local-openid': openid } : {}),
          },
          body: readFileSync(files.resolve(String(opts.filePath))),
        });
        const body = (await res.json()) as { ok: boolean; data?: { fileID?: string }; error?: unknown };
        if (!body.ok) throw { errMsg: `cloud.uploadFile:fail ${JSON.stringify(body.error)}` };
        return { fileID: body.data?.fileID, statusCode: 200 };
      }),
    getTempFileURL: (opts: Opts) =>
      settle('cloud.getTempFileURL', opts, async () => ({
        fileList: ((opts.fileList as string[]) ?? []).map((fileID) => ({ fileID, tempFileURL: fileID, status: 0 })),
      })),
  };

  const nav = (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') => (opts: Opts) =>
    settle(kind, opts, async () => {
      await host.navigate(kind, String(opts.url));
      return {};
    });

  const systemInfo = () => ({
    ...WINDOW,
    brand: 'harness',
    model: 'iPhone 13',
    system: 'iOS 17.0',
    platform: 'ios',
    version: '8.0.50',
    SDKVersion: '3.7.0',
    language: 'zh_CN',
    theme: 'light',
    fontSizeSetting: 16,
    safeArea: SAFE_AREA,
    benchmarkLevel: 1,
  });

  const fsManager = {
    readFile(opts: Opts) {
      return settle('readFile', opts, async () => {
        const bytes = readFileSync(files.resolve(String(opts.filePath)));
        const encoding = opts.encoding as BufferEncoding | undefined;
        return { data: encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
      });
    },
    readFileSync(filePath: string, encoding?: BufferEncoding) {
      const bytes = readFileSync(files.resolve(filePath));
      return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  };

  const ok = (api: string, detail?: (o: Opts) => unknown) => (opts?: Opts) =>
    settle(api, opts, async () => {
      host.record(api, detail ? detail(opts ?? {}) : undefined);
      return {};
    });

  const known: Record<string, unknown> = {
    cloud,
    env: { USER_DATA_PATH: 'wxfile://usr' },
    // Pages and navigation
    navigateTo: nav('navigateTo'),
    redirectTo: nav('redirectTo'),
    switchTab: nav('switchTab'),
    reLaunch: nav('reLaunch'),
    navigateBack: (opts?: Opts) =>
      settle('navigateBack', opts, async () => {
        await host.back(Number(opts?.delta ?? 1));
        return {};
      }),
    setNavigationBarTitle: ok('setNavigationBarTitle', (o) => o.title),
    setNavigationBarColor: ok('setNavigationBarColor'),
    showNavigationBarLoading: ok('showNavigationBarLoading'),
    hideNavigationBarLoading: ok('hideNavigationBarLoading'),
    startPullDownRefresh: ok('startPullDownRefresh'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    pageScrollTo: ok('pageScrollTo'),
    // Feedback
    showToast: ok('toast', (o) => ({ title: o.title, icon: o.icon })),
    hideToast: ok('hideToast'),
    showLoading: ok('loading', (o) => ({ title: o.title })),
    hideLoading: ok('hideLoading'),
    showModal: asked('showModal'),
    showActionSheet: asked('showActionSheet'),
    vibrateShort: ok('vibrateShort'),
    setClipboardData: ok('clipboard', (o) => o.data),
    previewImage: ok('previewImage', (o) => o.urls),
    makePhoneCall: asked('makePhoneCall'),
    // WeChat opens its own map page at once (no question asked); recorded with what it was given.
    openLocation: ok('openLocation', (o) => ({
      latitude: o.latitude,
      longitude: o.longitude,
      name: o.name,
      address: o.address,
      scale: o.scale,
    })),
    // Device
    scanCode: asked('scanCode', (res) => ({ scanType: 'QR_CODE', charSet: 'utf-8', ...res })),
    chooseMessageFile: asked('chooseMessageFile', picked),
    chooseMedia: asked('chooseMedia', (res) => ({
      type: 'image',
      tempFiles: picked(res).tempFiles.map((f) => ({ tempFilePath: f.path, size: f.size, fileType: 'image' })),
    })),
    chooseImage: asked('chooseImage', (res) => {
      const list = picked(res).tempFiles;
      return { tempFilePaths: list.map((f) => f.path), tempFiles: list.map((f) => ({ path: f.path, size: f.size })) };
    }),
    requestSubscribeMessage: asked('requestSubscribeMessage'),
    getFileSystemManager: () => fsManager,
    getSystemInfoSync: systemInfo,
    getSystemInfo: (opts?: Opts) => settle('getSystemInfo', opts, async () => systemInfo()),
    getWindowInfo: () => ({ ...WINDOW, safeArea: SAFE_AREA }),
    getAppBaseInfo: () => ({
      SDKVersion: '3.7.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      enableDebug: false,
      host: { env: 'WeChat' },
    }),
    getDeviceInfo: () => ({ brand: 'harness', model: 'iPhone 13', system: 'iOS 17.0', platform: 'ios', benchmarkLevel: 1 }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'release', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', scene: 1001, query: {}, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', scene: 1001, query: {}, referrerInfo: {} }),
    canIUse: () => true,
    onAppShow: () => undefined,
    offAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined,
    onThemeChange: () => undefined,
    onWindowResize: () => undefined,
    offWindowResize: () => undefined,
    onMemoryWarning: () => undefined,
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    createSelectorQuery: () => selectorQuery(host),
    createOffscreenCanvas: (opts?: { width?: number; height?: number }) => new FakeCanvasNode(opts?.width ?? 300, opts?.height ?? 150),
    // Storage
    setStorageSync: (key: string, value: unknown) => void storage.set(key, clone(value)),
    getStorageSync: (key: string) => (storage.has(key) ? clone(storage.get(key)) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: (opts: Opts) =>
      settle('setStorage', opts, async () => {
        storage.set(String(opts.key), clone(opts.data));
        return {};
      }),
    getStorage: (opts: Opts) =>
      settle('getStorage', opts, async () => {
        if (!storage.has(String(opts.key))) throw { errMsg: 'getStorage:fail data not found' };
        return { data: clone(storage.get(String(opts.key))) };
      }),
    removeStorage: (opts: Opts) =>
      settle('removeStorage', opts, async () => {
        storage.delete(String(opts.key));
        return {};
      }),
    clearStorage: (opts?: Opts) =>
      settle('clearStorage', opts, async () => {
        storage.clear();
        return {};
      }),
  };

  const wx = new Proxy(known, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target) return target[key as string];
      // Module bundlers probe these; they are not WeChat APIs.
      if (key === 'webpackJsonp' || key === 'then' || key === 'toJSON') return undefined;
      return (..._args: unknown[]) => {
        unknown.push(key);
        throw new Error(`wx.${key} is not modelled by the weapp harness (tests/weapp/harness/wx.ts): add it with WeChat's behaviour`);
      };
    },
  });
  return { wx, storage, files, unknown, uploadTokens };
}
