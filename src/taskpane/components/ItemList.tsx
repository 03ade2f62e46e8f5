import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { sentBackMark } from '../../domain/signOffReturn';
import { ui } from '../../i18n';
import { useReadyLedger } from '../hooks/useLedger';
import type { ItemView } from '../ledgerView';
import { ItemStatusBadge } from './ItemStatusBadge';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: '2px',
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  id: { fontWeight: tokens.fontWeightSemibold },
  content: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
});

export interface ItemListProps {
  views: readonly ItemView[];
  onPick: (itemId: string) => void;
  currentId?: string | null;
  label: string;
}

/**
 * Items as buttons: 编号, 承办科室, 预警状态 (with 逾期天数), a 退回 mark when the item waits on its
 * section after a return, and the 事项内容 on a second line.
 */
export function ItemList({ views, onPick, currentId, label }: ItemListProps): JSX.Element {
  const styles = useStyles();
  const { snapshot } = useReadyLedger();
  const marks = useMemo(() => new Map(views.map((v) => [v.item.id, sentBackMark(v.item, snapshot.records)])), [views, snapshot.records]);
  return (
    <ul className={styles.list} aria-label={label}>
      {views.map(({ item, status }) => (
        <li key={item.id}>
          <button
            type="button"
            className={mergeClasses(styles.button, item.id === currentId && styles.current)}
            aria-current={item.id === currentId ? 'true' : undefined}
            data-item={item.id}
            onClick={() => onPick(item.id)}
          >
            <span className={styles.head}>
              <span className={styles.id}>{item.id}</span>
              <Caption1>{item.section}</Caption1>
              <ItemStatusBadge status={status} />
              {marks.get(item.id) && (
                <Badge appearance="outline" color="danger" size="small" data-testid="sent-back-mark">
                  {ui.item.sentBackMark[marks.get(item.id)!]}
                </Badge>
              )}
            </span>
            <span className={styles.content}>{item.content}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
