/** Print rendering: the 督查报告 and 督查看板 of a sample ledger, built with exceljs from the add-in's own
 * grids, printed to PDF by LibreOffice headless and to PNG by pdftoppm (build/screenshots/督查报告-*.png).
 * Needs `soffice` and `pdftoppm`: scripts/install-system-deps.sh. One worker (two-core machine). */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/render'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 300000,
  maxWorkers: 1,
};
