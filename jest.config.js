/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // tsconfig's isolatedModules makes ts-jest transpile file by file: `npm test` type-checks first (pretest: tsc).
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  },
  // The end-to-end tests run dist/: rebuild it first when the source changed since the last `npm run bundle`.
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js']
}
