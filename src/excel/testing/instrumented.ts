/**
 * An `ExcelRun` over the double that counts syncs and the operations each carried, and can make
 * the sync numbered `fault.at` fail ('request': nothing applied; 'partial': the first `k` operations
 * applied, then the failure), for fault-injection tests.
 */
import type { ExcelDouble } from '../double';
import type { ExcelRun } from '../run';

export interface SyncFault {
  at: number;
  kind: 'request' | 'partial';
  k?: number;
}

export function instrumented(xl: ExcelDouble, fault?: SyncFault): { run: ExcelRun; syncs: () => number; ops: number[] } {
  let syncs = 0;
  const ops: number[] = [];
  const run: ExcelRun = (batch) =>
    xl.run(async (context) => {
      const sync = context.sync.bind(context);
      (context as { sync: () => Promise<void> }).sync = async () => {
        const n = ++syncs;
        if (fault && n === fault.at) xl.failNextSync(fault.kind, fault.k ?? 0);
        const before = xl.stats.operations;
        try {
          await sync();
        } finally {
          ops.push(xl.stats.operations - before);
        }
      };
      return batch(context);
    });
  return { run, syncs: () => syncs, ops };
}
