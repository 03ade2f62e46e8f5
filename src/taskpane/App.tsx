import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LedgerService } from '../excel/ledgerService';
import type { WorkbookTools } from '../excel/workbookTools';
import type { PageId } from '../i18n';
import { Header } from './components/Header';
import { PageNav } from './components/PageNav';
import { PagePlaceholder } from './components/PagePlaceholder';
import { RolePicker } from './components/RolePicker';
import { LedgerContext, type Ledger } from './hooks/useLedger';
import { useSnapshot } from './hooks/useSnapshot';
import { actorFor, itemViews, mySections } from './ledgerView';
import { ClosePage } from './pages/ClosePage';
import { ListsPage } from './pages/ListsPage';
import { OverviewPage } from './pages/OverviewPage';
import { RegisterPage } from './pages/RegisterPage';
import { ReportPage } from './pages/ReportPage';
import { ScoresPage } from './pages/ScoresPage';
import { PAGE_IDS, pageFromSearch } from './pages';
import { getRole, setRole, type RoleChoice } from './roleStore';

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
  /** The ledger: the Office.js gateway in Excel, a fake in tests and the browser preview. */
  service: LedgerService;
  /** Optional direct access to the workbook: the status card then lists the ledger sheets. */
  tools?: WorkbookTools;
  /** The page to open on; defaults to the `?page=` of the current URL. */
  initialPage?: PageId;
}

export function App({ service, tools, initialPage }: AppProps): JSX.Element {
  const styles = useStyles();
  const [page, setPage] = useState<PageId>(() => initialPage ?? pageFromSearch(window.location.search));
  // Pages stay mounted once visited (hidden when not shown): a form half typed survives a look elsewhere.
  const [visited, setVisited] = useState<PageId[]>(() => [page]);
  const open = useCallback((next: PageId) => {
    setPage(next);
    setVisited((pages) => (pages.includes(next) ? pages : [...pages, next]));
  }, []);
  const { snapshot, loading, error, reload } = useSnapshot(service);
  const [choice, setChoice] = useState<RoleChoice | null>(() => getRole());
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // A row selected in 台账 opens that item in the current page's picker (off the ledger: keep it).
  useEffect(() => {
    let unsubscribe: (() => void) | null = null;
    let live = true;
    service
      .onSelectItem((itemId) => {
        if (live && itemId) setSelectedId(itemId);
      })
      .then(
        (off) => {
          if (live) unsubscribe = off;
          else off();
        },
        () => undefined, // no selection events (e.g. an older Excel): the picker still works
      );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [service]);

  const select = useCallback(
    (itemId: string | null) => {
      setSelectedId(itemId);
      if (itemId) service.selectItem(itemId).catch(() => undefined);
    },
    [service],
  );

  const changeRole = useCallback((next: RoleChoice | null) => {
    setChoice(next);
    setRole(next);
  }, []);

  const views = useMemo(() => (snapshot ? itemViews(snapshot) : []), [snapshot]);
  const people = useMemo(() => snapshot?.people ?? [], [snapshot]);
  const ledger: Ledger = useMemo(
    () => ({
      service,
      snapshot,
      loading,
      error,
      reload,
      views,
      choice,
      actor: snapshot ? actorFor(choice, snapshot) : null,
      sections: mySections(choice, people),
      selectedId,
      select,
    }),
    [service, snapshot, loading, error, reload, views, choice, people, selectedId, select],
  );

  return (
    <LedgerContext.Provider value={ledger}>
      <div className={styles.root} data-ledger={snapshot && !loading ? 'ready' : 'loading'}>
        <Header />
        <PageNav page={page} onSelect={open} />
        <RolePicker choice={choice} people={people} director={snapshot?.settings.director ?? ''} onChange={changeRole} />
        <main className={styles.main}>
          {PAGE_IDS.filter((id) => visited.includes(id)).map((id) => (
            <div key={id} hidden={id !== page} data-page={id}>
              <PageContent page={id} tools={tools} />
            </div>
          ))}
        </main>
      </div>
    </LedgerContext.Provider>
  );
}

function PageContent({ page, tools }: { page: PageId; tools?: WorkbookTools }): JSX.Element {
  switch (page) {
    case 'overview':
      return <OverviewPage tools={tools} />;
    case 'register':
      return <RegisterPage />;
    case 'report':
      return <ReportPage />;
    case 'close':
      return <ClosePage />;
    case 'lists':
      return <ListsPage />;
    case 'scores':
      return <ScoresPage />;
    default:
      return <PagePlaceholder page={page} />;
  }
}
