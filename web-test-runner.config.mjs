// Component tests of the widgets in headless Chromium (Debian's, never a downloaded one).
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Counts passed and failed tests into a file, for the closing line of `npm test`. */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) continue;
          if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load counts as a failure.
        if (!session.passed && (!session.testResults || (session.errors ?? []).length > 0)) failed += 1;
      }
      if (process.env.LOKAAL_WTR_COUNTS)
        writeFileSync(process.env.LOKAAL_WTR_COUNTS, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'widgets/tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countingReporter()],
};
