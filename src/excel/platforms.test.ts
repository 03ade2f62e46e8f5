/**
 * Every action under each Excel the manifest admits (src/excel/double/profiles.ts): the Microsoft 365
 * builds, Office 2021 and Mac lack ExcelApiOnline (Excel on the web only), so 初始化台账 must work
 * without `WorksheetProtection.isPasswordProtected`, and every action either works or stops with a
 * zh-CN message naming what this Excel lacks. Office 2019 (ExcelApi 1.8) is below the manifest:
 * Office does not offer the add-in there; if it ran anyway, 初始化台账 says what is missing.
 */
import { newOperationId } from '../domain/itemNumber';
import type { Actor } from '../domain/workflow';
import { createPreviewLedger } from '../preview/previewLedger';
import { createExcelDouble, type ExcelDouble, type ExcelProfileName } from './double';
import { attachProfile } from './double/profiles';
import { syncMessage } from './operationLog';
import { platform } from '../i18n/platform';
import { initialiseLedger } from './initialise';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext, LedgerService } from './ledgerService';

const TODAY = '2026-11-20';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
let seq = 0;
function ctx(actor: Actor = clerk): ActionContext {
  const now = new Date(`${TODAY}T09:30:00`);
  seq += 1;
  return { actor, on: TODAY, now, opId: `${newOperationId(now, () => 0.5)}-p${seq}` };
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const protectedSheets = (xl: ExcelDouble) => xl.workbook.sheetNames().filter((n) => xl.workbook.sheet(n).protection.protected);

describe.each(['web', 'm365-windows', 'office2021', 'mac'] as ExcelProfileName[])('%s', (profile) => {
  let xl: ExcelDouble;
  let svc: LedgerService;

  beforeAll(async () => {
    xl = await createPreviewLedger({ today: TODAY, items: 12, seed: 7, profile });
    svc = createLedgerService(xl.run, { runOn: xl.runOn, clock: () => new Date(`${TODAY}T10:00:00`) });
  }, 60_000);

  test('初始化台账 again (repair of a protected ledger) works, with this Excel’s requirement checks', async () => {
    const before = protectedSheets(xl);
    expect(before.length).toBeGreaterThan(0);
    ok(await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements }));
    expect(protectedSheets(xl)).toEqual(before);
  });

  test('every action works', async () => {
    const snap = await svc.snapshot();
    expect(snap.initialised).toBe(true);
    const section = snap.items[0].section;
    ok(await svc.register({ source: '其他', level: '台账其他任务', content: '平台测试事项', section, kind: '一般' }, ctx()));
    const open = snap.items.find((i) => ['已交办', '办理中', '申请办结', '已初核'].includes(i.state))!;
    ok(await svc.act(open.id, { type: '催办', content: '请加快' }, ctx()));
    ok(await svc.urgeOverdue(section, '请于本周内报送', ctx()));
    ok(await svc.generateRound({ from: '2026-11-01', to: TODAY }, ctx()));
    ok(await svc.freezeMonth('2026-10', ctx()));
    ok(await svc.refreshDashboard(TODAY));
    const audit = await svc.audit();
    expect(audit).toBeDefined();
    const off = await svc.onSelectItem(() => undefined);
    off();
    await svc.selectItem(open.id);
    ok(await svc.initialise());
  }, 60_000);
});

describe('a sheet protected with a password nobody typed in 设置', () => {
  async function lockedLedger(profile: ExcelProfileName): Promise<ExcelDouble> {
    const xl = await createPreviewLedger({ today: TODAY, items: 3, seed: 7, profile });
    const s = xl.workbook.sheet('反馈记录');
    s.unprotect();
    s.protect({}, '别人设的密码');
    // make 反馈记录 need a repair, so 初始化台账 has to unprotect it
    xl.workbook.sheet('反馈记录').withoutProtection(() => xl.workbook.sheet('反馈记录').setValues('A1', [['编号X']]));
    return xl;
  }

  test('web (ExcelApiOnline): known beforehand — refused, nothing written', async () => {
    const xl = await lockedLedger('web');
    const r = await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('password-required');
    expect(xl.workbook.sheet('反馈记录').getValues('A1')).toEqual([['编号X']]);
  });

  test.each(['office2021', 'mac'] as ExcelProfileName[])('%s: found out at unprotect — says so in zh-CN, no sheet left unprotected', async (profile) => {
    const xl = await lockedLedger(profile);
    const before = protectedSheets(xl);
    const r = await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^初始化台账未完成：解除工作表“.*反馈记录.*”的保护时被拒绝/);
      expect(r.error.message).toContain('ExcelApiOnline 1.1');
    }
    expect(protectedSheets(xl)).toEqual(before);
  });
});

test('office2019 (ExcelApi 1.8, below the manifest): 初始化台账 names what this Excel lacks', async () => {
  const xl = createExcelDouble({ sheets: ['Sheet1'], profile: 'office2019' });
  const r = await initialiseLedger(xl.run, { today: TODAY, requirements: xl.office.context.requirements });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('unsupported');
    expect(r.error.message).toMatch(/^此版本的 Excel 缺少本加载项需要的功能（.+，属于 ExcelApi 1\.9 要求集）/);
  }
});

test('office2019: an ApiNotFound from an action (Range.find, ExcelApi 1.9) reads in zh-CN through syncMessage', async () => {
  const xl = await createPreviewLedger({ today: TODAY, items: 3, seed: 7 });
  attachProfile(xl.workbook, 'office2019'); // the same workbook, opened in an Excel that stops at ExcelApi 1.8
  const e = await xl
    .run(async (context) => {
      context.workbook.tables.getItem('台账').columns.getItem('编号').getRange().find('x', { completeMatch: true }).load('address');
      await context.sync();
    })
    .catch((error: unknown) => error);
  expect(syncMessage(e)).toBe(platform.apiMissing('Range.find，属于 ExcelApi 1.9 要求集'));
});
