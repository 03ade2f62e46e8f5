/**
 * The real LedgerService: Office.js through an ExcelRun (real Excel, or the in-memory double in
 * tests and the preview), as a table of actions. Each action is a module of its own (actions/ for
 * the item actions; rounds, scoresArchive, dashboard, import, initialise for the bulk ones) with a
 * fixed round-trip budget, writing through the one write path (writePath.ts). Decisions are made by
 * the domain core from raw fields read in the same action, never from computed cells, and never
 * from state kept between actions.
 */
import type { Result } from '../domain/result';
import { act } from './actions/act';
import { register } from './actions/register';
import { onSelectItem, selectItem } from './actions/selection';
import type { ActionDeps } from './actions/shared';
import { snapshot } from './actions/snapshot';
import { urgeOverdue } from './actions/urge';
import { auditLedger, selectCell } from './audit';
import { refreshDashboard } from './dashboard';
import { readDocumentSource } from './documents';
import { writeDocumentSheet } from './documentSheets';
import { applyImport, previewImport } from './importApply';
import { undoImport } from './importUndo';
import { initialiseLedger } from './initialise';
import type { LedgerService } from './ledgerService';
import { generateRound } from './rounds';
import { officeRunOn, type ExcelRun, type ExcelRunOn } from './run';
import { freezeMonth } from './scoresArchive';

export interface GatewayOptions {
  /** the wall clock (tests fix it) */
  clock?: () => Date;
  /** called after each action that wrote (the preview refreshes its grid) */
  afterWrite?: () => void;
  /** `Excel.run(context, batch)` (removes the selection handler on the context that added it); default the real one */
  runOn?: ExcelRunOn;
}

export function createLedgerService(run: ExcelRun, options: GatewayOptions = {}): LedgerService {
  const deps: ActionDeps = { run, clock: options.clock ?? (() => new Date()), runOn: options.runOn ?? officeRunOn };
  /** a writing action: afterWrite once it succeeded */
  const writes =
    <A extends unknown[], T>(action: (...args: A) => Promise<Result<T>>) =>
    async (...args: A): Promise<Result<T>> => {
      const r = await action(...args);
      if (r.ok) options.afterWrite?.();
      return r;
    };
  return {
    snapshot: () => snapshot(deps),
    register: writes((input, ctx) => register(deps, input, ctx)),
    act: writes((itemId, action, ctx) => act(deps, itemId, action, ctx)),
    urgeOverdue: writes((section, content, ctx) => urgeOverdue(deps, section, content, ctx)),
    generateRound: writes((period, ctx) => generateRound(run, { period, asOf: ctx.on, actor: ctx.actor, opId: ctx.opId, now: ctx.now })),
    freezeMonth: writes((month, ctx) => freezeMonth(run, month, { asOf: ctx.on, actor: ctx.actor, opId: ctx.opId, now: ctx.now })),
    refreshDashboard: writes((asOf) => refreshDashboard(run, { asOf })),
    documentSource: () => readDocumentSource(run),
    writeDocumentSheet: writes((doc) => writeDocumentSheet(run, doc)),
    previewImport: (text, request) => previewImport(run, text, request, deps.clock()),
    applyImport: writes((preview, ctx) => applyImport(run, preview, ctx)),
    undoImport: writes((opId, ctx) => undoImport(run, opId, ctx)),
    audit: () => auditLedger(run),
    selectCell: (sheet, address) => selectCell(run, sheet, address),
    initialise: writes(() => initialiseLedger(run)),
    selectItem: (itemId) => selectItem(deps, itemId),
    onSelectItem: (handler) => onSelectItem(deps, handler),
  };
}
