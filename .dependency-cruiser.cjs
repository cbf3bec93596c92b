// Module boundaries, checked by `npm run boundaries` and by `npm test` (docs/ARCHITECTURE.md explains them).
// Type-only imports count: a boundary that only holds at run time is not a boundary.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      severity: 'error',
      comment:
        'A module imports another module only through that module’s index.ts (its public surface), never its ' +
        'routes, services, repositories or rule files.',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/[^/]+/',
        pathNot: [
          '^apps/server/src/modules/$1/',
          '^apps/server/src/modules/[^/]+/index\\.ts$',
          // Another module's test factories (e.g. a county with compounds) serve tests; see the next rule.
          '^apps/server/src/modules/[^/]+/[^/]+\\.test-support\\.ts$',
        ],
      },
    },
    {
      name: 'test-support-only-in-tests',
      severity: 'error',
      comment: 'Test factories write rows directly, past every rule: only tests and other test support may use them.',
      from: { path: '^apps/server/src/', pathNot: '(\\.test|\\.test-support|-test-kit)\\.ts$' },
      to: { path: '(\\.test-support\\.ts|/test/(factories|harness)\\.ts)$' },
    },
    {
      name: 'platform-and-db-not-modules',
      severity: 'error',
      comment:
        'platform/ and db/ are cross-cutting and know no domain: they never import a module. A module hands the ' +
        'platform what it needs through an interface (e.g. ScopeResolver in platform/context.ts). Their tests run ' +
        'the whole app, as test/harness.ts does, and may use a module’s test factories.',
      from: { path: '^apps/server/src/(platform|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'contracts-not-apps',
      severity: 'error',
      comment: 'packages/contracts is imported by the server and both front ends; it imports nothing from apps/.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-only-zod',
      severity: 'error',
      comment:
        'packages/contracts runs in browsers and on the server: besides its own files it imports zod and nothing ' +
        'else (no Node built-ins, no other packages). Its colocated *.test.ts files may import vitest.',
      from: { path: '^packages/contracts/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/contracts/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'front-ends-not-server',
      severity: 'error',
      comment: 'The console and the H5 talk to the server over HTTP; shared shapes live in packages/contracts.',
      from: { path: '^apps/(admin|mobile)/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'no-circular-server',
      severity: 'error',
      comment: 'No import cycles inside apps/server/src: dependencies point one way (modules → platform → db).',
      from: { path: '^apps/server/src/' },
      to: { path: '^apps/server/src/', circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would hide a boundary violation from every rule above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^apps/[^/]+/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
