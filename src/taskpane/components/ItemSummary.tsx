import { Body1, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { ui } from '../../i18n';
import type { ItemView } from '../ledgerView';
import { ItemStatusBadge } from './ItemStatusBadge';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: '2px',
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

/** The open item: 编号, state, 预警状态 and the 13710 due dates, as the domain computes them today. */
export function ItemSummary({ view }: { view: ItemView }): JSX.Element {
  const styles = useStyles();
  const { item, status } = view;
  const nodeDue = (key: '1' | '3') => status.nodes.find((n) => n.key === key)?.due ?? ui.item.notAssigned;
  const rows: [string, string][] = [
    [ui.item.state, item.state],
    [ui.item.section, item.section],
    [ui.item.due1, nodeDue('1')],
    [ui.item.due3, nodeDue('3')],
    [ui.item.deadline, status.deadline ?? ui.item.notAssigned],
  ];
  return (
    <Card size="small" aria-label={ui.item.title(item.id)} data-testid="item-summary" data-item={item.id}>
      <div className={styles.head}>
        <Text weight="semibold">{item.id}</Text>
        <ItemStatusBadge status={status} />
      </div>
      <Body1>{item.content}</Body1>
      <dl className={styles.grid}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
