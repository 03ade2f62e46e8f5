/**
 * `npm run bench:rounds`: round trips and add-in compute time of a 督查轮次 (generateRound) and of
 * 冻结考核 (freezeMonth) on the in-memory Excel double.
 *   npm run bench:rounds                 # 10,000 items
 *   npm run bench:rounds -- 1000 10000
 * "compute" = time the add-in spends outside context.sync (reading the batch's results into domain
 * objects, the domain builders, building the writes), measured inside generateRound; "host" = time
 * inside context.sync, i.e. the double executing the batch (Excel's share in real life).
 * Goal: ≤ 3 round trips whatever the size, compute < 1 s at 10,000 items.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import type { Actor } from '../src/domain/workflow';
import type { ExcelRun } from '../src/excel/run';
import { generateRound, type RoundTimings } from '../src/excel/rounds';
import { freezeMonth } from '../src/excel/scoresArchive';
import { roundFixture } from '../src/excel/testing/roundsFixture';
import { generateSample } from '../src/workbook/sample';

const TODAY = '2026-11-20';
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [10_000];
const actor: Actor = { role: '督办员', name: '基准测试' };

/** An ExcelRun that times context.sync. */
function timed(run: ExcelRun) {
  const t = { hostMs: 0 };
  const wrapped: ExcelRun = (batch) =>
    run(async (context) => {
      const orig = context.sync.bind(context);
      (context as { sync: () => Promise<void> }).sync = async () => {
        const t0 = performance.now();
        try {
          await orig();
        } finally {
          t.hostMs += performance.now() - t0;
        }
      };
      return batch(context);
    });
  return { run: wrapped, t };
}

async function main() {
  console.log(`督查轮次 benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? '?'} ×${os.cpus().length}`);
  const rows: Record<string, string | number>[] = [];
  for (const size of SIZES) {
    const sample = generateSample({ count: size, seed: 7, today: TODAY });
    for (const [label, fresh] of [
      ['first round', true],
      ['regeneration', false],
    ] as const) {
      void fresh;
      const xl = label === 'first round' || !lastXl.has(size) ? roundFixture(sample.items, sample.records) : lastXl.get(size)!;
      lastXl.set(size, xl);
      xl.stats.reset();
      const { run, t } = timed(xl.run);
      const t0 = performance.now();
      let timings: RoundTimings = { computeMs: 0, parseMs: 0, domainMs: 0, adapterMs: 0 };
      const out = await generateRound(run, {
        onTimings: (x) => (timings = x),
        period: { from: '2026-11-01', to: '2026-11-30' },
        asOf: TODAY,
        actor,
        opId: `bench-${size}-${label}`,
        now: new Date(`${TODAY}T10:00:00`),
      });
      const wall = performance.now() - t0;
      if (!out.ok) throw new Error(out.error.message);
      rows.push({
        items: size,
        action: `generateRound (${label})`,
        roundTrips: xl.stats.roundTrips,
        computeMs: Math.round(timings.computeMs),
        parseMs: Math.round(timings.parseMs),
        domainMs: Math.round(timings.domainMs),
        adapterMs: Math.round(timings.adapterMs),
        hostMs: Math.round(t.hostMs),
        wallMs: Math.round(wall),
        issues: out.value.issueRows.length,
        nonImpl: out.value.nonImplementationRows.length,
      });
    }
    const xl = lastXl.get(size)!;
    xl.stats.reset();
    const { run, t } = timed(xl.run);
    const t0 = performance.now();
    let freezeMs = 0;
    const fr = await freezeMonth(run, '2026-10', {
      asOf: TODAY,
      actor,
      opId: `bench-freeze-${size}`,
      now: new Date(`${TODAY}T10:00:00`),
      onComputeMs: (ms) => (freezeMs = ms),
    });
    const wall = performance.now() - t0;
    if (!fr.ok) throw new Error(fr.error.message);
    rows.push({
      items: size,
      action: 'freezeMonth (new archive)',
      roundTrips: xl.stats.roundTrips,
      computeMs: Math.round(freezeMs),
      parseMs: '',
      domainMs: '',
      adapterMs: '',
      hostMs: Math.round(t.hostMs),
      wallMs: Math.round(wall),
      issues: '',
      nonImpl: '',
    });
  }
  console.table(rows);
  const worst = rows.filter((r) => String(r.action).startsWith('generateRound'));
  const okCompute = worst.every((r) => Number(r.computeMs) < 1000);
  console.log('computeMs = parseMs (台账/反馈记录 rows → domain objects, shared validation) + domainMs (buildReport) + adapterMs (merge, layout, writes)');
  console.log(
    'round trips = read (1 + one per read slice of ≤ 4 MB) + write (1 when it fits one request, else one per ≤ 4 MB of writes, after a re-read of the lists)',
  );
  console.log(`goal compute < 1 s: ${okCompute ? 'met' : 'NOT met'}`);
}

const lastXl = new Map<number, ReturnType<typeof roundFixture>>();

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
