import {
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { toolPanelStyles } from './panelStyles';
import { useRef, useState } from 'react';
import type { AuditProblem, AuditReport } from '../../excel/audit';
import { ui } from '../../i18n';
import { useLedger } from '../hooks/useLedger';
import { errorText } from '../hooks/useSnapshot';
import { InitLedgerPanel } from './InitLedgerPanel';

const t = ui.audit;

/** Problems 初始化台账 repairs: damaged formula columns, missing columns or tables. */
const STRUCTURAL = new Set(['formula-overwritten', 'formula-missing', 'formula-different', 'column-missing', 'table-missing']);
export const isStructural = (p: AuditProblem): boolean => STRUCTURAL.has(p.code);

const useStyles = makeStyles({
  ...toolPanelStyles,
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  nested: { listStyleType: 'none', margin: 0, paddingLeft: tokens.spacingHorizontalM },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { fontWeight: tokens.fontWeightSemibold },
});

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; report: AuditReport } | { kind: 'failed'; message: string };

/** 校验台账 (督办员, on 概览): every row and computed column checked; a problem's cell is one click away. */
export function AuditPanel(): JSX.Element {
  const styles = useStyles();
  const { service } = useLedger();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef(false);

  const audit = async () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', report: await service.audit() });
    } catch (error) {
      setState({ kind: 'failed', message: ui.op.thrown(errorText(error)) });
    } finally {
      running.current = false;
    }
  };
  const select = (sheet: string, address: string) => {
    service.selectCell(sheet, address).catch(() => undefined);
  };

  const report = state.kind === 'done' ? state.report : null;
  const structural = report !== null && (!report.initialised || report.problems.some(isStructural));

  return (
    <section className={styles.root} aria-labelledby="audit-title" data-testid="audit-panel">
      <Body1Strong as="h3" id="audit-title">
        {t.title}
      </Body1Strong>
      <Button className={styles.start} disabled={state.kind === 'busy'} onClick={() => void audit()} aria-describedby="audit-hint">
        {t.button}
      </Button>
      <Caption1 id="audit-hint" className={styles.hint}>
        {t.hint}
      </Caption1>
      {state.kind === 'busy' && <Spinner size="tiny" label={t.busy} labelPosition="after" />}
      {state.kind === 'failed' && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void audit()}>
              {t.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {report && (
        <MessageBar intent={report.problems.length === 0 ? 'success' : 'warning'} data-testid="audit-summary">
          <MessageBarBody>{report.summary}</MessageBarBody>
        </MessageBar>
      )}
      {report && report.bySheet.length > 0 && (
        <ul className={styles.list} aria-label={t.title}>
          {report.bySheet.map((sheet) => (
            <li key={sheet.sheet} data-audit-sheet={sheet.sheet}>
              <Body1Strong as="h4">{t.sheetHeading(sheet.sheet, sheet.count)}</Body1Strong>
              <ul className={styles.nested}>
                {sheet.rows.map((row) => (
                  <li key={row.row} data-audit-row={`${sheet.sheet}!${row.row}`}>
                    <span className={styles.row}>{t.rowHeading(row.row)}</span>
                    <ul className={styles.nested}>
                      {row.cells.map((cell) => (
                        <li key={cell.address}>
                          <Button
                            size="small"
                            appearance="subtle"
                            title={t.cellHint}
                            data-cell={`${sheet.sheet}!${cell.address}`}
                            onClick={() => select(sheet.sheet, cell.address)}
                          >
                            {t.cell(cell.address, cell.header)}
                          </Button>
                          <ul className={styles.messages}>
                            {cell.problems.map((p, i) => (
                              <li key={i} data-code={p.code}>
                                {p.message}
                              </li>
                            ))}
                          </ul>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {structural && (
        <>
          <MessageBar intent="info">
            <MessageBarBody>{t.repairHint}</MessageBarBody>
          </MessageBar>
          <InitLedgerPanel id="audit-repair" label={t.repair} onDone={() => void audit()} />
        </>
      )}
    </section>
  );
}
