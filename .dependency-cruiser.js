/**
 * Layer rules (`npm run lint:layers`, part of `npm test`):
 * - shared/ is pure: no SDK, no framework, nothing from the app folders;
 * - the mini-program and the functions meet only in shared/;
 * - pages reach the backend only through miniprogram/services/;
 * - local-only tooling (scripts/) is never imported by shipped code;
 * - the chart library (AntV F2, ~500 KB) is reached only from subpackage pages, never the main package;
 * - the xlsx parser (member import) stays in the functions;
 * - the 工会工作台 (console/) is a separate web app: nothing shipped imports it, and it reaches
 *   the functions only through shared/ contracts (its own typed client), like the mini-program.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment: 'shared/ is used by the mini-program and the functions: it may not import an SDK, a framework or app code',
      from: { path: '^shared/' },
      to: { path: ['^miniprogram/', '^cloudfunctions/', '^scripts/', '^tests/', '^console/', 'node_modules/(@cloudbase|@tarojs|wx-server-sdk|react|react-dom)/'] },
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
      to: { path: ['^miniprogram/', '^cloudfunctions/', '^scripts/', 'node_modules/(@cloudbase|@tarojs)/'] },
    },
    {
      name: 'no-xlsx-parser-in-app',
      severity: 'error',
      comment: 'the member import reads .xlsx in the function (cloudfunctions/member/lib/importFile.ts): the mini-program and shared/ never bundle the parser',
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
