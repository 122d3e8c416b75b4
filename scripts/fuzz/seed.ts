/** The fuzz suite's fixed seed: the CI run and `npm run fuzz` replay the same cases for the same run count. */
export const DEFAULT_SEED = 20261207;
