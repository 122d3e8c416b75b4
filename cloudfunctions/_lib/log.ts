/**
 * Structured one-line JSON logs. Callers pass ids and codes, never request payloads: payloads
 * carry personal data (names, ID numbers, phones, children) that must not reach logs.
 */
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: { [key: string]: LogValue | unknown; err?: unknown }): void;
}

/** LOG_LEVEL=error keeps only errors (benchmarks, tests); LOG_LEVEL=silent drops everything. */
function enabled(level: 'info' | 'error'): boolean {
  const configured = process.env.LOG_LEVEL ?? 'info';
  if (configured === 'silent') return false;
  return level === 'error' || configured === 'info';
}

function errorSummary(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 500);
  return String(err).slice(0, 500);
}

export function createLogger(base: LogFields): Logger {
  const write = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) => {
    if (!enabled(level)) return;
    const { err, ...rest } = fields;
    const line: Record<string, unknown> = { level, msg, ...base, ...rest };
    if (err !== undefined) {
      line.error = errorSummary(err);
      if (err instanceof Error && err.stack) line.stack = err.stack.split('\n').slice(1, 6).join(' | ');
    }
    (level === 'error' ? console.error : console.log)(JSON.stringify(line));
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
