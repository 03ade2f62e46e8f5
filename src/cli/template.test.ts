/** `npm run template`: argument parsing and the file it writes. */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseArgs } from './template';
import '../workbook/exceljsPatch';

// Writing and reading whole workbooks takes seconds on a busy machine.
jest.setTimeout(60_000);

test('parseArgs', () => {
  expect(parseArgs([])).toEqual({ sample: 0, out: '督办台账.xlsx', seed: 13710, protect: true });
  expect(parseArgs(['--sample', '200', '--out', 'build/x.xlsx', '--today', '2026-11-25', '--seed', '3', '--no-protect'])).toEqual({
    sample: 200,
    out: 'build/x.xlsx',
    today: '2026-11-25',
    seed: 3,
    protect: false,
  });
  expect(parseArgs(['--today', '2026-02-30'])).toHaveProperty('error');
  expect(parseArgs(['--sample', 'x'])).toHaveProperty('error');
  expect(parseArgs(['--bogus'])).toHaveProperty('error');
});

test('writes the workbook relative to where the command was typed, and says so in Chinese', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-cli-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const oldCwd = process.env.INIT_CWD;
  process.env.INIT_CWD = dir;
  try {
    expect(await main(['--sample', '20', '--out', 'out/台账.xlsx', '--today', '2026-11-25'])).toBe(0);
    const file = join(dir, 'out', '台账.xlsx');
    expect(existsSync(file)).toBe(true);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    expect(printed).toContain(`已生成督办台账：${file}`);
    expect(printed).toMatch(/示例数据：20 件事项，\d+ 条反馈记录/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('台账')!.getCell('A2').value).toMatch(/^DB-2026-\d{4}$/);
  } finally {
    if (oldCwd === undefined) delete process.env.INIT_CWD;
    else process.env.INIT_CWD = oldCwd;
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad argument prints the usage and fails', async () => {
  const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    expect(await main(['--sample'])).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toContain('用法');
  } finally {
    err.mockRestore();
  }
});
