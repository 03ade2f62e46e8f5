/**
 * Sheet protection as the add-in applies it. A ledger sheet whose schema says `protect` is
 * protected with the options below: formula columns (locked cells) cannot be typed over, while the
 * clerk can still type into input columns, filter and resize. The options also allow sorting and
 * inserting rows, but inside a table Excel ignores them where cells are locked (office-js #2135),
 * so sorting or adding a row to a protected table needs the sheet unprotected first. The options
 * are those template.ts gives exceljs (selectLockedCells/selectUnlockedCells, formatColumns,
 * formatRows, autoFilter, sort, insertRows), in Office.js terms. docs/protection.md has the rest.
 *
 * Two Excel facts shape the helpers (sources in docs/protection.md and docs/excel-api-notes.md):
 * - `unprotect()` on a sheet that is not protected fails with AccessDenied (Excel since mid-2026,
 *   OfficeDev/office-js#6784), and `protect()` on a protected sheet fails too: callers read
 *   `protection.protected` first and pass it in as `wasProtected`.
 * - Options read back from a sheet cannot be passed to `protect()` unchanged (#1931): always
 *   protect with `LEDGER_PROTECTION_OPTIONS`, never with what was read.
 *
 * Typical batch: read `protected` (sync) → `queueUnprotect` → writes → `queueProtect` (one sync).
 */
import type { SheetSpec } from '../workbook/schema';
import { PASSWORD_FLAG_SET, officeRequirements, type Requirements } from './capabilities';

/** Protection options of every protected ledger sheet (template.ts's exceljs options, mapped). */
export const LEDGER_PROTECTION_OPTIONS: Readonly<Excel.WorksheetProtectionOptions> = Object.freeze({
  allowAutoFilter: true,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: true,
  allowPivotTables: false,
  allowSort: true,
  // selectLockedCells + selectUnlockedCells
  selectionMode: 'Normal',
});

/** The options a sheet of the schema is protected with, or null when the schema leaves it unprotected. */
export function protectionFor(spec: Pick<SheetSpec, 'protect'>): Excel.WorksheetProtectionOptions | null {
  return spec.protect ? { ...LEDGER_PROTECTION_OPTIONS } : null;
}

/** An empty password means "no password" (设置 保护密码 left blank). */
export function normalisePassword(password: string | null | undefined): string | undefined {
  return password === null || password === undefined || password === '' ? undefined : password;
}

function worksheet(context: Excel.RequestContext, sheet: Excel.Worksheet | string): Excel.Worksheet {
  return typeof sheet === 'string' ? context.workbook.worksheets.getItem(sheet) : sheet;
}

/** Protection state of a sheet, queued now and read after the next sync. */
export interface QueuedProtection {
  /** passwordProtected: null when this Excel cannot tell (no ExcelApiOnline 1.1) */
  read(): { protected: boolean; passwordProtected: boolean | null };
}

/**
 * `isPasswordProtected` is ExcelApiOnline 1.1 (Excel on the web only): loaded only when
 * `requirements` says this Excel has it (default: the real Office; none outside Office).
 */
export function queueProtectionRead(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet | string,
  requirements: Requirements = officeRequirements(),
): QueuedProtection {
  const flag = requirements.isSetSupported(PASSWORD_FLAG_SET.name, PASSWORD_FLAG_SET.version);
  const p = worksheet(context, sheet).protection.load(flag ? 'protected, isPasswordProtected' : 'protected');
  return {
    read: () => ({ protected: p.protected, passwordProtected: flag ? p.isPasswordProtected === true : null }),
  };
}

/**
 * Queues `unprotect` when the sheet was protected (as read in an earlier sync), else nothing.
 * Returns whether an unprotect was queued.
 */
export function queueUnprotect(context: Excel.RequestContext, sheet: Excel.Worksheet | string, wasProtected: boolean, password?: string | null): boolean {
  if (!wasProtected) return false;
  const pw = normalisePassword(password);
  const ws = worksheet(context, sheet);
  if (pw === undefined) ws.protection.unprotect();
  else ws.protection.unprotect(pw);
  return true;
}

/**
 * Queues `protect` with the ledger's options when the sheet is to end protected: pass the state
 * read before `queueUnprotect` (re-protect what was protected), or `true` for a sheet the add-in
 * has just created or unprotected itself. Returns whether a protect was queued.
 */
export function queueProtect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet | string,
  wasProtected: boolean,
  password?: string | null,
  options: Excel.WorksheetProtectionOptions = LEDGER_PROTECTION_OPTIONS,
): boolean {
  if (!wasProtected) return false;
  const pw = normalisePassword(password);
  const ws = worksheet(context, sheet);
  if (pw === undefined) ws.protection.protect({ ...options });
  else ws.protection.protect({ ...options }, pw);
  return true;
}
