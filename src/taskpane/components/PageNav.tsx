import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { ui, type PageId } from '../../i18n';
import { PAGE_IDS } from '../pages';

const useStyles = makeStyles({
  // Six tabs do not fit one row of a 320–350 px task pane: two even rows of three instead.
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: { justifyContent: 'center' },
});

export interface PageNavProps {
  page: PageId;
  onSelect: (page: PageId) => void;
}

/** One tab per page, in two rows of three. */
export function PageNav({ page, onSelect }: PageNavProps): JSX.Element {
  const styles = useStyles();
  return (
    <TabList className={styles.root} size="small" selectedValue={page} onTabSelect={(_, data) => onSelect(data.value as PageId)} aria-label={ui.nav.label}>
      {PAGE_IDS.map((id) => (
        <Tab key={id} value={id} className={styles.tab}>
          {ui.pages[id]}
        </Tab>
      ))}
    </TabList>
  );
}
