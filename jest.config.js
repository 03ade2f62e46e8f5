/** Unit, property and component tests. Type checking is `npm run typecheck` (tsc), so ts-jest
 * only transpiles (isolatedModules) and stays fast. Browser and LibreOffice tests live in
 * test/e2e, test/recalc and test/render and run through their own configs (see package.json). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/recalc/', '<rootDir>/test/render/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: { '\\.(css|png|svg)$': '<rootDir>/test/support/file-stub.js' },
};
