import type { ExcelRun } from '../excel/run';
import { SAMPLE_SHEETS, SAMPLE_WORKBOOK_NAME } from './sampleLedger';

/**
 * A tiny stand-in for `Excel.run` so the preview can show the real task pane without Office.
 * It answers only what the status card asks (workbook.name, worksheets.items/name), and like
 * Excel it hands out loaded values only after `context.sync()`. To be replaced by the in-memory
 * Excel double (src/excel/double/) once that lands.
 */
export function createSampleRun(
  name: string = SAMPLE_WORKBOOK_NAME,
  sheetNames: readonly string[] = SAMPLE_SHEETS,
): ExcelRun {
  return async (batch) => {
    const pending: Array<() => void> = [];
    const worksheets = {
      items: [] as Array<{ name: string }>,
      load() {
        pending.push(() => {
          worksheets.items = sheetNames.map((sheet) => ({ name: sheet }));
        });
        return worksheets;
      },
    };
    const workbook = {
      name: '',
      worksheets,
      load() {
        pending.push(() => {
          workbook.name = name;
        });
        return workbook;
      },
    };
    const context = {
      workbook,
      async sync() {
        pending.splice(0).forEach((apply) => apply());
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
}
