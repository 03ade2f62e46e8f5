import { Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { WARNING_STATUSES, type WarningStatus } from '../../domain/types';
import { ui } from '../../i18n';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(90px, 1fr))',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** How many items are in each 预警状态 today. */
export function StatusCounts({ counts, today }: { counts: Record<WarningStatus, number>; today: string }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1Strong as="h3" id="status-counts-title">
        {ui.overview.countsTitle(today)}
      </Body1Strong>
      <ul className={styles.list} aria-labelledby="status-counts-title">
        {WARNING_STATUSES.map((status) => (
          <li key={status} className={styles.item} data-count={status}>
            <StatusBadge status={status} />
            <span>{counts[status]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
