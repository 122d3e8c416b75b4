// Worker-thread bootstrap: register tsx's CommonJS hook in this thread, then load the
// TypeScript entry. (Loader flags in a worker's execArgv do not reach its first module on
// Node 20, and jest's transform does not apply inside worker threads.)
require('tsx/cjs');
require('./worker-entry.ts');
