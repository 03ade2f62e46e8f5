import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PageId } from '../i18n';
import type { ExcelRun } from '../excel/run';
import { Header } from './components/Header';
import { OverviewPage } from './components/OverviewPage';
import { PageNav } from './components/PageNav';
import { PagePlaceholder } from './components/PagePlaceholder';
import { pageFromSearch } from './pages';
import { useWorkbookInfo } from './useWorkbookInfo';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** How to reach the workbook: `officeRun` in Excel, a fake in tests and the browser preview. */
  run: ExcelRun;
  /** The page to open on; defaults to the `?page=` of the current URL. */
  initialPage?: PageId;
}

export function App({ run, initialPage }: AppProps): JSX.Element {
  const styles = useStyles();
  const [page, setPage] = useState<PageId>(() => initialPage ?? pageFromSearch(window.location.search));
  const { state, refresh } = useWorkbookInfo(run);

  return (
    <div className={styles.root}>
      <Header />
      <PageNav page={page} onSelect={setPage} />
      <main className={styles.main}>
        {page === 'overview' ? <OverviewPage state={state} onRefresh={refresh} /> : <PagePlaceholder page={page} />}
      </main>
    </div>
  );
}
