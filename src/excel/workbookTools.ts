/**
 * What the task pane asks of the workbook besides the ledger service: its name and ledger sheets
 * (the status card) and 自检. Built where the pane is put together (taskpane/index.tsx, the
 * preview), so that pages and components import only types from excel/.
 */
import type { OfficeLike } from './capabilities';
import type { ExcelRun, ExcelRunOn } from './run';
import { runSelfCheck } from './selfCheck';
import type { SelfCheckReport } from './selfCheckModel';
import { readWorkbookInfo, type WorkbookInfo } from './workbookInfo';

export interface WorkbookTools {
  readInfo(): Promise<WorkbookInfo>;
  /** 自检; null where the host gives no `Excel.run(context, batch)` */
  selfCheck: (() => Promise<SelfCheckReport>) | null;
}

export function workbookTools(run: ExcelRun, runOn?: ExcelRunOn, office?: OfficeLike): WorkbookTools {
  return {
    readInfo: () => readWorkbookInfo(run),
    selfCheck: runOn ? () => runSelfCheck({ run, runOn, office }) : null,
  };
}
