/**
 * Layer rules (`npm run lint:layers`, part of `npm test`):
 * - shared/ is pure: no SDK, no framework, nothing from the app folders, no Node built-ins;
 * - the mini-program and the functions meet only in shared/;
 * - each function folder imports only itself, cloudfunctions/_lib/ and shared/ (functions are
 *   bundled and deployed one by one: another domain's code would ship as a private copy);
 * - pages reach the backend only through miniprogram/services/ (rule services-entry-points), and
 *   keep request ids only through miniprogram/hooks/useRetrySafeSend.ts (rule request-ids-through-hook);
 * - local-only tooling (scripts/) is never imported by shipped code;
 * - the chart library (AntV F2, ~500 KB) is reached only from subpackage pages, never the main package;
 * - the xlsx parser (member import) stays in the functions;
 * - the 工会工作台 (console/) is a separate web app: nothing shipped imports it, and it reaches
 *   the functions only through shared/ contracts (its own typed client), like the mini-program;
 * - the local cloud's core (scripts/local-cloud/core/: database, function host, timers, quota)
 *   emulates CloudBase for any app: it imports nothing of this one (rule local-cloud-core-standalone).
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ is used by the mini-program and the functions: it may not import an SDK, a framework or app code',
      from: { path: '^shared/' },
      to: {
        path: [
          '^miniprogram/',
          '^cloudfunctions/',
          '^scripts/',
          '^tests/',
          '^console/',
          'node_modules/(@cloudbase|@tarojs|wx-server-sdk|react|react-dom)/',
        ],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment:
        'shared/ runs in the mini-program too, which has no Node built-ins (node:crypto, fs, …): inject what needs one (shared/benefit/draw.ts takes its hash as a parameter)',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cross-function-imports',
      severity: 'error',
      comment:
        'a function folder imports only its own files, cloudfunctions/_lib/ and shared/: each function is bundled on its own, so another domain’s code would ship as a private, drifting copy. Reach another domain through its function (cloudfunctions/_lib/internal.ts)',
      from: { path: '^cloudfunctions/([^/_][^/]*)/' },
      to: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/$1/', '^cloudfunctions/_lib/'] },
    },
    {
      name: 'lib-is-not-a-function',
      severity: 'error',
      comment: 'cloudfunctions/_lib/ is bundled into every function: it imports no function folder',
      from: { path: '^cloudfunctions/_lib/' },
      to: { path: '^cloudfunctions/', pathNot: '^cloudfunctions/_lib/' },
    },
    {
      name: 'services-entry-points',
      severity: 'error',
      comment:
        'pages reach the backend only through miniprogram/services/: code outside services/ imports from it only api.ts (the typed client of every function), requestId.ts (the idempotency key a retried call reuses) and notify.ts (askSubscribe, the WeChat subscribe prompt); the transport (cloud.ts, localCloud.ts, files.ts, …) and the per-domain clients are reached through api only',
      from: { path: '^miniprogram/', pathNot: '^miniprogram/services/' },
      to: { path: '^miniprogram/services/', pathNot: '^miniprogram/services/(api|requestId|notify)\\.ts$' },
    },
    {
      name: 'request-ids-through-hook',
      severity: 'error',
      comment:
        'a page keeps the request id of a change through miniprogram/hooks/useRetrySafeSend.ts (useRetrySafeCalls / useRetrySafeSend): the same id while the answer is lost, a new one after a final answer. Ids made by hand beside it drifted (kept after a refusal, shared between two actions)',
      from: { path: '^miniprogram/', pathNot: '^miniprogram/(services|hooks)/' },
      to: { path: '^miniprogram/services/requestId\\.ts$' },
    },
    {
      name: 'miniprogram-not-functions',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: ['^cloudfunctions/', '^scripts/', 'node_modules/@cloudbase/'] },
    },
    {
      name: 'functions-not-miniprogram',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: ['^miniprogram/', '^scripts/', 'node_modules/@tarojs/'] },
    },
    {
      name: 'miniprogram-not-console',
      severity: 'error',
      comment: 'the 工会工作台 is a separate web app (dist/console): the weapp must not bundle a byte of it',
      from: { path: '^(miniprogram|cloudfunctions)/' },
      to: { path: '^console/' },
    },
    {
      name: 'console-through-shared',
      severity: 'error',
      comment: 'the 工会工作台 meets the functions in shared/ (contracts, types, pure rules) and calls them through console/src/api only',
      from: { path: '^console/' },
      to: { path: ['^miniprogram/', '^cloudfunctions/', '^scripts/', 'node_modules/@tarojs/', 'node_modules/@cloudbase/(?!js-sdk/)'] },
    },
    {
      name: 'js-sdk-only-in-console-transport',
      severity: 'error',
      comment:
        "@cloudbase/js-sdk is the 工会工作台's CloudBase transport (console/src/api, docs/console.md): nothing else imports it, so neither the weapp nor the functions bundle it",
      from: { pathNot: '^console/src/api/' },
      to: { path: 'node_modules/@cloudbase/js-sdk/' },
    },
    {
      name: 'no-xlsx-parser-in-app',
      severity: 'error',
      comment:
        'the member import reads .xlsx in the function (cloudfunctions/member/lib/importFile.ts): the mini-program and shared/ never bundle the parser',
      from: { path: '^(miniprogram|shared|console)/' },
      to: { path: 'node_modules/(read-excel-file|fflate|saxen)/' },
    },
    {
      name: 'charts-only-in-subpackages',
      severity: 'error',
      comment: 'components/charts pulls in AntV F2: import it only from miniprogram/packages/** so it stays out of the weapp main package',
      from: { path: '^miniprogram/', pathNot: '^miniprogram/(packages|components/charts)/' },
      to: { path: ['^miniprogram/components/charts/', 'node_modules/@antv/'] },
    },
    {
      name: 'local-cloud-core-standalone',
      severity: 'error',
      comment:
        'scripts/local-cloud/core/ emulates CloudBase (database wire protocol, function host, timers, quota) and knows no app: it imports only its own files and packages. The app’s wiring (collections, personas, seed, secrets, the front door’s envelopes) lives beside it in scripts/local-cloud/ and passes what the core needs as options',
      from: { path: '^scripts/local-cloud/core/' },
      to: { path: '^(miniprogram|cloudfunctions|shared|console|scripts|tests|config|types)/', pathNot: '^scripts/local-cloud/core/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(shared|cloudfunctions|miniprogram|console)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules is not excluded (doNotFollow above keeps it from being crawled): excluding it
    // dropped every dependency on a package from the graph, so the rules above that name one never fired.
    exclude: { path: ['^dist/', '^miniprogram/native/'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
