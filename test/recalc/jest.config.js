/** LibreOffice recalculation tests: the workbook's formulas against the domain core, cell by cell.
 * Needs `soffice` (libreoffice-calc) and `pdftoppm` (poppler-utils): scripts/install-system-deps.sh.
 * One worker: the suites each start LibreOffice, and this machine has two cores. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/recalc'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 300000,
  maxWorkers: 1,
};
