const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  // Two workers at least: jest's default (cores - 1) runs a 2-core machine's suites one after another,
  // in band, and most of a slow suite's time is spent waiting on LibreOffice, chromium or webpack, while
  // the other core could run the next suite. `-w 1` on the command line still overrides it.
  maxWorkers: Math.max(2, (os.availableParallelism ? os.availableParallelism() : os.cpus().length) - 1),
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120000,
  // The longest suites first (the invariant suites would otherwise start last on a clean checkout).
  testSequencer: '<rootDir>/test/support/longFirstSequencer.js',
  reporters: ['default', '<rootDir>/test/support/plainSummaryReporter.js'],
  // office-addin-mock pulls in ESM-only strip-bom and uuid; CommonJS shims let jest load it.
  moduleNameMapper: {
    '^strip-bom$': '<rootDir>/test/support/officeMockShims/strip-bom.js',
    '^uuid$': '<rootDir>/test/support/officeMockShims/uuid.js',
  },
};
