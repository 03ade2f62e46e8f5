/**
 * `npm run bench`: round trips and add-in compute time per user action, for ledgers of growing
 * size, on the in-memory Excel double. Round trips must not grow with the ledger; compute should
 * grow at most linearly. Prints one table; numbers are from one run on this machine (noisy).
 *   npm run bench                # 1,000 and 10,000 items
 *   npm run bench -- 1000 10000 50000
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { newOperationId } from '../src/domain/itemNumber';
import type { Actor } from '../src/domain/workflow';
import { createLedgerService } from '../src/excel/ledgerGateway';
import type { ActionContext, StoredRecord } from '../src/excel/ledgerService';
import { ledgerFixture } from '../src/excel/testing/ledgerFixture';
import { generateSample } from '../src/workbook/sample';

const TODAY = '2026-11-20';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
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
}

async function measure(size: number): Promise<Row[]> {
  const sample = generateSample({ count: size, seed: 7, today: TODAY });
  const xl = ledgerFixture({ items: sample.items, records: sample.records, protect: true });
  const svc = createLedgerService(xl.run, { clock: () => new Date(`${TODAY}T10:00:00`) });
  const open = sample.items.find((i) => i.state === '办理中' && !i.report1On)!;
  const section: Actor = { role: '科室', name: '科长', section: open.section };
  const rows: Row[] = [];
  const time = async (action: string, f: () => Promise<unknown>) => {
    xl.stats.reset();
    const t0 = performance.now();
    const r = (await f()) as { ok?: boolean; error?: { message: string } };
    const ms = performance.now() - t0;
    if (r && r.ok === false) throw new Error(`${action}: ${r.error?.message}`);
    rows.push({ size, action, roundTrips: xl.stats.roundTrips, ms });
  };
  await time('读取台账 snapshot', () => svc.snapshot());
  await time('立项 register', () =>
    svc.register({ source: '其他', level: '台账其他任务', content: '基准测试事项', section: open.section, kind: '一般' }, ctx({ role: '督办员', name: '督办员' })),
  );
  await time('反馈 report', () => svc.act(open.id, { type: '反馈', node: '1天反馈', content: '已部署' }, ctx(section)));
  const snap = await svc.snapshot();
  const rec = snap.records.find((r) => r.itemId === open.id && !r.signedOn) as StoredRecord;
  await time('审签 sign', () => svc.act(open.id, { type: '审签', record: rec }, ctx({ role: '分管领导', name: '分管领导' })));
  await time('催办 urge (one item)', () => svc.act(open.id, { type: '催办', content: '请加快' }, ctx({ role: '督办员', name: '督办员' })));
  await time('催办 urge (section overdue)', () => svc.urgeOverdue(open.section, '请加快', ctx({ role: '督办员', name: '督办员' })));
  return rows;
}

async function main() {
  const all: Row[] = [];
  for (const size of SIZES) all.push(...(await measure(size)));
  const actions = [...new Set(all.map((r) => r.action))];
  console.log(`13710 督办台账 adapter benchmark — Excel double, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  console.log(['action', ...SIZES.map((s) => `${s} rows: round trips / ms`)].join(' | '));
  for (const a of actions) {
    const cells = SIZES.map((s) => {
      const r = all.find((x) => x.size === s && x.action === a)!;
      return `${r.roundTrips} / ${r.ms.toFixed(0)}`;
    });
    console.log([a, ...cells].join(' | '));
  }
  const grows = actions.filter((a) => new Set(all.filter((r) => r.action === a).map((r) => r.roundTrips)).size > 1);
  console.log(grows.length === 0 ? 'round trips: constant in ledger size ✓' : `round trips GROW with size: ${grows.join(', ')}`);
  if (grows.length > 0) process.exitCode = 1;
}

void main();
