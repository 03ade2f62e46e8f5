import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookInfo } from '../../excel/workbookInfo';

export type WorkbookInfoState = { kind: 'loading' } | { kind: 'ready'; info: WorkbookInfo } | { kind: 'failed'; message: string };

/** Reads the workbook's name and ledger sheets on mount and on `refresh()`. */
export function useWorkbookInfo(readInfo: () => Promise<WorkbookInfo>): { state: WorkbookInfoState; refresh: () => void } {
  const [state, setState] = useState<WorkbookInfoState>({ kind: 'loading' });
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const ticket = ++latest.current;
    setState({ kind: 'loading' });
    readInfo().then(
      (info) => {
        if (ticket === latest.current) setState({ kind: 'ready', info });
      },
      (error: unknown) => {
        if (ticket === latest.current) {
          setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      },
    );
  }, [readInfo]);

  useEffect(() => {
    refresh();
    return () => {
      // Ignore answers that arrive after unmount.
      latest.current++;
    };
  }, [refresh]);

  return { state, refresh };
}
