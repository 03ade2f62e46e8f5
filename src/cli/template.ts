/**
 * `npm run template` — writes 督办台账.xlsx in the current directory: a blank ledger with settings,
 * calendar and sections filled in, ready to use without the add-in.
 *   --sample N         add N seeded sample items (and their 反馈记录)
 *   --out PATH         write to PATH instead
 *   --today YYYY-MM-DD fix 设置 今天 (default: the formula =TODAY())
 *   --seed N           seed of the sample generator
 *   --no-protect       leave the sheets unprotected
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isValidIsoDate } from '../domain/parseDate';
import { workbook as t } from '../i18n/workbook';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '../workbook/calendarRows';
import { DATA_LAST_YEAR } from '../domain/calendar';
import { buildTemplate, localToday, writeWorkbook } from '../workbook/template';
import { SHEET } from '../workbook/sheetNames';

export interface CliOptions {
  sample: number;
  out: string;
  today?: string;
  seed: number;
  protect: boolean;
}

export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const opts: CliOptions = { sample: 0, out: '督办台账.xlsx', seed: 13710, protect: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--sample') {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 0) return { error: t.cli.badArg(`${a} ${argv[i]}`) };
      opts.sample = n;
    } else if (a === '--out') {
      const p = next();
      if (!p) return { error: t.cli.badArg(a) };
      opts.out = p;
    } else if (a === '--today') {
      const d = next();
      if (!isValidIsoDate(d)) return { error: t.cli.badArg(`${a} ${d ?? ''}`) };
      opts.today = d;
    } else if (a === '--seed') {
      const n = Number(next());
      if (!Number.isInteger(n)) return { error: t.cli.badArg(`${a} ${argv[i]}`) };
      opts.seed = n;
    } else if (a === '--no-protect') {
      opts.protect = false;
    } else {
      return { error: t.cli.badArg(a) };
    }
  }
  return opts;
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(t.cli.usage);
    return 2;
  }
  // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), parsed.out);
  mkdirSync(dirname(out), { recursive: true });
  // The sample period ends on 今天 (fixed, or the machine's date when 今天 stays =TODAY()).
  const wb = buildTemplate({
    today: parsed.today,
    sampleItems: parsed.sample,
    seed: parsed.seed,
    protect: parsed.protect,
  });
  await writeWorkbook(wb, out);
  console.log(t.cli.written(out));
  if (parsed.sample > 0) {
    const items = Math.max(0, wb.getWorksheet(SHEET.ledger)!.actualRowCount - 1);
    const records = Math.max(0, wb.getWorksheet(SHEET.records)!.actualRowCount - 1);
    console.log(t.cli.sample(items, records));
  } else {
    console.log(t.cli.blank);
  }
  if (parsed.today) console.log(t.cli.today(parsed.today));
  console.log(t.cli.calendar(CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, DATA_LAST_YEAR));
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}

export { localToday };
