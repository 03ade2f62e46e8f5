/**
 * What the 公文 documents are made from, read in one round trip (plus one per further slice of a
 * table too large for one response, tableRead.ts): the raw ledger inputs (台账,
 * 退回 records, 科室人员, 日历, 设置), the document settings (设置 rows, defaults when an older
 * ledger lacks them), and the current 督查轮次 as it stands in the workbook — the 督查报告 sheet's
 * 督查日期 and 区间, its 主要问题 and 督查建议 rows (with the clerk's edits), and the 问题清单 and
 * 不落实清单 bodies (hand rows and overridden 问责建议 included). The round's figures are computed
 * again by the domain core from raw fields at the round's date, never read from its cells.
 */
import { isIsoDate } from '../domain/dates';
import { documentSettingsFromPairs, type DocumentSettings } from '../domain/documents/settings';
import type { IssueRow, NonImplementationRow } from '../domain/lists';
import { buildReport, type SupervisionReport } from '../domain/report';
import { err, ok, type Result } from '../domain/result';
import type { IsoDate } from '../domain/types';
import { cellDate, cellText } from './cells';
import { queueLedgerInputs, type LedgerInputs } from './roundsRead';
import { ISSUE_SHEET, LAYOUT, NONIMPL_SHEET, REPORT_SHEET } from './rounds';
import type { ExcelRun } from './run';
import { completeReads, queueTable, queueUsedRange } from './tableRead';
import { syncMessage } from './operationLog';
import { SHEET } from '../workbook/sheetNames';

export interface RoundOnSheet {
  period: { from: IsoDate; to: IsoDate };
  /** 督查日期 */
  roundDate: IsoDate;
  report: SupervisionReport;
  mainProblems: string[];
  suggestions: string[];
  issues: IssueRow[];
  nonImplementation: NonImplementationRow[];
}

export interface DocumentSource extends LedgerInputs {
  doc: DocumentSettings;
  /** null when the 督查报告 sheet holds no round yet */
  round: RoundOnSheet | null;
}

/** Text of the sentence rows of a block, blank rows dropped. */
function sentences(values: readonly (readonly unknown[])[]): string[] {
  return values.map((r) => cellText(r[0]).replace(/^'/, '').trim()).filter((s) => s !== '');
}

export async function readDocumentSource(run: ExcelRun): Promise<Result<DocumentSource>> {
  try {
    return await run(async (context) => {
      const inputs = queueLedgerInputs(context, { recordTypes: ['退回'] });
      const settings = queueUsedRange(context, SHEET.settings);
      const ws = context.workbook.worksheets.getItem(REPORT_SHEET);
      const head = ws.getRange('A1:D3').load('values');
      const problems = ws.getRange(`A${LAYOUT.problemsFirst}:A${LAYOUT.problemsLast}`).load('values');
      const suggestions = ws.getRange(`A${LAYOUT.suggestionsFirst}:A${LAYOUT.suggestionsLast}`).load('values');
      const issues = queueTable(context, ISSUE_SHEET, 'all');
      const nonImpl = queueTable(context, NONIMPL_SHEET, 'all');
      await context.sync();
      await completeReads(context);

      const ledger = inputs.read();
      const byName = new Map<string, unknown>();
      for (const row of settings.read().values) {
        const name = typeof row[0] === 'string' ? row[0].trim() : '';
        if (name && !byName.has(name)) byName.set(name, row[1] === '' ? null : row[1]);
      }
      const doc = documentSettingsFromPairs(byName);
      const roundDate = cellDate(head.values[1]?.[1]);
      const from = cellDate(head.values[2]?.[1]);
      const to = cellDate(head.values[2]?.[3]);
      let round: RoundOnSheet | null = null;
      if (roundDate && from && to && isIsoDate(from) && from <= to) {
        const period = { from, to };
        const report = buildReport({
          items: ledger.items,
          records: ledger.records,
          period,
          asOf: roundDate,
          settings: ledger.settings,
          cal: ledger.cal,
          sections: ledger.sections,
          people: ledger.people,
        });
        round = {
          period,
          roundDate,
          report,
          mainProblems: sentences(problems.values),
          suggestions: sentences(suggestions.values),
          issues: issues.read().rows.map((r, k): IssueRow => {
            const v = r.values;
            const rect = v['整改期限'];
            return {
              seq: k + 1,
              itemId: cellText(v['编号']).trim(),
              content: cellText(v['事项内容']),
              section: cellText(v['整改责任科室']),
              responsible: cellText(v['责任人']),
              rectifyBy: cellDate(rect) ?? cellText(rect).trim(),
              status: cellText(v['预警状态']) as IssueRow['status'],
              manual: cellText(v['手工']).trim() !== '',
            };
          }),
          nonImplementation: nonImpl.read().rows.map((r, k): NonImplementationRow => {
            const v = r.values;
            return {
              seq: k + 1,
              itemId: cellText(v['编号']).trim(),
              section: cellText(v['承办科室']),
              clue: cellText(v['问题线索']),
              suggestion: cellText(v['问责建议']).trim(),
              override: cellText(v['人工调整']).trim() !== '',
              manual: cellText(v['手工']).trim() !== '',
            };
          }),
        };
      }
      return ok({ ...ledger, doc, round });
    });
  } catch (e) {
    return err('excel', syncMessage(e));
  }
}
