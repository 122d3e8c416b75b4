/**
 * The action table of docs/security.md ("## Actions"), parsed: which caller each action admits.
 * The authorization matrix test is generated from it, and checks it lists exactly the actions the
 * functions have (the schema registry: one request schema per `function.action`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WHO = ['anyone', 'user', 'member', 'owner', 'staff', 'admin', 'admin-own'] as const;
export type Who = (typeof WHO)[number];

export function readActionTable(file = join(__dirname, '../../docs/security.md')): Map<string, Who> {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n## Actions');
  if (start < 0) throw new Error('docs/security.md has no "## Actions" section');
  const section = text.slice(start + 1, text.indexOf('\n## ', start + 1));
  const table = new Map<string, Who>();
  for (const line of section.split('\n')) {
    const m = /^\| `([a-z]+\.[A-Za-z]+)` \| ([a-z-]+) \|/.exec(line);
    if (!m) continue;
    if (!(WHO as readonly string[]).includes(m[2])) throw new Error(`docs/security.md: unknown role "${m[2]}" for ${m[1]}`);
    if (table.has(m[1])) throw new Error(`docs/security.md: ${m[1]} is listed twice`);
    table.set(m[1], m[2] as Who);
  }
  return table;
}
