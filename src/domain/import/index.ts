/**
 * 导入, the pure part: the clipboard block parsed (clipboard.ts), its headers mapped onto the
 * ledger's columns (headers.ts), its cells read as sections write them (cells.ts, rowReading.ts),
 * the preview against the ledger as read (preview.ts), and the readable, reversible 操作日志 text
 * (logText.ts). The Excel side — reading the ledger, apply, undo — is src/excel/importApply.ts.
 */
export * from './clipboard';
export * from './headers';
export * from './cells';
export * from './block';
export * from './rowReading';
export * from './preview';
export * from './logText';
export * from './remembered';
