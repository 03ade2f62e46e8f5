/** Browser tests: build dist/ once (globalSetup), serve it, drive headless Chromium. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
