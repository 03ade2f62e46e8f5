/**
 * `npm run bench:recalc -- 500 2000 10000`: how long LibreOffice and Gnumeric take to open a
 * generated ledger, recalculate every formula and save it, and their peak memory, per ledger size.
 * The engines run one after the other (never side by side), each on the file exactly as the
 * template writes it, with deliberately wrong cached values so that nothing is skipped
 * (LibreOffice with a private profile that recalculates on load, as test/recalc does).
 * Wall time and peak resident memory come from GNU time (`/usr/bin/time`); CPU time (user + sys)
 * is printed too, as wall time on a shared machine is noisy.
 * Each size is measured twice: with every month of 考核明细 live, and with the months through the
 * previous one frozen into 考核存档 (as a clerk who runs 冻结本月 each month has them).
 * Also prints how many section-months score 总分 0 with and without 扣分上限.
 * `--runs N` runs each engine N times on each file and keeps the fastest run (CPU and wall) and
 * the largest peak: on a shared machine one run can be 20 % off either way.
 *   npm run bench:recalc                     # 500, 2,000 and 10,000 items
 *   npm run bench:recalc -- 1000 10000
 *   npm run bench:recalc -- --runs 3 10000
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createCalendar } from '../src/domain/calendar';
import { monthlyScores } from '../src/domain/scoring';
import { defaultSettings } from '../src/domain/settings';
import { generateSample } from '../src/workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../src/workbook/sections';
import { buildTemplate, defaultMonths, writeWorkbook } from '../src/workbook/template';
import { BUILD_DIR, makeProfile } from '../test/recalc/libreoffice';

const TODAY = '2026-11-20';
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : 1;
const sizes = argv
  .filter((_, i) => runsAt < 0 || (i !== runsAt && i !== runsAt + 1))
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [500, 2000, 10000];
const OUT = join(BUILD_DIR, 'bench-recalc');

/** The months a clerk has frozen by TODAY (冻结本月 after each month ends): through the previous month. */
const FROZEN_THROUGH = '2026-10';

interface Run {
  size: number;
  /** '全部在算': every month live in 考核明细; '已冻结': months through FROZEN_THROUGH in 考核存档 */
  months: '全部在算' | '已冻结';
  engine: 'LibreOffice' | 'Gnumeric';
  wall: number;
  cpu: number;
  peakMb: number;
}

