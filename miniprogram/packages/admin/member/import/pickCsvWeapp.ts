/**
 * weapp: pick a CSV from a WeChat chat (the way office files reach a phone) and read it as UTF-8.
 * Resolves null when the admin cancels.
 */
import Taro from '@tarojs/taro';

export interface PickedCsv {
  name: string;
  text: string;
}

export async function pickCsvWeapp(): Promise<PickedCsv | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const text = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: () => reject(new Error('read failed')),
    });
  });
  return { name: file.name, text };
}
