/**
 * Component-test helpers: render the App on a FakeLedgerService with a remembered role, and find
 * things by their visible text or label. Role queries with `name` are avoided on purpose: in jsdom
 * they walk every CSS rule Fluent injected (≈1.5 s per query); test/e2e checks names in Chromium.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import type { ExcelRun } from '../../excel/run';
import { workbookTools } from '../../excel/workbookTools';
import type { PageId } from '../../i18n';
import { App } from '../App';
import { setRole, type RoleChoice } from '../roleStore';
import type { FakeLedgerService } from './fakeLedgerService';

export interface RenderOptions {
  page?: PageId;
  role?: RoleChoice | null;
  run?: ExcelRun;
}

export function renderApp(service: FakeLedgerService, { page = 'overview', role = null, run }: RenderOptions = {}): RenderResult {
  window.localStorage.clear();
  if (role) setRole(role);
  return render(
    <FluentProvider theme={webLightTheme}>
      <App service={service} tools={run ? workbookTools(run) : undefined} initialPage={page} />
    </FluentProvider>,
  );
}

/** The form control of the Field labelled `label` (Fluent appends a "*" to required labels). */
export function control<T extends HTMLElement = HTMLInputElement>(label: string, scope: HTMLElement = document.body): T {
  const labels = Array.from(scope.querySelectorAll('label')).filter(
    (l) => (l.firstChild?.textContent ?? '').trim() === label || l.textContent?.trim() === label,
  );
  if (labels.length !== 1) throw new Error(`expected one label "${label}", found ${labels.length}`);
  const label0 = labels[0];
  const id = label0.htmlFor;
  const target = id ? (scope.ownerDocument.getElementById(id) as T | null) : (label0.querySelector('input') as T | null);
  if (!target) throw new Error(`label "${label}" has no control`);
  return target;
}

export function type(label: string, value: string, scope?: HTMLElement): void {
  fireEvent.change(control(label, scope), { target: { value } });
}

export function choose(label: string, value: string, scope?: HTMLElement): void {
  fireEvent.change(control<HTMLSelectElement>(label, scope), { target: { value } });
}

/** Clicks the button whose text is `text` (within `scope`). */
export function press(text: string, scope?: HTMLElement): void {
  const root = scope ? within(scope) : screen;
  const matches = root
    .getAllByText(text)
    .map((el) => el.closest('button'))
    .filter((b): b is HTMLButtonElement => b !== null);
  if (matches.length !== 1) throw new Error(`expected one button "${text}", found ${matches.length}`);
  fireEvent.click(matches[0]);
}

export function button(text: string, scope?: HTMLElement): HTMLButtonElement {
  const root = scope ? within(scope) : screen;
  const found = root
    .getAllByText(text)
    .map((el) => el.closest('button'))
    .filter((b): b is HTMLButtonElement => b !== null);
  if (found.length !== 1) throw new Error(`expected one button "${text}", found ${found.length}`);
  return found[0];
}

/** The section of one form (FormSection data-form), or null when the form is not shown. */
export function form(id: string): HTMLElement | null {
  return document.querySelector(`[data-form="${id}"]`);
}

export function requireForm(id: string): HTMLElement {
  const found = form(id);
  if (!found) throw new Error(`form ${id} not shown`);
  return found;
}

/** Opens an item in the page's picker by clicking its entry. */
export function pick(itemId: string): void {
  const entry = document.querySelector(`button[data-item="${itemId}"]`);
  if (!entry) throw new Error(`item ${itemId} not in the picker`);
  fireEvent.click(entry);
}

/** Waits until the ledger has been read (and, after an action, re-read). */
export async function ready(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[data-ledger="ready"]')).not.toBeNull());
}
