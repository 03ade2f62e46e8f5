import type { PageId } from '../i18n';

/** The task pane's pages in navigation order. 概览 first; the five working pages follow the ribbon. */
export const PAGE_IDS: readonly PageId[] = ['overview', 'register', 'report', 'close', 'lists', 'scores'];

export function isPageId(value: unknown): value is PageId {
  return typeof value === 'string' && (PAGE_IDS as readonly string[]).includes(value);
}

/** The page named by `?page=` (the ribbon buttons open `taskpane.html?page=register` etc.); 概览 otherwise. */
export function pageFromSearch(search: string): PageId {
  const page = new URLSearchParams(search).get('page');
  return isPageId(page) ? page : 'overview';
}
