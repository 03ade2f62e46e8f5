import { Body1Strong, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  button: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    padding: `2px ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  pressed: { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground1Selected },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface StatusCountsProps {
  counts: Record<WarningStatus, number>;
  today: string;
  /** the status the list below is filtered by (null: none) */
  filter?: WarningStatus | null;
  /** with it, each count is a toggle button that filters the list by its status */
  onFilter?: (status: WarningStatus | null) => void;
}

/** How many items are in each 预警状态 today; each count filters the list below when clicked. */
export function StatusCounts({ counts, today, filter = null, onFilter }: StatusCountsProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1Strong as="h3" id="status-counts-title">
        {ui.overview.countsTitle(today)}
      </Body1Strong>
      <ul className={styles.list} aria-labelledby="status-counts-title">
        {WARNING_STATUSES.map((status) => (
          <li key={status} data-count={status}>
            {onFilter ? (
              <button
                type="button"
                className={mergeClasses(styles.button, filter === status && styles.pressed)}
                aria-pressed={filter === status}
                title={filter === status ? ui.overview.filterLabel(status, counts[status]) : ui.overview.countLabel(status, counts[status])}
                onClick={() => onFilter(filter === status ? null : status)}
              >
                <StatusBadge status={status} />
                <span>{counts[status]}</span>
              </button>
            ) : (
              <span className={styles.button}>
                <StatusBadge status={status} />
                <span>{counts[status]}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {onFilter && <Caption1 className={styles.hint}>{ui.overview.filterHint}</Caption1>}
    </div>
  );
}
