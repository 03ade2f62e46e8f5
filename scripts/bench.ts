/**
 * `npm run bench`: round trips and add-in compute time per user action, for ledgers of growing
 * size, on the in-memory Excel double. Round trips must not grow with the ledger; compute should
 * grow at most linearly. Prints one table; numbers are from one run on this machine (noisy).
 *   npm run bench                # 1,000 and 10,000 items
 *   npm run bench -- 1000 10000 50000
 *   npm run bench -- --profile web --no-recalc 1000 10000
 * The double runs under a profile (default web: Excel on the web's requirement sets and its 5 MB
 * payload cap in UTF-8 bytes). Every action must succeed at every size; the script exits non-zero
 * when one fails. Round trips are each action's fixed syncs plus one per read slice of ≤ 4 MB.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { newOperationId } from '../src/domain/itemNumber';
import type { Actor } from '../src/domain/workflow';
import { createLedgerService } from '../src/excel/ledgerGateway';
import type { ActionContext, StoredRecord } from '../src/excel/ledgerService';
import { ledgerFixture } from '../src/excel/testing/ledgerFixture';
import { PROFILE_NAMES, type ExcelProfileName } from '../src/excel/double';
import { auditLedger } from '../src/excel/audit';
import { applyImport, previewImport } from '../src/excel/importApply';
import { initialiseLedger } from '../src/excel/initialise';
import { ISSUE_HEADERS, NONIMPL_HEADERS, generateRound, monthPeriod } from '../src/excel/rounds';
import { freezeMonth } from '../src/excel/scoresArchive';
import { columnLetter } from '../src/workbook/schema';
import { generateSample } from '../src/workbook/sample';
import { buildTemplate, writeWorkbook } from '../src/workbook/template';
import { convert, makeProfile, sofficeAvailable } from '../test/recalc/libreoffice';
import { rmSync, mkdirSync } from 'node:fs';

const TODAY = '2026-11-20';
const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const PROFILE = (profileAt >= 0 ? args[profileAt + 1] : 'web') as ExcelProfileName;
if (!PROFILE_NAMES.includes(PROFILE)) throw new Error(`--profile must be one of ${PROFILE_NAMES.join(', ')}`);
const sizes = args
  .filter((_, i) => profileAt < 0 || i !== profileAt + 1)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1000, 10000];

let k = 0;
const ctx = (actor: Actor): ActionContext => {
  const now = new Date(`${TODAY}T10:00:00`);
  k += 1;
  return { actor, on: TODAY, now, opId: `${newOperationId(now, Math.random)}-${k}` };
};

interface Row {
  size: number;
  action: string;
  roundTrips: number;
  ms: number;
  /** why the action failed (the bench then exits non-zero) */
  failed?: string;
}

const fixtureMs = new Map<number, number>();
const importCounts = new Map<number, string>();

