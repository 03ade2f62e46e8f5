import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { minDate, monthEnd } from '../../domain/dates';
import { monthlyScores, type SectionScore } from '../../domain/scoring';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { MonthPicker } from '../components/MonthPicker';
import { doneOnce } from '../hooks/alreadyDone';
import { OperationMessage } from '../components/OperationMessage';
import { PageFrame } from '../components/PageFrame';
import { SnapshotGate } from '../components/SnapshotGate';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { monthOf, selectableMonths } from '../months';

const t = ui.scores;

/** The five dimensions, in the 月度考核's order. */
export const DIMENSIONS = ['volume', 'feedback', 'progress', 'effect', 'closure'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  // 排名, 科室, 总分, 扣分 fit a 320 px pane; the five dimensions (on demand) may scroll
  table: { width: '100%', tableLayout: 'auto' },
  wide: { minWidth: '460px' },
  narrow: { width: '1%', whiteSpace: 'nowrap' },
  section: { maxWidth: '9em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  noDue: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
  explain: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** 综评: the month's scores by section (computed live from the snapshot); 冻结本月 for the 督办员. */
export function ScoresPage(): JSX.Element {
  return (
    <PageFrame page="scores">
      <SnapshotGate>
        <ScoresBody />
      </SnapshotGate>
    </PageFrame>
  );
}

const fmt = (n: number) => n.toFixed(2);

function ScoresBody(): JSX.Element {
  const styles = useStyles();
  const { service, snapshot, choice } = useReadyLedger();
  const op = useLedgerOperation();
  const months = useMemo(() => selectableMonths(snapshot.items, snapshot.today), [snapshot.items, snapshot.today]);
  const [month, setMonth] = useState(() => monthOf(snapshot.today));
  const [dims, setDims] = useState(false);
  // 冻结 asks first: an unfinished month is frozen as it stands, and a second freeze adds a version
  const [confirming, setConfirming] = useState(false);
  const scores = useMemo(
    () =>
      monthlyScores({
        items: snapshot.items,
        records: snapshot.records,
        sections: snapshot.people.map((p) => p.section),
        month,
        today: snapshot.today,
        settings: snapshot.settings,
        cal: snapshot.calendar,
      }),
    [snapshot, month],
  );
  const asOf = minDate(monthEnd(`${month}-01`), snapshot.today);
  const w = snapshot.settings.weights;

  const freeze = () =>
    void op.run(`冻结考核:${month}`, async (step) => {
      const done = await step('freeze', (ctx) => doneOnce(service.freezeMonth(month, ctx)));
      return done ? t.frozen(done.month, done.version) : t.alreadyFrozen(month);
    });

  return (
    <>
      <MonthPicker label={t.month} value={month} months={months} onChange={setMonth} />
      <Caption1>{t.asOf(month, asOf)}</Caption1>
      {scores.length === 0 ? (
        <Caption1>{t.empty}</Caption1>
      ) : (
        <>
          <Checkbox label={t.showDims} checked={dims} onChange={(_, d) => setDims(d.checked === true)} />
          <div className={styles.scroll}>
            <ScoresTable scores={scores} month={month} dims={dims} />
          </div>
        </>
      )}
      <Caption1>{t.legend}</Caption1>
      <section aria-labelledby="scores-explain-title">
        <Body1Strong as="h3" id="scores-explain-title">
          {t.explainTitle}
        </Body1Strong>
        <ul className={styles.explain}>
          {DIMENSIONS.map((d) => (
            <li key={d}>{t.explain[d](w[d])}</li>
          ))}
          <li>{t.explain.deductions(snapshot.settings.deductions)}</li>
        </ul>
      </section>
      {choice?.role === '督办员' && (
        <FormSection id="freeze" title={t.freeze}>
          <Caption1>{t.freezeHint}</Caption1>
          {confirming ? (
            <>
              <Caption1 role="alert">{t.freezeConfirm(month, monthEnd(`${month}-01`) > snapshot.today, asOf)}</Caption1>
              <FormActions>
                <Button
                  appearance="primary"
                  disabled={op.busy}
                  onClick={() => {
                    setConfirming(false);
                    freeze();
                  }}
                >
                  {t.freezeConfirmYes}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t.freezeCancel}</Button>
              </FormActions>
            </>
          ) : (
            <FormActions>
              <Button appearance="primary" disabled={op.busy || scores.length === 0} onClick={() => setConfirming(true)}>
                {t.freeze}
              </Button>
            </FormActions>
          )}
        </FormSection>
      )}
      <OperationMessage op={op} />
    </>
  );
}

/**
 * 排名 and 总分 first, then 扣分: what a section head looks for, in four columns that fit the pane;
 * a long section name is cut with an ellipsis (full name in its tooltip). With `dims` the five
 * dimensions follow (the table may then scroll sideways).
 */
function ScoresTable({ scores, month, dims }: { scores: SectionScore[]; month: string; dims: boolean }): JSX.Element {
  const styles = useStyles();
  const noDue = (s: SectionScore, d: Dimension) => d !== 'volume' && s.noDue[d];
  const num = mergeClasses(styles.num, styles.narrow);
  return (
    <Table size="extra-small" className={mergeClasses(styles.table, dims && styles.wide)} aria-label={t.tableLabel(month)} data-testid="scores-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.narrow}>{t.rank}</TableHeaderCell>
          <TableHeaderCell>{t.section}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t.total}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t.deductions}</TableHeaderCell>
          {dims &&
            DIMENSIONS.map((d) => (
              <TableHeaderCell key={d} className={styles.narrow}>
                {t.dims[d]}
              </TableHeaderCell>
            ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {scores.map((s) => (
          <TableRow key={s.section} data-section={s.section}>
            <TableCell data-cell="rank" className={num}>
              {s.rank}
            </TableCell>
            <TableCell data-cell="section" title={s.section}>
              <div className={styles.section}>{s.section}</div>
            </TableCell>
            <TableCell data-cell="total" className={mergeClasses(num, styles.total)}>
              {fmt(s.total)}
            </TableCell>
            <TableCell data-cell="deductions" className={num}>
              {fmt(s.deductions)}
            </TableCell>
            {dims &&
              DIMENSIONS.map((d) => (
                <TableCell
                  key={d}
                  data-cell={d}
                  data-no-due={noDue(s, d) ? 'true' : undefined}
                  title={noDue(s, d) ? t.noDue : undefined}
                  className={mergeClasses(num, noDue(s, d) && styles.noDue)}
                >
                  {fmt(s[d])}
                  {noDue(s, d) && (
                    <>
                      <span aria-hidden="true">{t.noDueMark}</span>
                      <span className={styles.srOnly}>{t.noDue}</span>
                    </>
                  )}
                </TableCell>
              ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
