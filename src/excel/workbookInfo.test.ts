import { LEDGER_SHEETS } from '../workbook/ledgerSheets';
import type { ExcelRun } from './run';
import { readWorkbookInfo } from './workbookInfo';

/**
 * A strict hand-written fake of the part of Excel.RequestContext that readWorkbookInfo uses.
 * Like Office, a property can be read only after it was loaded AND a sync happened; it counts
 * round trips. (office-addin-mock cannot load a collection's `items/name`, so it does not fit.)
 */
function fakeExcel(workbookName: string, sheetNames: string[]) {
  const calls = { syncs: 0, loads: [] as string[] };
  const requested = new Set<string>();
  const loaded = new Set<string>();
  const read = <T>(key: string, value: T): T => {
    if (!loaded.has(key)) throw new Error(`PropertyNotLoaded: ${key}`);
    return value;
  };
  const worksheets = {
    load(properties: string) {
      calls.loads.push(`worksheets:${properties}`);
      if (properties === 'items/name' || properties === 'items') requested.add('worksheets.items');
      return worksheets;
    },
    get items() {
      return read(
        'worksheets.items',
        sheetNames.map((name) => ({ name })),
      );
    },
  };
  const workbook = {
    load(properties: string) {
      calls.loads.push(`workbook:${properties}`);
      if (properties === 'name') requested.add('workbook.name');
      return workbook;
    },
    get name() {
      return read('workbook.name', workbookName);
    },
    worksheets,
  };
  const context = {
    workbook,
    async sync() {
      calls.syncs++;
      requested.forEach((key) => loaded.add(key));
      requested.clear();
    },
  };
  const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
  return { run, calls };
}

describe('readWorkbookInfo', () => {
  it('reads the name and every ledger sheet in one sync', async () => {
    const { run, calls } = fakeExcel('督办台账2026.xlsx', ['台账', 'Sheet1', '设置', '科室人员']);

    const info = await readWorkbookInfo(run);

    expect(calls.syncs).toBe(1);
    expect(calls.loads.sort()).toEqual(['workbook:name', 'worksheets:items/name']);
    expect(info.name).toBe('督办台账2026.xlsx');
    expect(Object.keys(info.sheets)).toEqual([...LEDGER_SHEETS]);
    expect(info.sheets['台账']).toBe(true);
    expect(info.sheets['设置']).toBe(true);
    expect(info.sheets['科室人员']).toBe(true);
    expect(info.sheets['反馈记录']).toBe(false);
    expect(info.sheets['操作日志']).toBe(false);
    expect(info.sheets).not.toHaveProperty('Sheet1');
  });

  it('reports every sheet missing in an empty workbook', async () => {
    const { run, calls } = fakeExcel('新建 Microsoft Excel 工作表.xlsx', ['Sheet1']);
    const info = await readWorkbookInfo(run);
    expect(calls.syncs).toBe(1);
    expect(Object.values(info.sheets).every((present) => present === false)).toBe(true);
  });

  it('passes Excel errors on', async () => {
    const failing: ExcelRun = () => Promise.reject(new Error('RichApi.Error: 无法访问工作簿'));
    await expect(readWorkbookInfo(failing)).rejects.toThrow('无法访问工作簿');
  });
});
