/**
 * Requirement-set profiles (profiles.ts; sources in its header): what each Excel reports through
 * Office.context.requirements, and ApiNotFound for a member outside the profile — or, on a profile
 * that has it, for a member beyond the manifest's ExcelApi 1.9 used without asking first.
 */
import { PROFILES, PROFILE_NAMES, createExcelDouble, type ExcelProfileName } from './index';
import { refersToOtherCells } from './profiles';

const loadPasswordFlag = (xl: ReturnType<typeof createExcelDouble>) =>
  xl.run(async (context) => {
    const p = context.workbook.worksheets.getItem('Sheet1').protection.load('isPasswordProtected');
    await context.sync();
    return p.isPasswordProtected;
  });

describe('isSetSupported per profile', () => {
  const table: Record<ExcelProfileName, [string, string, boolean][]> = {
    web: [
      ['ExcelApi', '1.9', true],
      ['ExcelApi', '1.20', true],
      ['ExcelApiOnline', '1.1', true],
      ['ExcelApiDesktop', '1.1', false],
    ],
    'm365-windows': [
      ['ExcelApi', '1.9', true],
      ['ExcelApi', '1.20', true],
      ['ExcelApiOnline', '1.1', false],
      ['ExcelApiDesktop', '1.1', true],
    ],
    office2021: [
      ['ExcelApi', '1.9', true],
      ['ExcelApi', '1.14', true],
      ['ExcelApi', '1.15', false],
      ['ExcelApiOnline', '1.1', false],
    ],
    mac: [
      ['ExcelApi', '1.9', true],
      ['ExcelApi', '1.20', true],
      ['ExcelApiOnline', '1.1', false],
    ],
    office2019: [
      ['ExcelApi', '1.8', true],
      ['ExcelApi', '1.9', false],
      ['ExcelApiOnline', '1.1', false],
    ],
  };
  test.each(PROFILE_NAMES)('%s', (name) => {
    const xl = createExcelDouble({ profile: name });
    for (const [set, version, expected] of table[name]) {
      expect([set, version, xl.office.context.requirements.isSetSupported(set, version)]).toEqual([set, version, expected]);
    }
    expect(xl.office.context.diagnostics).toEqual({ host: 'Excel', platform: PROFILES[name].platform, version: PROFILES[name].version });
  });

  test('the default profile is the web', () => {
    expect(createExcelDouble().profile).toBe('web');
  });
});

describe('a member outside the profile fails as office.js does (ApiNotFound)', () => {
  test.each(['office2021', 'mac', 'm365-windows'] as const)('%s: isPasswordProtected (ExcelApiOnline 1.1)', async (profile) => {
    const xl = createExcelDouble({ profile });
    expect(xl.office.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(false);
    await expect(loadPasswordFlag(xl)).rejects.toMatchObject({
      code: 'ApiNotFound',
      message:
        'The method or property WorksheetProtection.isPasswordProtected is part of the ExcelApiOnline 1.1 requirement set, which is not available in your version of Excel.',
    });
  });

  test('office2019: Range.find and Worksheet.pageLayout (ExcelApi 1.9)', async () => {
    const xl = createExcelDouble({ profile: 'office2019' });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').find('x', { completeMatch: true }).load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('office2021 has everything up to ExcelApi 1.14 without asking (the manifest requires 1.9)', async () => {
    const xl = createExcelDouble({ profile: 'office2021' });
    xl.workbook.sheet('Sheet1').setValues('A1:A3', [['a'], ['b'], ['c']]);
    const address = await xl.run(async (context) => {
      const hit = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').find('b', { completeMatch: true }).load('address');
      context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
      await context.sync();
      return hit.address;
    });
    expect(address).toBe('Sheet1!A2');
  });
});

describe('web: a member beyond the manifest needs isSetSupported first (stricter than Excel)', () => {
  test('unchecked: ApiNotFound naming the check to make', async () => {
    const xl = createExcelDouble({ profile: 'web' });
    await expect(loadPasswordFlag(xl)).rejects.toMatchObject({
      code: 'ApiNotFound',
      message: expect.stringContaining("isSetSupported('ExcelApiOnline', '1.1')"),
    });
  });

  test('checked: the flag is read', async () => {
    const xl = createExcelDouble({ profile: 'web' });
    xl.workbook.sheet('Sheet1').protect({}, 'pw');
    expect(xl.office.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(true);
    await expect(loadPasswordFlag(xl)).resolves.toBe(true);
  });
});

describe('refersToOtherCells (office-js #5299 model)', () => {
  const Y = { r0: 1, r1: 999, c0: 24, c1: 24 }; // Y2:Y1000
  const row = { r0: 1, r1: 999, c0: 0, c1: 39 }; // A2:AN1000
  test.each([
    ['=$Y2="逾期"', Y, false],
    ['=Y2="逾期"', Y, false],
    ['=$Y2="逾期"', row, true],
    ['=AND($Y2="逾期",N($AA2)>0)', Y, true],
    ['=$Y$2="逾期"', Y, true],
    ['=Y2>今天', Y, true],
    ['=设置!B2=1', Y, true],
    ['=TRUE', Y, false],
  ] as const)('%s', (formula, rect, expected) => {
    expect(refersToOtherCells(formula, rect)).toBe(expected);
  });
});
