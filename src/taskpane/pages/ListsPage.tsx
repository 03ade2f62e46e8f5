import { Body1Strong, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { monthEnd } from '../../domain/dates';
import { isValidIsoDate } from '../../domain/parseDate';
import type { IsoDate } from '../../domain/types';
import type { RoundOutcome } from '../../excel/rounds';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import { MonthPicker } from '../components/MonthPicker';
import { doneOnce } from '../hooks/alreadyDone';
import { OperationMessage } from '../components/OperationMessage';
import { DocumentsPanel } from './DocumentsPanel';
import { PageFrame } from '../components/PageFrame';
import { SnapshotGate } from '../components/SnapshotGate';
import { useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { monthOf, selectableMonths } from '../months';
import { collectErrors, hasErrors } from '../validate';

const t = ui.lists;

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Mode = 'month' | 'range';

/** 清单与报告 (督办员): one 督查轮次 for a month or a date range: 督查报告, 问题清单, 不落实清单. */
export function ListsPage(): JSX.Element {
  return (
    <PageFrame page="lists">
      <SnapshotGate>
        <ListsBody />
      </SnapshotGate>
    </PageFrame>
  );
}

function ListsBody(): JSX.Element {
  const { choice } = useReadyLedger();
  if (choice?.role !== '督办员') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.officeOnly}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <RoundForm />
      <DashboardForm />
      <DocumentsPanel />
    </>
  );
}

/** 看板: refresh the chart tables and charts of the 督查看板 sheet (from raw fields, as of today). */
function DashboardForm(): JSX.Element {
  const { service, snapshot } = useReadyLedger();
  const op = useLedgerOperation();
  const refresh = () => {
    void op.run(`看板:${snapshot.today}`, async (step) => {
      await step('dashboard', () => service.refreshDashboard(snapshot.today));
      return t.dashboardDone(snapshot.today);
    });
  };
  return (
    <>
      <FormSection id="dashboard" title={t.dashboardTitle}>
        <Caption1>{t.dashboardHint}</Caption1>
        <FormActions>
          <Button disabled={op.busy} onClick={refresh}>
            {t.dashboardRefresh}
          </Button>
        </FormActions>
      </FormSection>
      <OperationMessage op={op} />
    </>
  );
}

/** The period a form asks for, with its field errors (none when it may be sent). */
export function periodOf(
  mode: Mode,
  month: string,
  from: string,
  to: string,
  today: IsoDate,
): { period: { from: IsoDate; to: IsoDate } | null; errors: { from?: string; to?: string } } {
  if (mode === 'month') {
    const first = `${month}-01`;
    return { period: { from: first, to: monthEnd(first) }, errors: {} };
  }
  const dateError = (value: string, label: string) =>
    value === '' ? ui.validation.choose(label) : !isValidIsoDate(value) ? ui.validation.badDate(label) : null;
  const errors = collectErrors({
    from: dateError(from, t.from) ?? (from > today ? t.fromAfterToday(today) : null),
    to: dateError(to, t.to) ?? (isValidIsoDate(from) && to < from ? t.toBeforeFrom : null),
  });
  return { period: hasErrors(errors) ? null : { from, to }, errors };
}

function RoundForm(): JSX.Element {
  const { service, snapshot } = useReadyLedger();
  const op = useLedgerOperation();
  const months = selectableMonths(snapshot.items, snapshot.today);
  const [mode, setMode] = useState<Mode>('month');
  const [month, setMonth] = useState(() => monthOf(snapshot.today));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(false);
  const [outcome, setOutcome] = useState<RoundOutcome | null>(null);
  const { period, errors } = periodOf(mode, month, from, to, snapshot.today);

  const generate = () => {
    setShown(true);
    if (!period) return;
    setOutcome(null);
    void op.run(`督查轮次:${period.from}~${period.to}`, async (step) => {
      const done = await step('round', (ctx) => doneOnce(service.generateRound(period, ctx)));
      if (!done) return t.alreadyDone;
      setOutcome(done);
      return t.done(done.archiveSheet);
    });
  };

  return (
    <>
      <FormSection id="round" title={t.formTitle}>
        <Field label={t.mode}>
          <Select value={mode} onChange={(_, d) => setMode(d.value as Mode)}>
            <option value="month">{t.modeMonth}</option>
            <option value="range">{t.modeRange}</option>
          </Select>
        </Field>
        {mode === 'month' ? (
          <MonthPicker label={t.month} value={month} months={months} onChange={setMonth} />
        ) : (
          <>
            <Field label={t.from} required validationMessage={shown ? errors.from : undefined}>
              <Input type="date" value={from} max={snapshot.today} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label={t.to} required validationMessage={shown ? errors.to : undefined}>
              <Input type="date" value={to} min={from || undefined} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </>
        )}
        {period && <Caption1 data-testid="round-period">{t.periodHint(period.from, period.to)}</Caption1>}
        <FormActions>
          <Button appearance="primary" disabled={op.busy} onClick={generate}>
            {t.generate}
          </Button>
        </FormActions>
      </FormSection>
      <OperationMessage op={op} />
      {outcome && <RoundResult outcome={outcome} />}
    </>
  );
}

const pct = (rate: number | null, num: number, den: number) => t.rate(rate, num, den);

/** What the round wrote: totals, the two rates, the list sizes, 主要问题, the archive sheet, the time. */
export function RoundResult({ outcome }: { outcome: RoundOutcome }): JSX.Element {
  const styles = useStyles();
  const { report } = outcome;
  const c = report.totals;
  const facts: [key: string, term: string, value: string][] = [
    ...(Object.keys(t.totals) as (keyof typeof t.totals)[]).map((k): [string, string, string] => [k, t.totals[k], String(c[k])]),
    ['onTimeRate', t.onTimeRate, pct(report.onTimeClosureRate, c.onTimeClosed, c.closed)],
    ['feedbackRate', t.feedbackRate, pct(report.feedbackTimelinessRate, report.reportsOnTime, report.reportsDue)],
    ['issues', t.issueCount, t.rows(outcome.issueRows.length)],
    ['nonImpl', t.nonImplCount, t.rows(outcome.nonImplementationRows.length)],
    ['archive', t.archive, outcome.archiveSheet],
  ];
  return (
    <section className={styles.result} aria-labelledby="round-result-title" data-testid="round-result">
      <Body1Strong as="h3" id="round-result-title">
        {t.resultTitle(report.period.from, report.period.to, report.asOf)}
      </Body1Strong>
      <dl className={styles.facts}>
        {facts.map(([key, term, value]) => (
          <div key={key} className={styles.pair} data-fact={key}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Body1Strong as="h4">{t.problemsTitle}</Body1Strong>
      {report.mainProblems.length === 0 ? (
        <Caption1>{t.noProblems}</Caption1>
      ) : (
        <ol className={styles.problems} data-testid="main-problems">
          {report.mainProblems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ol>
      )}
      {outcome.rowErrors.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.skipped(outcome.rowErrors.length)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
