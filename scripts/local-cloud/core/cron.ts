/**
 * CloudBase timer triggers use 7 fields: second minute hour day-of-month month day-of-week year,
 * evaluated here in Asia/Shanghai. cron-parser handles the first six; the year field is checked
 * on top of it.
 */
import { CronExpressionParser } from 'cron-parser';

/** The zone CloudBase evaluates timer triggers in (China Standard Time): the platform's, not the app's. */
export const TIMER_TZ = 'Asia/Shanghai';

export interface CronSchedule {
  next(after: number): number | null;
}

function yearMatcher(field: string): (year: number) => boolean {
  if (field === '*') return () => true;
  const parts = field.split(',').map((part) => {
    const range = /^(\d{4})-(\d{4})$/.exec(part);
    if (range) return { from: Number(range[1]), to: Number(range[2]) };
    if (/^\d{4}$/.test(part)) return { from: Number(part), to: Number(part) };
    throw new SyntaxError(`unsupported year field "${field}"`);
  });
  return (year) => parts.some((p) => year >= p.from && year <= p.to);
}

export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new SyntaxError(`timer trigger needs 7 fields, got ${fields.length}: "${expression}"`);
  const six = fields.slice(0, 6).join(' ');
  const yearOk = yearMatcher(fields[6]);
  // Validate now, so a bad config.json fails at start rather than at fire time.
  CronExpressionParser.parse(six, { tz: TIMER_TZ });
  return {
    next(after: number): number | null {
      const it = CronExpressionParser.parse(six, { currentDate: new Date(after), tz: TIMER_TZ });
      for (let i = 0; i < 10000; i++) {
        const at = it.next().toDate();
        const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIMER_TZ }).format(at));
        if (yearOk(year)) return at.getTime();
        if (year > 2100) return null;
      }
      return null;
    },
  };
}
