/**
 * A file the admin picked for the bulk import, as the page sends it: a UTF-8 CSV as text (the
 * page checks it at once with the server's rules), anything else — an .xlsx, or a CSV in
 * another encoding such as the GBK that Excel on Chinese Windows writes — as base64 bytes that
 * the function decodes and checks (the mini-program bundles no xlsx parser).
 */
import { IMPORT_TOO_LARGE, MAX_IMPORT_BYTES } from '../../../../../shared/member/importTemplate';

export type PickedFile = { name: string; csv: string } | { name: string; base64: string };

export const ACCEPTED_EXTENSIONS = ['xlsx', 'csv'] as const;

export function extensionOf(name: string): string {
  return /\.([A-Za-z0-9]+)\s*$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** Why a picked file cannot be sent (before reading it), or null. */
export function pickProblem(name: string, size: number): string | null {
  const ext = extensionOf(name);
  if (ext === 'xls') return '暂不支持 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV';
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext)) return '请选择 Excel（.xlsx）或 CSV 文件';
  if (size > MAX_IMPORT_BYTES) return IMPORT_TOO_LARGE;
  return null;
}
