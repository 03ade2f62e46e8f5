/**
 * The layer rules of eslint.config.js ("Layers") fail `npm run lint` when a module reaches across:
 * the pure core into the workbook, the adapter or the pane; the workbook schema into the adapter;
 * the pane into the adapter's values. Checked here on sample text, so a config change that quietly
 * drops a rule fails the tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** Lint `code` as if it were `file`, through the eslint CLI (its config loader needs real ESM). */
async function boundaryErrors(file: string, code: string): Promise<number> {
  const out = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(out.stdout) as { messages: { ruleId: string | null }[] }[];
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length;
}

test.each([
  ['src/domain/sample.ts', "import { columnLetter } from '../workbook/schema';\nexport const x = columnLetter;\n"],
  ['src/domain/sample.ts', "import type { ExcelRun } from '../excel/run';\nexport type X = ExcelRun;\n"],
  ['src/domain/sample.ts', "import { Button } from '@fluentui/react-components';\nexport const x = Button;\n"],
  ['src/workbook/sample.ts', "import { cellText } from '../excel/cells';\nexport const x = cellText;\n"],
  ['src/taskpane/pages/Sample.tsx', "import { readWorkbookInfo } from '../../excel/workbookInfo';\nexport const x = readWorkbookInfo;\n"],
])(
  '%s may not import: %s',
  async (file, code) => {
    expect(await boundaryErrors(file, code)).toBe(1);
  },
  60_000,
);

test.each([
  ['src/domain/sample.ts', "import { isIsoDate } from './dates';\nimport { ui } from '../i18n';\nexport const x = [isIsoDate, ui];\n"],
  ['src/workbook/sample.ts', "import { isIsoDate } from '../domain/dates';\nexport const x = isIsoDate;\n"],
  ['src/taskpane/pages/Sample.tsx', "import type { LedgerService } from '../../excel/ledgerService';\nexport type X = LedgerService;\n"],
  ['src/taskpane/index.tsx', "import { workbookTools } from '../excel/workbookTools';\nexport const x = workbookTools;\n"],
])(
  '%s may import: %s',
  async (file, code) => {
    expect(await boundaryErrors(file, code)).toBe(0);
  },
  60_000,
);
