#!/usr/bin/env node
// `npm test`: every check and every suite, in order, with one closing line for CI.
// Steps: type-check, lint, format, dependency rules, unit (core, web) + API suites, web build, browser suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isCi = process.env.CI === 'true' || process.env.CI === '1';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = mkdtempSync(join(tmpdir(), 'ketaflow-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function runVitest(project) {
  const outputFile = join(reportDir, `${project}.json`);
  const ok = run(
    `tests (${project})`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ],
    { TZ: 'UTC' },
  );
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if ((report.numTotalTests ?? 0) === 0) failures.push(`${project}: no tests ran`);
  } else if (ok) {
    failures.push(`${project}: no report`);
  }
}

run('type-check core', 'npx', ['tsc', '-p', 'packages/core']);
run('type-check server', 'npx', ['tsc', '-p', 'packages/server']);
run('type-check web', 'npx', ['tsc', '-p', 'packages/web']);
run('type-check bench', 'npx', ['tsc', '-p', 'bench']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
run('dependency rules', 'npx', ['depcruise', 'packages', '--config', '.dependency-cruiser.cjs']);

runVitest('core');
runVitest('web');
if (!process.env.TEST_DATABASE_URL) {
  console.log('\nNOTE: TEST_DATABASE_URL is not set: database suites run on PGlite only.');
}
runVitest('server');

if (existsSync(chromiumPath)) {
  if (run('build web', 'npm', ['run', 'build', '-w', '@ketaflow/web'])) runVitest('browser');
} else {
  const banner = '#'.repeat(78);
  console.log(`\n${banner}\n# BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}.`);
  console.log('# Install it with: apt-get update && apt-get install -y chromium');
  console.log(`${banner}`);
  if (isCi) failures.push('browser tests: Chromium missing under CI');
}

console.log('\n=== summary');
if (failures.length > 0) console.log(`failed steps: ${failures.join('; ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
