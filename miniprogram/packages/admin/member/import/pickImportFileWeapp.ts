/**
 * weapp: pick an .xlsx or .csv from a WeChat chat (the way office files reach a phone). A .csv
 * is read as UTF-8 text; if that text has U+FFFD (the bytes were not UTF-8, e.g. GBK from
 * Excel's 「CSV（逗号分隔）」) it is read again as base64 and sent as a file, as is an .xlsx
 * (decoded by the function: see ./pickedFile.ts). Resolves null when the admin cancels; rejects
 * with a Chinese message when the file cannot be used.
 */
import Taro from '@tarojs/taro';
import { extensionOf, pickProblem, type PickedFile } from './pickedFile';

function read(filePath: string, encoding: 'utf8' | 'base64'): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding,
      success: (res) => resolve(String(res.data)),
      fail: () => reject(new Error('读取文件失败，请重新选择')),
    });
  });
}

export async function pickImportFileWeapp(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  } catch {
    return null; // cancelled
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const problem = pickProblem(file.name, file.size);
  if (problem) throw new Error(problem);
  if (extensionOf(file.name) === 'csv') {
    const text = await read(file.path, 'utf8');
    if (!text.includes('\uFFFD')) return { name: file.name, csv: text };
  }
  return { name: file.name, base64: await read(file.path, 'base64') };
}
