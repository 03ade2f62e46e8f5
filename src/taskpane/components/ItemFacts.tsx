import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Fragment, useMemo, type ReactNode } from 'react';
import { itemClock } from '../../domain/clock';
import { openReturns, returnedReports } from '../../domain/signOffReturn';
import type { LedgerItem } from '../../domain/types';
import { REPORT_TYPES } from '../../domain/workflow';
import { ui } from '../../i18n';
import { useReadyLedger } from '../hooks/useLedger';
import { factGridStyle } from './panelStyles';

const useStyles = makeStyles({
  grid: { ...factGridStyle, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  records: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  record: { display: 'flex', flexDirection: 'column', fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** term → value rows as a definition list (data-fact = term, for tests and the e2e suite); an empty value shows “—”. */
export function FactList({ rows }: { rows: readonly (readonly [string, ReactNode])[] }): JSX.Element {
  const styles = useStyles();
  return (
    <dl className={styles.grid}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value} data-fact={term}>
            {value || ui.item.none}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** What an approver needs to know of an item, beyond its title: where it comes from, what it asks. */
export function itemFacts(item: LedgerItem): [string, string][] {
  const i = ui.item;
  return [
    [i.source, String(item.source)],
    [i.level, item.level],
    [i.kind, item.kind],
    [i.requirement, item.requirement],
  ];
}

/**
 * A 待审批 item as the 中心主任 decides it: source, level, kind, 目标任务, and the 13710 dates it
 * gets if approved (交办) today.
 */
export function PendingFacts({ item }: { item: LedgerItem }): JSX.Element {
  const { snapshot } = useReadyLedger();
  const i = ui.item;
  const clock = itemClock({ ...item, assignedOn: snapshot.today }, snapshot.settings, snapshot.calendar);
  return (
    <FactList
      rows={[
        ...itemFacts(item),
        [i.explicitDeadline, item.explicitDeadline ?? i.defaultDeadline],
        [i.ifToday(i.due1), clock?.due1 ?? ''],
        [i.ifToday(i.due3), clock?.due3 ?? ''],
        [i.ifToday(i.deadline), clock?.deadline ?? ''],
      ]}
    />
  );
}

/**
 * What the 分管领导 sent back (审签退回) and the section has not reported again: the comment, and
 * which report it was. Nothing when there is none.
 */
export function ReturnNotices({ item }: { item: LedgerItem }): JSX.Element | null {
  const { snapshot } = useReadyLedger();
  const open = useMemo(() => openReturns(snapshot.records, item.id), [snapshot.records, item.id]);
  if (open.length === 0) return null;
  return (
    <>
      {open.map((o) => (
        <MessageBar key={o.record.opId} intent="warning" layout="multiline" data-testid="sign-off-returned">
          <MessageBarBody>
            <MessageBarTitle>{ui.item.returned(o.comment)}</MessageBarTitle>
            {ui.item.returnedWhat(o.node, o.reportDate, o.record.signer, o.record.date)}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

/** The item's 反馈记录 (reports with their sign-off or 审签退回, 退回, 催办, 升级), newest first. */
export function ItemRecords({ item }: { item: LedgerItem }): JSX.Element {
  const styles = useStyles();
  const { snapshot } = useReadyLedger();
  const returned = useMemo(() => returnedReports(snapshot.records), [snapshot.records]);
  const records = snapshot.records.filter((r) => r.itemId === item.id).reverse();
  const isReport = (type: string) => (REPORT_TYPES as readonly string[]).includes(type);
  return (
    <section aria-label={ui.item.recordsTitle} data-testid="item-records">
      <Caption1 className={styles.muted}>{ui.item.recordsTitle}</Caption1>
      {records.length === 0 ? (
        <Caption1>{ui.item.recordsEmpty}</Caption1>
      ) : (
        <ul className={styles.records}>
          {records.map((r, k) => (
            <li key={`${k}-${r.opId}`} className={styles.record} data-record-type={r.type}>
              <span>
                {ui.item.record(r.type, r.date)}
                {isReport(r.type) && (
                  <span className={styles.muted}>
                    {' · '}
                    {r.signedOn ? ui.item.signed(r.signer, r.signedOn) : returned.has(r) ? ui.item.sentBack : ui.item.unsigned}
                  </span>
                )}
              </span>
              <span>{r.content}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
