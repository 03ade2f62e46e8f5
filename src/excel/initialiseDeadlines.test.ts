/**
 * A ledger made before 结构版本 4 (the 台账 table ends at 佐证材料, 日历 at 第N个工作日; 1天/3天应报日,
 * 办结时限, 预警状态, 逾期天数 and the 不落实 step columns hold the older, longer formulas): it reads as
 * it is; 立项 (and 重新立项, 导入) is refused there (the new row's formulas would read the helpers it lacks and compute
 * wrong dates, not errors) until 初始化台账 has appended the helpers at the tables' ends, filled them
 * and rewritten the changed formula columns — without moving a column or losing a typed cell —
 * and then 立项 works and 校验台账 finds nothing.
 */
import { makeItem } from '../domain/testing/itemFactory';
import type { Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import { auditLedger } from './audit';
import { initialiseLedger } from './initialise';
import { createLedgerService } from './ledgerGateway';
import { applyImport, previewImport } from './importApply';
import type { ActionContext } from './ledgerService';
import { NONIMPL_STEPS } from '../workbook/formulas';
import { SCHEMA_VERSION, columnLetter, formulaForRow, sheetSpec } from '../workbook/schema';
import { V4_CALENDAR_COLUMNS, V4_LEDGER_COLUMNS, downgrade, ledgerColumnsOf } from './testing/olderLedger';
import { okValue as value, ledgerWithRows } from './testing/initialisedLedger';

const TODAY = '2026-03-16';
const LEDGER = sheetSpec('台账').tables[0];
const CALENDAR = sheetSpec('日历').tables[0];
const OLD_COLUMNS = ledgerColumnsOf(3);
/** The formula columns whose text 结构版本 4 changed. */
const CHANGED = ['1天应报日', '3天应报日', '办结时限', '预警状态', '逾期天数', ...NONIMPL_STEPS.map((s) => s.header)];
/** What an older add-in wrote there, as far as this test cares: some other formula. */
const OLDER_FORMULA = '=IF(INDEX($M:$M,ROW())="","","v3")';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const NEW_ITEM = { source: '后勤中心各类会议决议', level: '台账其他任务', content: '新登记的事项', section: '工程管理科', kind: '一般' } as const;
let seq = 0;
const ctx = (actor: Actor): ActionContext => ({ actor, on: TODAY, now: new Date(`${TODAY}T10:00:00`), opId: `op-dl-${++seq}` });

const ITEMS = [
  makeItem({ id: 'DB-2026-0001', report1On: '2026-03-03', progress: '已完成管道勘察', note: '科室手填备注' }),
  makeItem({ id: 'DB-2026-0002', state: '申请办结', appliedOn: '2026-03-09', progress: '已完工', evidence: '验收单.pdf' }),
  makeItem({ id: 'DB-2026-0003', kind: '重大复杂', assignedOn: '2026-03-10' }),
  makeItem({
    id: 'DB-2026-0004',
    state: '已销号',
    report1On: '2026-03-03',
    report3On: '2026-03-05',
    reportFinalOn: '2026-03-09',
    appliedOn: '2026-03-09',
    checkedOn: '2026-03-10',
    approvedOn: '2026-03-12',
    closedOn: '2026-03-12',
    grade: '良好',
    evidence: '验收单.pdf',
  }),
];

/** A version-3 ledger with three typed rows, its changed formula columns as an older add-in wrote them. */
async function v3Ledger(): Promise<ExcelDouble> {
  const xl = await ledgerWithRows(TODAY, ITEMS, (header, v) => (CHANGED.includes(header) ? OLDER_FORMULA : v));
  await downgrade(xl, 3);
  expect(xl.workbook.table('台账').columns).toEqual(OLD_COLUMNS.map((c) => c.header));
  expect(xl.workbook.table('日历').columns).toEqual(
    CALENDAR.columns.map((c) => c.header).filter((h) => !(V4_CALENDAR_COLUMNS as readonly string[]).includes(h)),
  );
  return xl;
}

const formulasOf = (xl: ExcelDouble, table: string, header: string) => {
  const t = xl.workbook.table(table);
  const i = t.columns.indexOf(header);
  return t.formulas.map((row) => row[i]);
};

describe('a ledger of 结构版本 3', () => {
  test('reads as it is; 校验台账 names the older formula columns', async () => {
    const xl = await v3Ledger();
    const snap = await createLedgerService(xl.run).snapshot();
    expect(snap.rowErrors).toEqual([]);
    expect(snap.items.map((i) => i.id)).toEqual(ITEMS.map((i) => i.id));
    const audit = await auditLedger(xl.run);
    expect(new Set(audit.problems.map((p) => `${p.header} ${p.code}`))).toEqual(new Set(CHANGED.map((h) => `${h} formula-different`)));
  });

  test('立项, 重新立项 and 导入 are refused until 初始化台账 has added the helpers; nothing is written; an action on a row works', async () => {
    const xl = await v3Ledger();
    const svc = createLedgerService(xl.run);
    const before = JSON.stringify(xl.workbook.table('台账').formulas);
    const missing = (action: string) => ({
      code: 'column-missing',
      message: `台账缺少“${V4_LEDGER_COLUMNS[0].header}”列，请先点击“初始化台账”升级台账，再${action}。`,
    });
    const r = await svc.register(NEW_ITEM, ctx(clerk));
    expect(r.ok ? '' : r.error).toEqual(missing('立项'));
    const again = await svc.act('DB-2026-0004', { type: '重新立项', content: '校领导批示：加装防臭阀' }, ctx(clerk));
    expect(again.ok ? '' : again.error).toEqual(missing('重新立项'));
    const head = ['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '交办日期'];
    const pasted = [head, ['DB-2026-0100', '其他', '台账其他任务', '导入的事项', '工程管理科', '一般', '2026-03-10']].map((r) => r.join('\t')).join('\n');
    const preview = value(await previewImport(xl.run, pasted, {}, new Date(`${TODAY}T10:00:00`)));
    const imported = await applyImport(xl.run, preview, ctx(clerk));
    expect(imported.ok ? '' : imported.error).toEqual(missing('导入'));
    expect(JSON.stringify(xl.workbook.table('台账').formulas)).toBe(before);
    // an action on an existing row keeps the row's formulas
    value(await svc.act('DB-2026-0002', { type: '初核' }, ctx(clerk)));
  });

  test('初始化台账 appends the helpers of 台账 and 日历, fills them and rewrites the changed columns; no typed cell changes; then 立项 works and 校验台账 finds nothing', async () => {
    const xl = await v3Ledger();
    const before = xl.workbook.table('台账');
    const report = value(await initialiseLedger(xl.run, { today: TODAY }));
    expect(report.repaired).toEqual([
      ...V4_LEDGER_COLUMNS.map((c) => `台账：补充“${c.header}”列`),
      ...CHANGED.map((h) => `台账：恢复“${h}”列公式`),
      ...V4_CALENDAR_COLUMNS.map((h) => `日历：补充“${h}”列`),
      `设置：结构版本 3 → ${SCHEMA_VERSION}`,
    ]);
    expect(report.schemaVersion).toEqual({ before: 3, after: SCHEMA_VERSION });
    const after = xl.workbook.table('台账');
    expect(after.columns).toEqual(LEDGER.columns.map((c) => c.header));
    // the changed and the new formula columns hold the schema's formula of their row; the rest is as it was
    const rewritten = new Set([...CHANGED, ...V4_LEDGER_COLUMNS.map((c) => c.header)]);
    LEDGER.columns.forEach((c, i) => {
      const got = after.formulas.map((row) => row[i]);
      if (rewritten.has(c.header)) expect([c.header, got]).toEqual([c.header, got.map((_, k) => `=${formulaForRow(c.formula!, k + 2)}`)]);
      else expect([c.header, got]).toEqual([c.header, before.formulas.map((row) => row[i])]);
    });
    // 日历: the new columns, one formula for every row (ROW(): no row of its own)
    const rows = xl.workbook.table('日历').formulas.length;
    expect(rows).toBeGreaterThan(2000);
    for (const h of V4_CALENDAR_COLUMNS) {
      const spec = CALENDAR.columns.find((c) => c.header === h)!;
      expect(formulasOf(xl, '日历', h)).toEqual(Array.from({ length: rows }, () => `=${spec.formula}`));
    }
    expect(xl.workbook.sheet('日历').protection.protected).toBe(true);
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
    // a second run finds nothing to do
    expect(value(await initialiseLedger(xl.run, { today: TODAY })).repaired).toEqual([]);

    expect((await auditLedger(xl.run)).problems).toEqual([]);
    const svc = createLedgerService(xl.run);
    const added = value(await svc.register(NEW_ITEM, ctx(clerk)));
    const snap = await svc.snapshot();
    expect(snap.rowErrors).toEqual([]);
    expect(snap.items.map((i) => i.id)).toEqual([...ITEMS.map((i) => i.id), added.item.id]);
    // the appended row carries every formula in the row-free form
    const last = xl.workbook.table('台账').formulas.at(-1)!;
    LEDGER.columns.forEach((c, i) => {
      if (c.kind === 'formula') expect([c.header, last[i]]).toEqual([c.header, `=${c.rowFreeFormula}`]);
    });
  });
});

test('error values in the hidden helpers (a 日历 or 今天 typed wrong) stop neither reading nor 校验台账: only input columns are read', async () => {
  const xl = await v3Ledger();
  value(await initialiseLedger(xl.run, { today: TODAY }));
  const s = xl.workbook.sheet('台账');
  const headers = xl.workbook.table('台账').columns;
  for (const c of V4_LEDGER_COLUMNS) {
    const letter = columnLetter(headers.indexOf(c.header) + 1);
    s.setCachedValues(`${letter}2:${letter}${ITEMS.length + 1}`, c.header === '辅助日历行' ? '#VALUE!' : '#N/A');
  }
  const snap = await createLedgerService(xl.run).snapshot();
  expect(snap.rowErrors).toEqual([]);
  expect(snap.items.map((i) => i.id)).toEqual(ITEMS.map((i) => i.id));
  expect((await auditLedger(xl.run)).problems).toEqual([]);
});
