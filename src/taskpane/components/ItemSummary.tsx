import { Body1, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ui } from '../../i18n';
import type { ItemView } from '../ledgerView';
import { EvidenceText } from './EvidenceText';
import { FactList, ItemRecords, itemFacts, ReturnNotices } from './ItemFacts';
import { ItemStatusBadge } from './ItemStatusBadge';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** At 初核 and 审定 the decision is on the section's account of the work: it and the reports are shown. */
const DECIDING = ['申请办结', '已初核'];

/**
 * The open item: 编号, state, 预警状态, what it is (来源, 层级, 类型, 目标任务) and the 13710 due dates
 * as the domain computes them today; at 初核 and 审定 also the 办结情况, the 佐证材料 (or that there is
 * none) and the item's reports, so the office and the 分管领导 decide on what the section reported.
 * Otherwise 佐证材料 shows only when the item holds one (after a 退回, once closed).
 */
export function ItemSummary({ view }: { view: ItemView }): JSX.Element {
  const styles = useStyles();
  const { item, status } = view;
  const i = ui.item;
  const nodeDue = (key: '1' | '3') => status.nodes.find((n) => n.key === key)?.due ?? i.notAssigned;
  const deciding = DECIDING.includes(item.state);
  const evidence: [string, ReactNode][] = deciding || item.evidence.trim() !== '' ? [[i.evidence, <EvidenceText key="evidence" text={item.evidence} />]] : [];
  const rows: [string, ReactNode][] = [
    [i.state, item.state],
    [i.section, item.section],
    ...itemFacts(item),
    [i.due1, nodeDue('1')],
    [i.due3, nodeDue('3')],
    [i.deadline, status.deadline ?? i.notAssigned],
    ...(deciding
      ? ([
          [i.appliedOn, item.appliedOn ?? ''],
          [i.closure, item.progress],
        ] as [string, string][])
      : [[i.progress, item.progress] as [string, string]]),
    ...evidence,
  ];
  return (
    <Card size="small" aria-label={i.title(item.id)} data-testid="item-summary" data-item={item.id}>
      <div className={styles.head}>
        <Text weight="semibold">{item.id}</Text>
        <ItemStatusBadge status={status} />
      </div>
      <Body1>{item.content}</Body1>
      <ReturnNotices item={item} />
      <FactList rows={rows} />
      {deciding && <ItemRecords item={item} />}
    </Card>
  );
}
