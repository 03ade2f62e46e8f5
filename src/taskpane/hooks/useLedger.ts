import { createContext, useContext } from 'react';
import type { Actor } from '../../domain/workflow';
import type { LedgerService, LedgerSnapshot } from '../../excel/ledgerService';
import type { ItemView } from '../ledgerView';
import type { RoleChoice } from '../roleStore';
import type { SnapshotState } from './useSnapshot';
import { useOperation, type Operation } from './useOperation';

/** What every page needs: the service, the latest snapshot, who the user is, the selected item. */
export interface Ledger extends SnapshotState {
  service: LedgerService;
  /** every item with its 预警状态 for today (empty before the first read) */
  views: ItemView[];
  choice: RoleChoice | null;
  /** null while no (complete) role is chosen */
  actor: Actor | null;
  /** the sections the user answers for; null = all (督办员, 中心主任) */
  sections: string[] | null;
  /** 编号 of the item open in the page's item picker */
  selectedId: string | null;
  /** Opens an item in the pane and selects its row in 台账. */
  select: (itemId: string | null) => void;
  reload: () => Promise<void>;
}

export const LedgerContext = createContext<Ledger | null>(null);

export function useLedger(): Ledger {
  const ledger = useContext(LedgerContext);
  if (!ledger) throw new Error('useLedger outside LedgerContext');
  return ledger;
}

/** For components rendered only once the snapshot has been read (inside SnapshotGate). */
export function useReadyLedger(): Ledger & { snapshot: LedgerSnapshot } {
  const ledger = useLedger();
  if (!ledger.snapshot) throw new Error('useReadyLedger before the snapshot was read');
  return ledger as Ledger & { snapshot: LedgerSnapshot };
}

/**
 * A page's Operation, wired to the user's actor, the ledger's today and the snapshot reload; its
 * message clears when the role or the open item changes.
 */
export function useLedgerOperation(): Operation {
  const { actor, snapshot, reload, choice, selectedId } = useReadyLedger();
  const scope = JSON.stringify([choice?.role, choice?.section, choice?.leader, selectedId]);
  return useOperation({ actor, today: snapshot.today, reload, scope });
}
