/**
 * Our rich-text sanitiser against sanitize-html on the hostile corpus the sanitiser test uses
 * (tests/unit/content/hostileBodies.ts): time per body (median of several runs) and what comes
 * out (characters, nesting depth). Prints numbers; the decision is in docs/content.md.
 *
 *   npx tsx scripts/bench/sanitizers.ts
 */
import { sanitizeHtml, toHtml, type RichNode } from '../../shared/content/richText';
import { HOSTILE_BODIES, referenceSanitize } from '../../tests/unit/content/hostileBodies';

const RUNS = 7;

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

function depthOf(nodes: RichNode[]): number {
  let max = 0;
  for (const n of nodes) if (!('type' in n)) max = Math.max(max, 1 + depthOf(n.children ?? []));
  return max;
}

/** Nesting depth of an HTML string (tags counted by a plain scan; the output is well-formed). */
function htmlDepth(html: string): number {
  let open = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    if (m[2] === 'img' || m[2] === 'br') continue;
    open += m[1] ? -1 : 1;
    max = Math.max(max, open);
  }
  return max;
}

let oursTotal = 0;
let refTotal = 0;
console.log('body                              ours ms   depth   sanitize-html ms   depth   ratio');
for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
  let ours: RichNode[] = [];
  let ref = '';
  const a = median(() => {
    ours = sanitizeHtml(body).nodes;
  });
  const b = median(() => {
    ref = referenceSanitize(body);
  });
  oursTotal += a;
  refTotal += b;
  const oursDepth = Math.max(depthOf(ours), htmlDepth(toHtml(ours)));
  console.log(
    `${name.padEnd(32)} ${a.toFixed(2).padStart(7)} ${String(oursDepth).padStart(7)} ${b.toFixed(2).padStart(18)} ${String(htmlDepth(ref)).padStart(7)} ${(b / Math.max(a, 0.001)).toFixed(1).padStart(7)}×`,
  );
}
console.log(
  `total (${Object.keys(HOSTILE_BODIES).length} bodies)            ${oursTotal.toFixed(1).padStart(7)}         ${refTotal.toFixed(1).padStart(18)}         ${(refTotal / oursTotal).toFixed(1).padStart(7)}×`,
);
