/**
 * The long fuzz run (the CI run is tests/integration/security/fuzz.test.ts):
 *
 *   npm run fuzz -- --runs 10000 [--seed 20261207]
 *
 * Builds the function bundles, runs the sweep plus `runs` random cases against a fresh local
 * cloud and prints the figures; exits 1 when anything was wrong (INTERNAL, a refused call that
 * wrote, a broken envelope or message, an innocent call that failed).
 */
import { buildFunctions } from '../build-functions';
import { runFuzz } from './runner';
import { DEFAULT_SEED } from './seed';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

async function main(): Promise<void> {
  const runs = arg('runs', 2000);
  const seed = arg('seed', DEFAULT_SEED);
  buildFunctions({ quiet: true });
  let last = 0;
  const f = await runFuzz({
    runs,
    seed,
    onCase: (done, total) => {
      if (done - last >= 1000 || done === total) {
        last = done;
        process.stderr.write(`  ${done}/${total}\n`);
      }
    },
  });
  const sorted = (o: Record<string, number>) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  console.log(
    `fuzz: seed ${seed}, ${f.calls} calls (sweep + ${runs} random) in ${(f.ms / 1000).toFixed(1)} s, ${(f.ms / Math.max(1, f.calls)).toFixed(1)} ms a call`,
  );
  console.log(`  answered ok        ${f.ok}`);
  console.log(`  refused            ${f.refused}  (${sorted(f.byCode)})`);
  console.log(`  INTERNAL           ${f.internal}`);
  console.log(`  unexpected writes  ${f.unexpectedWrites}  (refused calls that changed the database)`);
  console.log(`  bad envelopes      ${f.badEnvelope}`);
  console.log(`  bad messages       ${f.badMessage}  (not Chinese, stack/path, echoed input, too long)`);
  console.log(`  innocent failures  ${f.innocentFailed}  (a concurrent system.serverTime that failed)`);
  console.log(`  twists             ${sorted(f.byTwist)}`);
  for (const p of f.problems.slice(0, 40)) console.log(`  ! ${p}`);
  if (f.problems.length > 40) console.log(`  … and ${f.problems.length - 40} more`);
  process.exitCode = f.problems.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
