import { readWorkbookInfo } from '../excel/workbookInfo';
import { SAMPLE_SHEETS, SAMPLE_WORKBOOK_NAME } from './sampleLedger';
import { createSampleRun } from './sampleRun';

describe('createSampleRun (the preview fake)', () => {
  it('answers the status card with the sample workbook', async () => {
    const info = await readWorkbookInfo(createSampleRun());
    expect(info.name).toBe(SAMPLE_WORKBOOK_NAME);
    for (const sheet of SAMPLE_SHEETS) expect(info.sheets[sheet]).toBe(true);
    expect(info.sheets['操作日志']).toBe(false);
  });

  it('hands out loaded values only after sync, like Excel', async () => {
    const run = createSampleRun('a.xlsx', ['台账']);
    const before = await run(async (context) => {
      context.workbook.load('name');
      return context.workbook.name;
    });
    expect(before).toBe('');
  });
});
