import { useCallback, useEffect, useRef, useState } from 'react';
import type { LedgerService, LedgerSnapshot } from '../../excel/ledgerService';

export interface SnapshotState {
  /** The latest snapshot read; kept while a reload runs, so forms never unmount mid-action. */
  snapshot: LedgerSnapshot | null;
  loading: boolean;
  /** why the last read failed (the previous snapshot, if any, stays shown) */
  error: string | null;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads the ledger on mount and on `reload()` (called after every successful action). */
export function useSnapshot(service: LedgerService): SnapshotState & { reload: () => Promise<void> } {
  const [state, setState] = useState<SnapshotState>({ snapshot: null, loading: true, error: null });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const snapshot = await service.snapshot();
      if (ticket === latest.current) setState({ snapshot, loading: false, error: null });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, loading: false, error: errorText(error) }));
    }
  }, [service]);

  useEffect(() => {
    void reload();
    return () => {
      // Ignore answers that arrive after unmount.
      latest.current++;
    };
  }, [reload]);

  return { ...state, reload };
}
