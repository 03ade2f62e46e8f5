/**
 * Who is using the pane: remembered per user in the browser's localStorage, never in the shared
 * workbook (co-authors each have their own role). A stored value that is unreadable, or names
 * an unknown role, counts as no choice at all.
 */
import { ROLES, type Role } from '../domain/types';

export interface RoleChoice {
  role: Role;
  /** 科室: the section the user belongs to */
  section?: string;
  /** 分管领导: the leader's name (as on 科室人员 分管副职) */
  leader?: string;
  /** Optional personal name for 操作日志 (督办员, 科室) */
  name?: string;
}

export const ROLE_STORAGE_KEY = 'duban-13710:role';

/** localStorage, or undefined where it is unavailable (privacy settings, some Office web views). */
function defaultStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const optionalText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function getRole(storage: Storage | undefined = defaultStorage()): RoleChoice | null {
  let raw: string | null = null;
  try {
    raw = storage ? storage.getItem(ROLE_STORAGE_KEY) : null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const o = parsed as Record<string, unknown>;
  if (!(ROLES as readonly unknown[]).includes(o.role)) return null;
  const choice: RoleChoice = { role: o.role as Role };
  const section = optionalText(o.section);
  const leader = optionalText(o.leader);
  const name = optionalText(o.name);
  if (section) choice.section = section;
  if (leader) choice.leader = leader;
  if (name) choice.name = name;
  return choice;
}

/** Saves (or, with null, forgets) the choice; a full or disabled storage is ignored. */
export function setRole(choice: RoleChoice | null, storage: Storage | undefined = defaultStorage()): void {
  if (!storage) return;
  try {
    if (choice) storage.setItem(ROLE_STORAGE_KEY, JSON.stringify(choice));
    else storage.removeItem(ROLE_STORAGE_KEY);
  } catch {
    // Quota exceeded or storage disabled: the choice lasts for this session only.
  }
}
