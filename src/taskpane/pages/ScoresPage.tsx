import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  Select,
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
  table: { minWidth: '460px' },
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
      <Field label={t.month}>
        <Select value={month} onChange={(_, d) => setMonth(d.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1>{t.asOf(month, asOf)}</Caption1>
      {scores.length === 0 ? (
        <Caption1>{t.empty}</Caption1>
      ) : (
        <div className={styles.scroll}>
          <ScoresTable scores={scores} month={month} />
        </div>
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
          <FormActions>
            <Button appearance="primary" disabled={op.busy || scores.length === 0} onClick={freeze}>
              {t.freeze}
            </Button>
          </FormActions>
        </FormSection>
      )}
      <OperationMessage op={op} />
    </>
  );
}

function ScoresTable({ scores, month }: { scores: SectionScore[]; month: string }): JSX.Element {
  const styles = useStyles();
  const noDue = (s: SectionScore, d: Dimension) => d !== 'volume' && s.noDue[d];
  return (
    <Table size="extra-small" className={styles.table} aria-label={t.tableLabel(month)} data-testid="scores-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.section}</TableHeaderCell>
          {DIMENSIONS.map((d) => (
            <TableHeaderCell key={d}>{t.dims[d]}</TableHeaderCell>
          ))}
          <TableHeaderCell>{t.deductions}</TableHeaderCell>
          <TableHeaderCell>{t.total}</TableHeaderCell>
          <TableHeaderCell>{t.rank}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {scores.map((s) => (
          <TableRow key={s.section} data-section={s.section}>
            <TableCell>{s.section}</TableCell>
            {DIMENSIONS.map((d) => (
              <TableCell
                key={d}
                data-cell={d}
                data-no-due={noDue(s, d) ? 'true' : undefined}
                title={noDue(s, d) ? t.noDue : undefined}
                className={mergeClasses(styles.num, noDue(s, d) && styles.noDue)}
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
            <TableCell data-cell="deductions" className={styles.num}>
              {fmt(s.deductions)}
            </TableCell>
            <TableCell data-cell="total" className={mergeClasses(styles.num, styles.total)}>
              {fmt(s.total)}
            </TableCell>
            <TableCell data-cell="rank" className={styles.num}>
              {s.rank}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
