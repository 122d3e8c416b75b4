/** A short description of this browser for the admin who confirms the sign-in ("Chrome 131 · Windows"). */
export function deviceSummary(ua: string = navigator.userAgent): string {
  const browser =
    /Edg\/(\d+)/.exec(ua)?.[1] !== undefined
      ? `Edge ${/Edg\/(\d+)/.exec(ua)![1]}`
      : /Firefox\/(\d+)/.test(ua)
        ? `Firefox ${/Firefox\/(\d+)/.exec(ua)![1]}`
        : /Chrom(?:e|ium)\/(\d+)/.test(ua)
          ? `Chrome ${/Chrom(?:e|ium)\/(\d+)/.exec(ua)![1]}`
          : /Version\/(\d+).*Safari/.test(ua)
            ? `Safari ${/Version\/(\d+)/.exec(ua)![1]}`
            : '浏览器';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '其他系统';
  return `${browser} · ${os}`;
}
