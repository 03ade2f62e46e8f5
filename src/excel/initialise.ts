/**
 * 初始化台账 through Office.js: builds the ledger workbook of WORKBOOK_SCHEMA (src/workbook/schema.ts)
 * in the open workbook, or repairs and upgrades an existing one, without ever changing what users
 * typed.
 *
 * One `ExcelRun`, exactly three `context.sync()` calls whatever the workbook holds:
 *   1. structure and 2. details — queued reads of what exists (initialiseProbe.ts);
 *   then the diagnosis, pure: the schema × what was read → the plan of repairs, or a refusal
 *   (initialiseDiagnose.ts, initialiseBuild.ts; the plan's shape in initialisePlan.ts);
 *   3. write — the plan queued phase by phase: unprotect → create sheets/tables/columns → defined
 *      names → formulas, validation, conditional formats, formats → 结构版本 → protect
 *      (initialiseApply.ts).
 * When the write fails (a wrong password, a host error) a separate short batch (two more syncs)
 * puts protection back on the sheets that should have it, and a write that failed part-way is
 * rolled forward once (initialiseLedger). A refusal (a newer 结构版本, a missing password) stops
 * after sync 2 without writing.
 */
import { excel } from '../i18n/excel';
import { platform } from '../i18n/platform';
import { err, ok, type Result } from '../domain/result';
import { defaultSettings } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import { SCHEMA_VERSION, WORKBOOK_SCHEMA } from '../workbook/schema';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { PASSWORD_FLAG_SET, missingApi, officeRequirements, type Requirements } from './capabilities';
import { withSelfRefreshingRules } from './cfRefresh';
import { queuePlan } from './initialiseApply';
import { diagnose, type DiagnoseSchema } from './initialiseDiagnose';
import { queueDetails, queueStructure } from './initialiseProbe';
import type { InitialiseOutcome } from './ledgerService';
import { normalisePassword } from './protection';
import type { ExcelRun } from './run';
import { localToday } from './today';
import { restoreProtection } from './writePath';

export { argbToHex, canonicalFormula, formulaForRow, widthToPoints } from './initialiseHelpers';

export interface InitialiseOptions {
  /** Sheet protection password (default: 设置 保护密码, else none). */
  password?: string;
  /** The user's date: the months of a newly built 考核明细 (default: the local date). */
  today?: IsoDate;
  /**
   * What this Excel supports (default: the real `Office.context.requirements`; none outside Office).
   * Without ExcelApiOnline 1.1 (every Excel but the web) whether a sheet has a password is unknown
   * until its unprotect is tried.
   */
  requirements?: Requirements;
}

export interface InitialiseReport extends InitialiseOutcome {
  /** Things found damaged that were left alone (zh-CN). */
  warnings: string[];
  /** 设置 结构版本 before (null: none or not a number) and after. */
  schemaVersion: { before: number | null; after: number };
}

/**
 * The schema as built through Office.js: its sheets plus the 预警状态 column's own colour rules
 * (office-js #5299: rules created through the API that read another cell may not refresh on
 * Windows; see cfRefresh.ts).
 */
const API_SCHEMA: DiagnoseSchema = { sheets: WORKBOOK_SCHEMA.sheets.map(withSelfRefreshingRules), names: WORKBOOK_SCHEMA.names };

/** `context.sync()` calls of a successful run, whatever the workbook holds. */
export const INITIALISE_SYNCS = 3;

const TEXT = excel.initialise;

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    return [o.code, o.message].filter((x) => typeof x === 'string' && x !== '').join(': ') || String(e);
  }
  return String(e);
}

/**
 * 初始化台账: creates the missing ledger sheets and repairs/upgrades the existing ones (see the
 * file comment). Three syncs on success; the outcome lists the created sheets and, in zh-CN, every
 * repair made. A write that fails part-way (Excel applies the operations before the failing one) is
 * rolled forward once: the second run diagnoses what the first left and repairs the rest, as the
 * user's 重试 would (writePath.rollForward does the same for the ledger actions). A wrong password
 * or an API this Excel lacks is not retried.
 */
export async function initialiseLedger(run: ExcelRun, opts: InitialiseOptions = {}): Promise<Result<InitialiseReport>> {
  const first = await initialiseOnce(run, opts);
  if (!first.rollForward) return first.result;
  // The sheets the failed run was creating held nothing before it: they go, and are built whole
  // again, rather than repaired from whatever part of their layout landed.
  await deleteSheets(run, first.creating).catch(() => undefined);
  return (await initialiseOnce(run, opts)).result;
}

async function deleteSheets(run: ExcelRun, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await run(async (context) => {
    const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const ws of sheets) if (!ws.isNullObject) ws.delete();
    await context.sync();
  });
}

interface Once {
  result: Result<InitialiseReport>;
  /** the write failed part-way: worth one more run */
  rollForward: boolean;
  /** the sheets the write was creating */
  creating: string[];
}

async function initialiseOnce(run: ExcelRun, opts: InitialiseOptions): Promise<Once> {
  const creating: string[] = [];
  const once = (result: Result<InitialiseReport>, rollForward = false): Once => ({ result, rollForward, creating });
  let stage: 'read' | 'write' = 'read';
  let toProtect: string[] = [];
  let unknownPassword: string[] = [];
  let password: string | undefined = normalisePassword(opts.password);
  const requirements = opts.requirements ?? officeRequirements();
  const passwordFlag = requirements.isSetSupported(PASSWORD_FLAG_SET.name, PASSWORD_FLAG_SET.version);
  try {
    const report = await run(async (context) => {
      // ---- sync 1: what exists
      const structureOf = queueStructure(context, passwordFlag);
      await context.sync();
      const structure = structureOf();

      // ---- sync 2: health of what exists
      const detailsOf = queueDetails(context, API_SCHEMA.sheets, structure);
      await context.sync();
      const details = detailsOf();

      // ---- the diagnosis (pure)
      const diagnosis = diagnose(
        API_SCHEMA,
        { structure, details },
        {
          today: opts.today ?? localToday(),
          settings: { ...defaultSettings(), director: DEFAULT_DIRECTOR },
          sections: DEFAULT_SECTIONS,
          detailSections: details.sections ?? DEFAULT_SECTIONS.map((s) => s.section),
        },
        normalisePassword(opts.password),
      );
      if (!diagnosis.ok) throw new Refusal(diagnosis.code, diagnosis.message);
      const { plan } = diagnosis;
      ({ password, toProtect, unknownPassword } = plan);

      // ---- sync 3: write
      stage = 'write';
      creating.push(...plan.created);
      queuePlan(context, plan);
      await context.sync();

      return {
        createdSheets: plan.created,
        repaired: plan.repaired,
        warnings: plan.warnings,
        schemaVersion: { before: plan.versionBefore, after: SCHEMA_VERSION },
      };
    });
    return once(ok<InitialiseReport>(report));
  } catch (e) {
    if (e instanceof Refusal) return once(err(e.code, e.message));
    const missing = missingApi(e);
    if (missing !== null) {
      await restoreProtection(run, toProtect, password).catch(() => undefined);
      return once(err('unsupported', platform.apiMissing(missing)));
    }
    if (stage === 'read') return once(err('read-failed', TEXT.readFailed(errorText(e))));
    await restoreProtection(run, toProtect, password).catch(() => undefined);
    const code = (e as { code?: unknown })?.code;
    if (code === 'AccessDenied') return once(err('write-failed', unknownPassword.length > 0 ? platform.passwordUnknown(unknownPassword) : TEXT.wrongPassword));
    return once(err('write-failed', TEXT.writeFailed(errorText(e))), true);
  }
}
