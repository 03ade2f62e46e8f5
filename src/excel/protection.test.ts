import { createExcelDouble } from './double';
import { LEDGER_PROTECTION_OPTIONS, normalisePassword, protectionFor, queueProtect, queueProtectionRead, queueUnprotect } from './protection';
import { sheetSpec } from '../workbook/schema';

function workbook() {
  const xl = createExcelDouble({ sheets: ['台账', '科室人员'] });
  xl.workbook.sheet('台账').setValues('A1:B2', [
    ['编号', '预警状态'],
    ['D-001', ''],
  ]);
  return xl;
}

describe('protection options', () => {
  test('map template.ts: select all, format rows/columns, filter, sort, insert rows; nothing else', () => {
    expect(LEDGER_PROTECTION_OPTIONS).toMatchObject({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowAutoFilter: true,
      allowSort: true,
      allowInsertRows: true,
      allowFormatCells: false,
      allowDeleteRows: false,
      allowDeleteColumns: false,
      allowInsertColumns: false,
      selectionMode: 'Normal',
    });
    expect(protectionFor(sheetSpec('台账'))).toEqual(LEDGER_PROTECTION_OPTIONS);
    expect(protectionFor(sheetSpec('科室人员'))).toBeNull();
    expect(normalisePassword('')).toBeUndefined();
    expect(normalisePassword(null)).toBeUndefined();
    expect(normalisePassword('pw')).toBe('pw');
  });
});

describe('queueUnprotect / queueProtect', () => {
  test('write to a protected sheet: unprotect with the password, write, protect again, one sync', async () => {
    const xl = workbook();
    const s = xl.workbook.sheet('台账');
    s.protect({}, 'pw');
    const state = await xl.run(async (context) => {
      const p = queueProtectionRead(context, '台账', xl.office.context.requirements);
      await context.sync();
      return p.read();
    });
    expect(state).toEqual({ protected: true, passwordProtected: true });
    // Without ExcelApiOnline 1.1 (every Excel but the web) the flag is not loaded: unknown.
    const desktop = createExcelDouble({ sheets: ['台账'], profile: 'office2021' });
    desktop.workbook.sheet('台账').protect({}, 'pw');
    const unknown = await desktop.run(async (context) => {
      const p = queueProtectionRead(context, '台账', desktop.office.context.requirements);
      await context.sync();
      return p.read();
    });
    expect(unknown).toEqual({ protected: true, passwordProtected: null });
    xl.stats.reset();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      expect(queueUnprotect(context, sheet, state.protected, 'pw')).toBe(true);
      sheet.getRange('B2').values = [['逾期']];
      expect(queueProtect(context, sheet, state.protected, 'pw')).toBe(true);
      await context.sync();
    });
    expect(xl.stats.syncs).toBe(1);
    expect(s.getValues('B2')).toEqual([['逾期']]);
    expect(s.protection).toMatchObject({ protected: true, password: 'pw', options: LEDGER_PROTECTION_OPTIONS });
  });

  test('an unprotected sheet is neither unprotected (Excel refuses) nor protected', async () => {
    const xl = workbook();
    await xl.run(async (context) => {
      expect(queueUnprotect(context, '科室人员', false)).toBe(false);
      context.workbook.worksheets.getItem('科室人员').getRange('A1').values = [['科室']];
      expect(queueProtect(context, '科室人员', false)).toBe(false);
      await context.sync();
    });
    expect(xl.workbook.sheet('科室人员').protection.protected).toBe(false);
  });

  test('without the password the unprotect fails and nothing after it is written', async () => {
    const xl = workbook();
    xl.workbook.sheet('台账').protect({}, 'pw');
    await expect(
      xl.run(async (context) => {
        queueUnprotect(context, '台账', true, '');
        context.workbook.worksheets.getItem('台账').getRange('B2').values = [['逾期']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(xl.workbook.sheet('台账').getValues('B2')).toEqual([['']]);
  });

  test('protecting a sheet that is already protected fails: pass the state read before', async () => {
    const xl = workbook();
    xl.workbook.sheet('台账').protect();
    await expect(xl.run(async (context) => void queueProtect(context, '台账', true))).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
