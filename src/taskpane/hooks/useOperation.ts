import { useEffect, useRef, useState } from 'react';
import { newOperationId } from '../../domain/itemNumber';
import type { Result } from '../../domain/result';
import type { IsoDate } from '../../domain/types';
import type { Actor } from '../../domain/workflow';
import type { ActionContext } from '../../excel/ledgerService';
import { ui } from '../../i18n';
import { ROLE_NAME_SELECTOR } from '../components/RolePicker';
import { needsName } from '../ledgerView';
import { errorText } from './useSnapshot';

/**
 * One service call of a user action. `part` names the call within the action (立项 + 审批同意 is
 * two calls); each part gets its own opId, made once and kept until the whole action succeeds,
 * and a part that already succeeded is not sent again on 重试.
 */
export type Step = <T>(part: string, call: (ctx: ActionContext) => Promise<Result<T>>, actor?: Actor) => Promise<T>;

/** The action's body: calls `step` for each service call; returns the confirmation to show. */
export type ActionBody = (step: Step) => Promise<string>;

export interface Operation {
  busy: boolean;
  error: string | null;
  success: string | null;
  /**
   * Runs a user action. `key` identifies it (e.g. `反馈:DB-2026-0001`): submitting the same key
   * again after a failure re-uses its opIds. `onSuccess` resets the form; on failure nothing is reset.
   */
  run: (key: string, body: ActionBody, onSuccess?: () => void) => Promise<void>;
  /** Sends the failed action again, with the same content and the same opIds. */
  retry: () => Promise<void>;
  /** the error is a failed send (重试 offered), not a refusal before sending (no role, no name) */
  retryable: boolean;
}

/** A failure whose message is ready to show (a refusal the service answered with, in zh-CN). */
class Shown extends Error {}

const shownText = (error: unknown): string => (error instanceof Shown ? error.message : ui.op.thrown(errorText(error)));

/** Re-throws a failed step with context around its message (e.g. 「已立项 X，但审批同意未完成：…」). */
export function rethrowWith(error: unknown, wrap: (message: string) => string): never {
  throw new Shown(wrap(shownText(error)));
}

interface Pending {
  key: string;
  actor: Actor;
  on: IsoDate;
  opIds: Map<string, string>;
  done: Map<string, unknown>;
}

export interface OperationDeps {
  actor: Actor | null;
  today: IsoDate;
  reload: () => Promise<void>;
  /** opId source (tests may inject) */
  makeOpId?: () => string;
  /**
   * Who and what the page is working on (role, section, item…): when it changes, the last
   * message goes — a 「已审签 X」 must not stand under another role or another item.
   */
  scope?: string;
}

/** Moves the focus to the role bar's name field (and brings it into view). */
function focusName(): void {
  const field = document.querySelector<HTMLInputElement>(ROLE_NAME_SELECTOR);
  field?.scrollIntoView?.({ block: 'center' });
  field?.focus();
}

export function useOperation({ actor, today, reload, makeOpId, scope = '' }: OperationDeps): Operation {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const shownScope = useRef(scope);
  useEffect(() => {
    if (shownScope.current === scope) return;
    shownScope.current = scope;
    setError(null);
    setSuccess(null);
  }, [scope]);
  const busyRef = useRef(false);
  const pending = useRef<Pending | null>(null);
  const last = useRef<{ body: ActionBody; onSuccess?: () => void } | null>(null);
  const newOpId = makeOpId ?? (() => newOperationId(new Date(), Math.random));

  const attempt = async (body: ActionBody, onSuccess?: () => void): Promise<void> => {
    const p = pending.current;
    if (!p || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    setSuccess(null);
    const step: Step = async (part, call, as) => {
      if (p.done.has(part)) return p.done.get(part) as never;
      let opId = p.opIds.get(part);
      if (!opId) {
        opId = newOpId();
        p.opIds.set(part, opId);
      }
      const result = await call({ actor: as ?? p.actor, on: p.on, opId, now: new Date() });
      if (!result.ok) throw new Shown(result.error.message);
      p.done.set(part, result.value);
      return result.value;
    };
    try {
      const message = await body(step);
      pending.current = null;
      last.current = null;
      setSuccess(message);
      onSuccess?.();
      await reload();
    } catch (e) {
      setError(shownText(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const run = async (key: string, body: ActionBody, onSuccess?: () => void): Promise<void> => {
    if (busyRef.current) return;
    if (!actor || needsName(actor)) {
      // Nothing was sent: nothing to retry, and the user has a field to fill first.
      last.current = null;
      setSuccess(null);
      setError(actor ? ui.role.needName : ui.role.needRole);
      if (actor) focusName();
      return;
    }
    // A different action, or the same one by someone else (the role was changed): new opIds.
    const sameActor = pending.current && JSON.stringify(pending.current.actor) === JSON.stringify(actor);
    if (!pending.current || pending.current.key !== key || !sameActor) {
      pending.current = { key, actor, on: today, opIds: new Map(), done: new Map() };
    }
    last.current = { body, onSuccess };
    await attempt(body, onSuccess);
  };

  const retry = async (): Promise<void> => {
    if (last.current) await attempt(last.current.body, last.current.onSuccess);
  };

  return { busy, error, success, run, retry, retryable: error !== null && last.current !== null };
}
