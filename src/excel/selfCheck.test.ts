/**
 * 自检 on the Excel double under every requirement-set profile: the temporary sheet comes and goes,
 * the workbook is otherwise untouched, and a profile that lacks something says so in plain zh-CN.
 */
import { platform } from '../i18n/platform';
import { createExcelDouble, PROFILE_NAMES, type ExcelProfileName } from './double';
import { runSelfCheck } from './selfCheck';
import { CHECK_IDS, failures, reportText } from './selfCheckModel';

const NOW = () => new Date('2026-11-20T09:30:00Z');

async function check(profile: ExcelProfileName) {
  const xl = createExcelDouble({ sheets: ['台账'], profile, workbookName: '督办台账.xlsx' });
  xl.workbook.sheet('台账').setValues('A1:B2', [
    ['编号', '事项'],
    ['DB-2026-0001', '修路灯'],
  ]);
  const before = JSON.stringify(xl.workbook.sheet('台账').snapshotGrid());
  const report = await runSelfCheck({ run: xl.run, runOn: xl.runOn, office: xl.office, now: NOW, eventWaitMs: 300 });
  expect(xl.workbook.sheetNames()).toEqual(['台账']);
  expect(JSON.stringify(xl.workbook.sheet('台账').snapshotGrid())).toBe(before);
  expect(xl.events.handlerCount).toBe(0);
  return report;
}

describe.each(['web', 'm365-windows', 'office2021', 'mac'] as ExcelProfileName[])('%s', (profile) => {
  test('every check passes; the report names host, platform, build and the sets', async () => {
    const report = await check(profile);
    expect(report.results.map((r) => r.id)).toEqual([...CHECK_IDS]);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    const text = reportText(report);
    expect(text).toContain('ExcelApi 1.9：支持');
    expect(text).toContain(profile === 'web' ? 'ExcelApiOnline 1.1：支持' : 'ExcelApiOnline 1.1：不支持');
    expect(text).toContain(platform.selfCheck.allPassed);
    expect(report.host.host).toBe('Excel');
    expect(report.host.version).not.toBe('');
    // the protected append (unlocked cells): the double lets the table grow; real Excel may refuse —
    // either passes, and the detail says which (that is what the check is for)
    expect([platform.selfCheck.detail.protectedAppended, platform.selfCheck.detail.protectedRefused]).toContain(
      report.results.find((r) => r.id === 'appendProtected')?.detail,
    );
    // Excel reads [#This Row] back as [@列] (shared notes); the double returns what was written: both are recognised
    expect(report.results.find((r) => r.id === 'structuredFormula')?.detail).toMatch(/^读回为 =(\[@数量\]|自检表\d+\[\[#This Row\],\[数量\]\])\*2，/);
  }, 60_000);
});

test('office2019 (ExcelApi 1.8): page layout and find fail, and the report says so in plain Chinese', async () => {
  const report = await check('office2019');
  const bad = report.results.filter((r) => !r.ok).map((r) => r.id);
  expect(bad).toEqual(['findApostrophe', 'pageLayout']);
  expect(report.results.find((r) => r.id === 'pageLayout')?.detail).toBe(platform.apiMissing('Worksheet.pageLayout，属于 ExcelApi 1.9 要求集'));
  const text = reportText(report);
  expect(text).toContain('ExcelApi 1.9：不支持（必需（清单要求））');
  expect(text).toContain('查找以撇号输入的文本：失败');
  expect(text).toContain(platform.selfCheck.someFailed(3, ['ExcelApi 1.9', '查找以撇号输入的文本', '页面设置']));
  expect(failures(report)).toHaveLength(3);
}, 60_000);

test('all profiles are covered', () => {
  expect([...PROFILE_NAMES].sort()).toEqual(['m365-windows', 'mac', 'office2019', 'office2021', 'web']);
});
