/**
 * The site roster as CSV (RFC 4180, CRLF, UTF-8 BOM so Excel opens it as UTF-8). Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with an apostrophe.
 */
import type { RosterRow } from './views';
import { STATUS_LABELS, gradeInSummer, percent } from './rules';

export const ROSTER_HEADER = [
  '报名编号',
  '孩子姓名',
  '性别',
  '年级',
  '就读学校',
  '紧急联系人',
  '紧急联系电话',
  '健康提示',
  '状态',
  '出勤天数',
  '登记天数',
  '出勤率',
];

export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rosterCsv(rows: RosterRow[], summer: number): string {
  const lines = [ROSTER_HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    const grade = gradeInSummer(r.child, summer);
    lines.push(
      [
        r.registrationId,
        r.child.name,
        r.child.gender === 'male' ? '男' : '女',
        grade ? `${grade}年级` : '',
        r.child.school,
        r.child.emergencyName,
        r.child.emergencyPhone,
        r.child.healthNotes,
        STATUS_LABELS[r.status],
        r.attendance.present,
        r.attendance.marked,
        r.attendance.rate === null ? '' : percent(r.attendance.rate),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
