/** The string catalogues: `ui` (task pane), `domain` (rule vocabulary), `workbook` (sheet text). */
export { ui } from './ui';
export type { PageId } from './ui';
export { domain } from './domain';
export { workbook } from './workbook';
export { excel } from './excel';
export { rounds } from './rounds';
export { audit } from './audit';
export { platform } from './platform';
export { documents } from './documents';
export { importText } from './import';
export { overdue } from './overdue';
