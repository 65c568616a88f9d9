/** Dependency rules of design.md, checked by `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'core runs in the browser and the server alike, so it imports nothing outside itself (no node:*, no packages but zod, @noble/hashes, date-fns and @date-fns/tz).',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        pathNot: [
          '^packages/core/src',
          'node_modules/zod',
          'node_modules/@noble/hashes',
          'node_modules/date-fns',
          'node_modules/@date-fns/tz',
        ],
      },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'core has no I/O: Node built-ins would tie it to one runtime.',
      severity: 'error',
      from: { path: '^packages/core' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-never-imports-server',
      comment:
        'The web app talks to the server over HTTP only; importing server code would bundle secrets and Node APIs.',
      severity: 'error',
      from: { path: '^packages/web' },
      to: { path: '^packages/server' },
    },
    {
      name: 'server-never-imports-web',
      comment: 'The server serves the built web app as files; it must not depend on its source.',
      severity: 'error',
      from: { path: '^packages/server' },
      to: { path: '^packages/web' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles hide initialisation-order bugs and block splitting modules.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist', '\\.test\\.tsx?$', '/e2e/', '/test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
