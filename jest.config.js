/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/plainSummaryReporter.js'],
  // office-addin-mock pulls in ESM-only strip-bom and uuid; CommonJS shims let jest load it.
  moduleNameMapper: {
    '^strip-bom$': '<rootDir>/test/support/officeMockShims/strip-bom.js',
    '^uuid$': '<rootDir>/test/support/officeMockShims/uuid.js',
  },
};
