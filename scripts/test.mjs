// Runs every check and every test of the repository, then prints one plain closing line
// `N passed, N failed` that counts them all (each check counts as one).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TZ: 'Europe/Amsterdam', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status === 0) {
    passed += 1;
  } else {
    failed += 1;
    failures.push(name);
  }
  return result.status === 0;
}

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const npx = 'npx';
const built = run('build (tsc, CDN bundle with size budgets, elements manifest)', 'npm', [
  'run',
  '--silent',
  'build',
]);
run('type check (tsc --noEmit, tests included)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('type check of the widgets and their tests', npx, ['tsc', '-p', 'widgets/tsconfig.test.json']);
run('type check of the extension and its tests', npx, ['tsc', '-p', 'extension/tsconfig.json']);
run('lint (eslint)', npx, ['eslint', '--max-warnings', '0', '.']);
if (built) {
  // Mozilla's own checks on the Firefox build: errors fail, warnings (lit-html's static
  // template innerHTML) are reported.
  run('lint of the Firefox extension build (addons-linter)', npx, [
    'addons-linter',
    '--output',
    'text',
    'extension/dist/firefox',
  ]);
}
run('format (prettier --check)', npx, ['prettier', '--check', '--log-level', 'warn', '.']);

if (built) {
  const files = ['packages', 'extension', 'test'].flatMap((dir) => findTests(join(root, dir))).sort();
  const reportDir = mkdtempSync(join(tmpdir(), 'lokaal-test-'));
  const tap = join(reportDir, 'report.tap');
  console.log(`\n▶ tests (${files.length} files)`);
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: root, env, stdio: 'inherit' },
  );
  const report = readFileSync(tap, 'utf8');
  const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const testsPassed = count('pass');
  const testsFailed = count('fail') + count('cancelled');
  rmSync(reportDir, { recursive: true, force: true });
  if (testsPassed + testsFailed === 0) {
    failed += 1;
    failures.push('tests: none ran');
  }
  passed += testsPassed;
  failed += testsFailed;
  if (testsFailed > 0) failures.push(`${testsFailed} test(s)`);
}

if (built && findTests(join(root, 'widgets')).length > 0) {
  const reportDir = mkdtempSync(join(tmpdir(), 'lokaal-wtr-'));
  const countsFile = join(reportDir, 'counts.json');
  console.log('\n▶ component tests (web-test-runner, headless Chromium)');
  const result = spawnSync(npx, ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
    cwd: root,
    env: { ...env, LOKAAL_WTR_COUNTS: countsFile },
    stdio: 'inherit',
  });
  let counts = { passed: 0, failed: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    // No counts: the runner did not get to run the tests.
  }
  rmSync(reportDir, { recursive: true, force: true });
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  if (counts.failed > 0) failures.push(`${counts.failed} component test(s)`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
