import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { ui } from '../../i18n';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/** One row per ledger sheet with a green 已存在 or red 缺失 badge. */
export function SheetList({ sheets }: { sheets: Record<string, boolean> }): JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {Object.entries(sheets).map(([name, exists]) => (
        <li key={name} className={styles.item} data-sheet={name} data-present={exists}>
          <span>{name}</span>
          <Badge appearance="tint" size="small" color={exists ? 'success' : 'danger'}>
            {exists ? ui.status.present : ui.status.missing}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
