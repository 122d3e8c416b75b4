/**
 * Secrets the functions read from their environment (in CloudBase: the function's environment
 * variables, set in the console or cloudbaserc `envVariables`, never committed). Locally they are
 * generated once per data folder and kept in <dataDir>/secrets.json, so restarts keep issued
 * member-card tokens and ID hashes valid.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SECRET_NAMES } from '../../cloudfunctions/_lib/personal';

export function ensureLocalSecrets(dataDir: string): void {
  const file = join(dataDir, 'secrets.json');
  let stored: Record<string, string> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  let changed = false;
  for (const name of SECRET_NAMES) {
    if (process.env[name]) continue; // an operator-provided secret wins
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('hex');
      changed = true;
    }
    process.env[name] = stored[name];
  }
  if (changed) writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
}
