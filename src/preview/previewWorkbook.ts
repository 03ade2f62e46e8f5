/**
 * The preview's workbook: an in-memory Excel double holding a full ledger (initialised with the
 * real 初始化台账 and filled with sample items), the real LedgerService over it, and a tiny change
 * feed so the grid redraws after each action. Formula cells show values computed by the domain
 * core (recomputeCachedValues), the same values LibreOffice computes from the formulas (test/recalc).
 */
import { createLedgerService } from '../excel/ledgerGateway';
import type { LedgerService } from '../excel/ledgerService';
import type { ExcelDouble, ExcelProfileName } from '../excel/double';
import type { IsoDate } from '../domain/types';
import { createPreviewLedger, recomputeCachedValues } from './previewLedger';

/** The preview's 今天: fixed, so the sample shows the same 预警状态 on every visit. */
export const PREVIEW_TODAY: IsoDate = '2026-11-25';

export interface PreviewWorkbook {
  xl: ExcelDouble;
  service: LedgerService;
  /** redraw callbacks; returns unsubscribe */
  subscribe(listener: () => void): () => void;
}

/** The wall clock on the preview's fixed day (so 操作日志 times still move). */
function previewClock(): Date {
  const now = new Date();
  const [y, m, d] = PREVIEW_TODAY.split('-').map(Number);
  return new Date(y, m - 1, d, now.getHours(), now.getMinutes(), now.getSeconds());
}

/** `profile`: which Excel the in-memory workbook models (`?profile=` of preview.html; default 'web'). */
export async function createPreviewWorkbook(items = 40, profile?: ExcelProfileName): Promise<PreviewWorkbook> {
  const xl = await createPreviewLedger({ today: PREVIEW_TODAY, items, seed: 13710, profile });
  const listeners = new Set<() => void>();
  const gateway = createLedgerService(xl.run, {
    runOn: xl.runOn,
    clock: previewClock,
    afterWrite: () => {
      recomputeCachedValues(xl, PREVIEW_TODAY);
      for (const l of listeners) l();
    },
  });
  // The pane stamps each action with the machine's clock; the preview lives on its fixed day.
  const onPreviewDay = <C extends { now: Date }>(c: C): C => ({ ...c, now: previewClock() });
  const service: LedgerService = {
    ...gateway,
    register: (input, c) => gateway.register(input, onPreviewDay(c)),
    act: (id, action, c) => gateway.act(id, action, onPreviewDay(c)),
    urgeOverdue: (section, content, c) => gateway.urgeOverdue(section, content, onPreviewDay(c)),
    generateRound: (period, c) => gateway.generateRound(period, onPreviewDay(c)),
    freezeMonth: (month, c) => gateway.freezeMonth(month, onPreviewDay(c)),
  };
  return {
    xl,
    service,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