/** Runs a command under GNU time; its wall seconds, user + sys seconds and peak RSS in MB. */
function timed(cmd: string, args: string[]): Promise<{ wall: number; cpu: number; peakMb: number }> {
  const stats = join(OUT, 'time.txt');
  return new Promise((res, rej) => {
    execFile('/usr/bin/time', ['-o', stats, '-f', '%e %U %S %M', cmd, ...args], { timeout: 1_800_000, maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => {
      if (err) return rej(new Error(`${cmd} failed: ${err.message}\n${stderr.slice(-2000)}`));
      const [wall, user, sys, kb] = readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
      res({ wall, cpu: user + sys, peakMb: kb / 1024 });
    });
  });
}

async function libreoffice(file: string): Promise<{ wall: number; cpu: number; peakMb: number }> {
  const profile = makeProfile();
  try {
    const outDir = join(OUT, 'libreoffice');
    mkdirSync(outDir, { recursive: true });
    const r = await timed('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      file,
    ]);
    if (!existsSync(join(outDir, file.replace(/^.*\//, '')))) throw new Error('LibreOffice wrote nothing');
    return r;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function gnumeric(file: string): Promise<{ wall: number; cpu: number; peakMb: number }> {
  const out = join(OUT, 'gnumeric', file.replace(/^.*\//, ''));
  mkdirSync(join(OUT, 'gnumeric'), { recursive: true });
  const r = await timed('ssconvert', ['--recalc', '--export-type=Gnumeric_Excel:xlsx2', file, out]);
  if (!existsSync(out)) throw new Error('Gnumeric wrote nothing');
  return r;
}

/** The fastest of RUNS runs (CPU and wall each), with the largest peak memory seen. */
async function fastest(run: () => Promise<{ wall: number; cpu: number; peakMb: number }>): Promise<{ wall: number; cpu: number; peakMb: number }> {
  const all: { wall: number; cpu: number; peakMb: number }[] = [];
  for (let i = 0; i < RUNS; i += 1) all.push(await run());
  return { wall: Math.min(...all.map((r) => r.wall)), cpu: Math.min(...all.map((r) => r.cpu)), peakMb: Math.max(...all.map((r) => r.peakMb)) };
}

/** Section-months with 总分 0, with the default 扣分上限 and with none. */
function zeroTotals(size: number, items: Parameters<typeof monthlyScores>[0]['items'], records: Parameters<typeof monthlyScores>[0]['records']) {
  const cal = createCalendar();
  const sections = DEFAULT_SECTIONS.map((s) => s.section);
  const settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
  let all = 0;
  let capped = 0;
  let uncapped = 0;
  for (const m of defaultMonths(items, TODAY)) {
    const a = monthlyScores({ items, records, sections, month: m, today: TODAY, settings, cal });
    const b = monthlyScores({ items, records, sections, month: m, today: TODAY, settings: { ...settings, deductionCap: Infinity }, cal });
    all += a.length;
    capped += a.filter((s) => s.total === 0).length;
    uncapped += b.filter((s) => s.total === 0).length;
  }
  return { size, all, capped, uncapped };
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const runs: Run[] = [];
  const zeros: ReturnType<typeof zeroTotals>[] = [];
  for (const size of SIZES) {
    const settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
    const sample = generateSample({ count: size, seed: 7, today: TODAY, settings });
    zeros.push(zeroTotals(size, sample.items, sample.records));
    for (const months of ['全部在算', '已冻结'] as const) {
      const file = join(OUT, `ledger-${size}-${months === '已冻结' ? 'frozen' : 'live'}.xlsx`);
      const frozenThrough = months === '已冻结' ? FROZEN_THROUGH : undefined;
      await writeWorkbook(buildTemplate({ today: TODAY, items: sample.items, records: sample.records, settings, cache: 'wrong', frozenThrough }), file);
      for (const [engine, run] of [
        ['LibreOffice', libreoffice],
        ['Gnumeric', gnumeric],
      ] as const) {
        const r = await fastest(() => run(file));
        runs.push({ size, months, engine, ...r });
        console.log(`${size} items (${months}), ${engine}: ${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU, ${Math.round(r.peakMb)} MB peak`);
      }
    }
  }

  const cpus = os.cpus();
  console.log(`\nopen + recalculate + save (${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${os.loadavg()[0].toFixed(1)} at the end)`);
  console.log(RUNS > 1 ? `fastest of ${RUNS} runs per engine and file (peak: the largest)\n` : 'one run per engine and file\n');
  console.log(`考核明细 months: 全部在算 = every month live; 已冻结 = months through ${FROZEN_THROUGH} frozen into 考核存档\n`);
  console.log('| items | 考核明细 | engine | wall s | CPU s | peak MB |');
  console.log('|---:|---|---|---:|---:|---:|');
  for (const r of runs)
    console.log(`| ${r.size.toLocaleString('en')} | ${r.months} | ${r.engine} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${Math.round(r.peakMb)} |`);
  if (SIZES.length > 1) {
    const [lo, hi] = [Math.min(...SIZES), Math.max(...SIZES)];
    for (const months of ['全部在算', '已冻结'] as const) {
      for (const engine of ['LibreOffice', 'Gnumeric'] as const) {
        const a = runs.find((r) => r.engine === engine && r.size === lo && r.months === months)!;
        const b = runs.find((r) => r.engine === engine && r.size === hi && r.months === months)!;
        console.log(`${engine} (${months}): ${lo} → ${hi} items: wall × ${(b.wall / a.wall).toFixed(1)}, CPU × ${(b.cpu / a.cpu).toFixed(1)}`);
      }
    }
  }
  console.log('\n| items | section-months | 总分 0 with 扣分上限 | 总分 0 uncapped |');
  console.log('|---:|---:|---:|---:|');
  for (const z of zeros) console.log(`| ${z.size.toLocaleString('en')} | ${z.all} | ${z.capped} | ${z.uncapped} |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