async function measure(size: number): Promise<Row[]> {
  const sample = generateSample({ count: size, seed: 7, today: TODAY });
  const f0 = performance.now();
  const xl = ledgerFixture({ items: sample.items, records: sample.records, protect: true, profile: PROFILE });
  // the sheets a 督查轮次 writes (as roundFixture adds them)
  for (const [name, headers] of [
    ['问题清单', ISSUE_HEADERS],
    ['不落实清单', NONIMPL_HEADERS],
  ] as const) {
    xl.workbook.addSheet(name);
    const sh = xl.workbook.sheet(name);
    const last = columnLetter(headers.length);
    sh.setValues(`A1:${last}2`, [[...headers], headers.map(() => '')]);
    sh.addTable(`A1:${last}2`, true, name);
  }
  xl.workbook.addSheet('督查报告');
  xl.workbook.sheet('督查报告').setValues('A1:A3', [['督查报告'], ['督查日期'], ['统计区间']]);
  xl.stats.reset();
  fixtureMs.set(size, performance.now() - f0);
  const svc = createLedgerService(xl.run, { clock: () => new Date(`${TODAY}T10:00:00`) });
  const open = sample.items.find((i) => i.state === '办理中' && !i.report1On)!;
  const section: Actor = { role: '科室', name: '科长', section: open.section };
  const rows: Row[] = [];
  const time = async (action: string, f: () => Promise<unknown>) => {
    xl.stats.reset();
    const t0 = performance.now();
    let failed: string | undefined;
    try {
      const r = (await f()) as { ok?: boolean; error?: { message: string } };
      if (r && r.ok === false) failed = r.error?.message ?? 'failed';
    } catch (e) {
      failed = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - t0;
    rows.push({ size, action, roundTrips: xl.stats.roundTrips, ms, failed });
  };
  await time('读取台账 snapshot', () => svc.snapshot());
  await time('立项 register', () =>
    svc.register(
      { source: '其他', level: '台账其他任务', content: '基准测试事项', section: open.section, kind: '一般' },
      ctx({ role: '督办员', name: '督办员' }),
    ),
  );
  await time('反馈 report', () => svc.act(open.id, { type: '反馈', node: '1天反馈', content: '已部署' }, ctx(section)));
  const snap = await svc.snapshot();
  const rec = snap.records.find((r) => r.itemId === open.id && !r.signedOn) as StoredRecord;
  await time('审签 sign', () => svc.act(open.id, { type: '审签', record: rec }, ctx({ role: '分管领导', name: '分管领导' })));
  await time('催办 urge (one item)', () => svc.act(open.id, { type: '催办', content: '请加快' }, ctx({ role: '督办员', name: '督办员' })));
  await time('催办 urge (section overdue)', () => svc.urgeOverdue(open.section, '请加快', ctx({ role: '督办员', name: '督办员' })));
  const clerk: Actor = { role: '督办员', name: '督办员' };
  await time('校验台账 audit', () => auditLedger(xl.run));
  await time('生成清单 generateRound', () => {
    const c = ctx(clerk);
    return generateRound(xl.run, { period: monthPeriod(TODAY.slice(0, 7)), asOf: TODAY, actor: clerk, opId: c.opId, now: c.now });
  });
  await time('冻结综评 freezeMonth', () => {
    const c = ctx(clerk);
    return freezeMonth(xl.run, TODAY.slice(0, 7), { asOf: TODAY, actor: clerk, opId: c.opId, now: c.now });
  });
  await time('初始化台账 repair', () => initialiseLedger(xl.run, { today: TODAY }));
  // 导入 of 100 rows: 50 updates of existing rows (最近进展), 50 additions numbered at apply
  const head = ['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '交办日期', '办理状态', '最近进展'];
  const upd = [['编号', '最近进展'].join('\t'), ...sample.items.slice(0, 50).map((it) => `${it.id}\t导入进展 ${it.id}`)].join('\r\n');
  const add = [
    head.join('\t'),
    ...Array.from({ length: 50 }, (_, i) => ['', '其他', '台账其他任务', `基准导入事项 ${i}`, open.section, '一般', TODAY, '办理中', ''].join('\t')),
  ].join('\r\n');
  let preview: Awaited<ReturnType<typeof previewImport>> | null = null;
  await time('导入 preview (100 rows)', async () => {
    const u = await previewImport(xl.run, upd);
    const a = await previewImport(xl.run, add);
    if (!u.ok || !a.ok) return u.ok ? a : u;
    preview = { ok: true, value: { ...u.value, add: a.value.add, errors: [...u.value.errors, ...a.value.errors] } };
    importCounts.set(
      size,
      `${preview.value.update.length} updates + ${preview.value.add.length} additions (${preview.value.duplicates.length} duplicates, ${preview.value.errors.length} errors)`,
    );
    return preview;
  });
  await time('导入 apply (100 rows)', () => {
    const p = preview as Awaited<ReturnType<typeof previewImport>> | null;
    if (!p || !p.ok) throw new Error('no preview');
    return applyImport(xl.run, p.value, ctx(clerk));
  });
  return rows;
}

async function main() {
  const all: Row[] = [];
  for (const size of SIZES) all.push(...(await measure(size)));
  const actions = [...new Set(all.map((r) => r.action))];
  console.log(
    `13710 督办台账 adapter benchmark — Excel double, profile ${PROFILE} (payload cap 5 MB in UTF-8 bytes), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  );
  console.log(['action', ...SIZES.map((s) => `${s} rows: round trips / ms`)].join(' | '));
  for (const a of actions) {
    const cells = SIZES.map((s) => {
      const r = all.find((x) => x.size === s && x.action === a)!;
      return r.failed ? 'FAILED' : `${r.roundTrips} / ${r.ms.toFixed(0)}`;
    });
    console.log([a, ...cells].join(' | '));
  }
  const failures = all.filter((r) => r.failed);
  console.log("round trips: each action's fixed syncs + one per read slice of ≤ 4 MB (tables too large for the first sync)");
  console.log(
    failures.length === 0
      ? `every action succeeded at every size under profile ${PROFILE} ✓`
      : `FAILED: ${failures.map((r) => `${r.action} at ${r.size}`).join(', ')}`,
  );
  for (const r of failures) console.log(`  ${r.action} at ${r.size}: ${r.failed}`);
  if (failures.length > 0) process.exitCode = 1;
  console.log(`ledger fixture build (not an action): ${SIZES.map((s) => `${s} rows ${fixtureMs.get(s)!.toFixed(0)} ms`).join(' · ')}`);
  console.log(
    `导入: 2 pasted blocks (50 updates, 50 additions), one preview sync each; previewed ${SIZES.map((s) => `${s}: ${importCounts.get(s)}`).join(' · ')}`,
  );
  console.log(bundleSize());
  if (!process.argv.includes('--no-recalc')) console.log(await libreOfficeRecalc(10000));
}

/**
 * The workbook without the add-in: how long LibreOffice takes to open and fully recalculate a
 * template holding `items` sample items (every formula: due dates over 日历, status, scores).
 */
async function libreOfficeRecalc(items: number): Promise<string> {
  if (!sofficeAvailable()) return 'LibreOffice recalculation: soffice not installed (scripts/install-system-deps.sh)';
  const dir = path.join(__dirname, '..', 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `台账-${items}.xlsx`);
  let t = performance.now();
  await writeWorkbook(buildTemplate({ sampleItems: items, seed: 7, today: '2026-11-20' }), file);
  const writeMs = performance.now() - t;
  const profile = makeProfile();
  try {
    t = performance.now();
    await convert([file], path.join(dir, 'out'), 'xlsx:Calc MS Excel 2007 XML', profile, 1_800_000);
    const recalcMs = performance.now() - t;
    return `LibreOffice recalculation of a ${items}-item template: ${(recalcMs / 1000).toFixed(1)} s (open + recalc + save; writing the xlsx with exceljs ${(writeMs / 1000).toFixed(1)} s)`;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Sum of gzip sizes of the JS files dist/taskpane.html loads. */
function bundleSize(): string {
  const dist = path.join(__dirname, '..', 'dist');
  const html = path.join(dist, 'taskpane.html');
  if (!existsSync(html)) return 'task pane bundle: run npm run build first';
  const srcs = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^(https?:)?\/\//.test(s));
  let raw = 0;
  let gz = 0;
  let development = false;
  const parts: string[] = [];
  for (const s of srcs) {
    const file = path.join(dist, s);
    if (!existsSync(file)) continue;
    const buf = readFileSync(file);
    // a development build (npm run preview) keeps module paths as ids; production uses numbers
    if (buf.includes('"./src/')) development = true;
    const g = gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gz += g;
    parts.push(`${s} ${(g / 1024).toFixed(1)} KiB`);
  }
  if (development) return 'task pane bundle: dist/ holds a development build (npm run preview); run npm run build first for the production size';
  return `task pane bundle (dist/taskpane.html, gzip -9): ${(gz / 1024).toFixed(1)} KiB gzip (${(raw / 1024).toFixed(1)} KiB raw) — ${parts.join(', ')}`;
}

void main();
