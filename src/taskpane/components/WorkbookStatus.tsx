import { useEffect, useRef } from 'react';
import type { WorkbookInfo } from '../../excel/workbookInfo';
import { useLedger } from '../hooks/useLedger';
import { useWorkbookInfo } from '../hooks/useWorkbookInfo';
import { StatusCard, type StatusCardState } from './StatusCard';

/**
 * The workbook status card. Given `readInfo` it lists the ledger sheets (read directly); without
 * it, it shows the workbook name and whether the ledger is initialised, from the snapshot.
 */
export function WorkbookStatus({ readInfo }: { readInfo?: () => Promise<WorkbookInfo> }): JSX.Element {
  return readInfo ? <SheetsStatus readInfo={readInfo} /> : <SnapshotStatus />;
}

function SheetsStatus({ readInfo }: { readInfo: () => Promise<WorkbookInfo> }): JSX.Element {
  const { state, refresh } = useWorkbookInfo(readInfo);
  const { reload, snapshot } = useLedger();
  // After 初始化台账 created the sheets, list them again.
  const initialised = snapshot?.initialised;
  const seen = useRef(initialised);
  useEffect(() => {
    if (seen.current !== undefined && seen.current !== initialised) refresh();
    seen.current = initialised;
  }, [initialised, refresh]);
  return (
    <StatusCard
      state={state}
      onRefresh={() => {
        refresh();
        void reload();
      }}
    />
  );
}

function SnapshotStatus(): JSX.Element {
  const { snapshot, loading, error, reload } = useLedger();
  const state: StatusCardState = snapshot
    ? { kind: 'ready', info: { name: snapshot.workbookName, initialised: snapshot.initialised } }
    : error
      ? { kind: 'failed', message: error }
      : { kind: 'loading' };
  return <StatusCard state={loading && !snapshot ? { kind: 'loading' } : state} onRefresh={() => void reload()} />;
}
