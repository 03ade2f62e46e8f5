/**
 * Who is using the pane: remembered per user in the browser's localStorage, never in the shared
 * workbook (co-authors each have their own role). A stored value that is unreadable, or names
 * an unknown role, counts as no choice at all. Each role's details (科室, name) are remembered
 * on their own too: a clerk who is also a section's 经办人 switches back and forth without
 * retyping, and a switch never leaves a blank name behind (the 操作日志 records that name).
 */
import { ROLES, type Role } from '../domain/types';

export interface RoleChoice {
  role: Role;
  /** 科室: the section the user belongs to */
  section?: string;
  /** 分管领导: the leader's name (as on 科室人员 分管副职) */
  leader?: string;
  /** The person's own name for 操作日志 (督办员, 科室; the 中心主任 when 设置 names nobody) */
  name?: string;
}

export const ROLE_STORAGE_KEY = 'duban-13710:role';
/** Each role's last details: { 督办员: {name}, 科室: {section, name}, … } */
export const ROLE_DETAILS_KEY = 'duban-13710:role-details';

/** localStorage, or undefined where it is unavailable (privacy settings, some Office web views). */
function defaultStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const optionalText = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The parsed JSON object under `key`, or null (missing, unreadable, not an object). */
function readObject(storage: Storage | undefined, key: string): Record<string, unknown> | null {
  let raw: string | null = null;
  try {
    raw = storage ? storage.getItem(key) : null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A stored choice, its extras checked; null when it names no known role. */
function choiceOf(o: Record<string, unknown> | null): RoleChoice | null {
  if (!o || !(ROLES as readonly unknown[]).includes(o.role)) return null;
  const choice: RoleChoice = { role: o.role as Role };
  const section = optionalText(o.section);
  const leader = optionalText(o.leader);
  const name = optionalText(o.name);
  if (section) choice.section = section;
  if (leader) choice.leader = leader;
  if (name) choice.name = name;
  return choice;
}

export function getRole(storage: Storage | undefined = defaultStorage()): RoleChoice | null {
  return choiceOf(readObject(storage, ROLE_STORAGE_KEY));
}

/** `role` with the details last used in it on this device ({ role } alone when none). */
export function rememberedChoice(role: Role, storage: Storage | undefined = defaultStorage()): RoleChoice {
  const details = readObject(storage, ROLE_DETAILS_KEY);
  const kept = details ? choiceOf({ ...(details[role] as object), role }) : null;
  return kept ?? { role };
}

/**
 * Saves (or, with null, forgets) the current choice, and keeps its details for its role (null
 * keeps every role's details: choosing no role is not forgetting who one is). A full or disabled
 * storage is ignored.
 */
export function setRole(choice: RoleChoice | null, storage: Storage | undefined = defaultStorage()): void {
  if (!storage) return;
  try {
    if (!choice) {
      storage.removeItem(ROLE_STORAGE_KEY);
      return;
    }
    storage.setItem(ROLE_STORAGE_KEY, JSON.stringify(choice));
    const details = readObject(storage, ROLE_DETAILS_KEY) ?? {};
    const { role, ...rest } = choice;
    storage.setItem(ROLE_DETAILS_KEY, JSON.stringify({ ...details, [role]: rest }));
  } catch {
    // Quota exceeded or storage disabled: the choice lasts for this session only.
  }
}
