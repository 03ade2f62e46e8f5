import type { LedgerItem } from '../../domain/types';
import type { Action, ActionOutcome } from '../../domain/workflow';
import { useReadyLedger } from './useLedger';
import type { Operation } from './useOperation';

/**
 * Sends one workflow action on `item` through the page's Operation: keyed by action and 编号, so
 * a repeated submit after a failure re-uses the opId. `done` words the confirmation.
 */
export function useAct(item: LedgerItem, op: Operation) {
  const { service } = useReadyLedger();
  return (action: Action, done: (outcome: ActionOutcome) => string, onSuccess?: () => void): Promise<void> =>
    op.run(`${action.type}:${item.id}`, async (step) => done(await step('act', (ctx) => service.act(item.id, action, ctx))), onSuccess);
}

/** Props of every action form: the item it acts on and the page's Operation. */
export interface ActionFormProps {
  item: LedgerItem;
  op: Operation;
}
