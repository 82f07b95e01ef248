// The layer rules of ARCHITECTURE.md, checked on resolved paths (Biome's import rules match strings, so
// a `../../app` reached any other way would slip through). Arrows run one way:
//   app → features → runtime → (db, content) → domain; features, runtime and app may use i18n and ui;
//   i18n and ui import none of the layers above them; nothing imports src/app except src/main.tsx.
// TypeScript 7 has no JS API, so the sources are parsed by Babel's TypeScript preset.
const TEST_FILE = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle makes two modules one module in disguise; cut it by moving the shared part down.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'src/domain is pure TypeScript: it imports no other layer of the app.',
      // Tests of the engine may run it on the real content packs; shipped domain code may not import them.
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'db-and-content-below-runtime',
      severity: 'error',
      comment: 'Storage and content sit below the running session, the screens and the shell.',
      from: { path: '^src/(db|content)/', pathNot: TEST_FILE },
      to: { path: '^src/(runtime|features|app|ui)/' },
    },
    {
      name: 'runtime-below-features',
      severity: 'error',
      comment: 'src/runtime serves the features; it never reaches up into them or into the shell.',
      from: { path: '^src/runtime/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'i18n-and-ui-import-no-layer-above',
      severity: 'error',
      comment: 'i18n and ui are leaves every layer may use, so they may use none of them.',
      from: { path: '^src/(i18n|ui)/' },
      to: { path: '^src/(app|features|runtime|db|content)/' },
    },
    {
      name: 'only-main-imports-app',
      severity: 'error',
      comment: 'src/app is the composition root: nothing but src/main.tsx imports it.',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.tsx$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: ['^virtual:'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.json$'] },
    tsPreCompilationDeps: true,
    babelConfig: { fileName: 'scripts/lint/depcruise.babelrc.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
