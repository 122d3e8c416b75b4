/**
 * Build the function bundles once per jest run, before any worker starts a local cloud: the
 * local cloud loads dist/functions (the deployed artefacts), and rebuilding it from several
 * workers at once would race.
 */
import { buildFunctions } from '../../scripts/build-functions';

export default function setup(): void {
  buildFunctions({ quiet: true });
}
