/**
 * The workflow of seed document §五 (docs/rules.md) as a state machine over WORKFLOW_STATES:
 *
 *   立项 → 待审批 —审批同意(+交办)→ 已交办 —开始办理/反馈→ 办理中 —申请办结→ 申请办结
 *        —初核→ 已初核 —审定→ 已销号;   申请办结/已初核 —退回→ 办理中;   已销号 —重新立项→ new item
 *
 * plus actions that do not move the state (反馈, 审签, 审签退回, 催办, 延期方案, 升级, 认定…).
 * Who may do what, in which state, is one table (PERMISSIONS): applyAction enforces it and
 * allowedActions reads it, so the task pane never offers a button that would then be refused.
 *
 * Everything is pure: applyAction returns new objects and never mutates its arguments; an
 * illegal step is a Result with a zh-CN message, never an exception.
 */
import { domain } from '../i18n/domain';
import { isValidIsoDate } from './parseDate';
import { displayValue, err, ok, type Result } from './result';
import { SIGN_OFF_COMMENT_MAX, signOffReturnContent } from './signOffReturn';
import {
  ASSIGN_LEVELS,
  GRADES,
  ITEM_KINDS,
  ROLES,
  SOURCE_CATEGORIES,
  type AssignLevel,
  type FeedbackRecord,
  type Grade,
  type IsoDate,
  type ItemKind,
  type LedgerItem,
  type RecordType,
  type Role,
  type SourceCategory,
  type WorkflowState,
} from './types';
import { LEDGER_INPUT_COLUMNS } from './validation';

/** Node reports a 科室 files; each counts only once a 分管领导 signs it (审签). */
export const REPORT_TYPES = ['1天反馈', '3天反馈', '落实反馈', '月度反馈'] as const satisfies readonly RecordType[];
export type ReportType = (typeof REPORT_TYPES)[number];

/** Escalation targets (§五): 科室 → 分管领导 → 中心主任 (主要负责人). */
export const ESCALATION_LEVELS = ['分管领导', '中心主任'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export type Action =
  /** 中心主任 approves; the item is 交办 at once (事不过夜), so the 交办日期 is part of the approval. */
  | { type: '审批同意'; assignedOn: IsoDate; explicitDeadline?: IsoDate | null; requirement?: string }
  /** The 科室 receives the item and starts work. */
  | { type: '开始办理' }
  /** The 科室 files a node report (unsigned until 审签). */
  | { type: '反馈'; node: ReportType; content: string }
  /** The 分管领导 signs one report record of this item. */
  | { type: '审签'; record: FeedbackRecord }
  /**
   * The 分管领导 sends one unsigned report back with a comment (a 审签退回 record; the report never
   * counts, the section reports the node again). Not a 退回: no deduction, no 退回次数.
   */
  | { type: '审签退回'; record: FeedbackRecord; comment: string }
  /** The office issues a reminder (channel and wording in `content`). */
  | { type: '催办'; content?: string }
  /** The 科室 applies to close: 办结情况 (optional, becomes 最近进展) and 佐证材料 (required: a link or file names). */
  | { type: '申请办结'; content?: string; evidence: string }
  | { type: '初核' }
  | { type: '审定'; grade: Grade }
  | { type: '退回'; reason: string }
  /** Approval of a plan for an item that cannot be solved in time: final node and intermediate nodes. */
  | { type: '延期方案'; deadline: IsoDate; nodes: string }
  | { type: '升级'; level: EscalationLevel; content: string }
  /** A new instruction on a closed item: a new item linked to it (`newId` from nextItemNumber; '' if not yet numbered). */
  | { type: '重新立项'; content: string; newId?: string; requirement?: string; kind?: ItemKind }
  | { type: '认定敷衍推诿' }
  | { type: '认定弄虚作假' };

export const ACTION_TYPES = [
  '审批同意',
  '开始办理',
  '反馈',
  '审签',
  '审签退回',
  '催办',
  '申请办结',
  '初核',
  '审定',
  '退回',
  '延期方案',
  '升级',
  '重新立项',
  '认定敷衍推诿',
  '认定弄虚作假',
] as const satisfies readonly Action['type'][];
export type ActionType = (typeof ACTION_TYPES)[number];

export interface Actor {
  role: Role;
  name: string;
  /** Required for role 科室: the section the person belongs to. */
  section?: string;
}

export interface ActionOutcome {
  /** The item after the action (a new object) */
  item: LedgerItem;
  /** 反馈记录 rows to append, or, for 审签, the signed version of the given record */
  records: FeedbackRecord[];
  /** 重新立项 only: the new item draft */
  newItem?: LedgerItem;
}

const OPEN_STATES = ['已交办', '办理中', '申请办结', '已初核'] as const satisfies readonly WorkflowState[];
const WORKING_STATES = ['已交办', '办理中'] as const satisfies readonly WorkflowState[];

function inStates(states: readonly WorkflowState[], roles: readonly Role[]): Partial<Record<WorkflowState, readonly Role[]>> {
  return Object.fromEntries(states.map((s) => [s, roles]));
}

/**
 * Who may take each action, per state. An action absent for a state is impossible in it.
 * 退回 is the one action whose actor depends on the state: the office returns at 初核, the
 * 分管领导 at 审定. 延期方案 is also open to the 中心主任, who decides escalated plans (§五).
 * 审签 stops at 已销号: a sign-off after closing would move 落实反馈日 and re-judge a closed item.
 */
export const PERMISSIONS: Readonly<Record<ActionType, Partial<Record<WorkflowState, readonly Role[]>>>> = {
  审批同意: { 待审批: ['中心主任'] },
  开始办理: { 已交办: ['科室'] },
  反馈: inStates(WORKING_STATES, ['科室']),
  审签: inStates(OPEN_STATES, ['分管领导']),
  审签退回: inStates(OPEN_STATES, ['分管领导']),
  催办: inStates(OPEN_STATES, ['督办员']),
  申请办结: { 办理中: ['科室'] },
  初核: { 申请办结: ['督办员'] },
  审定: { 已初核: ['分管领导'] },
  退回: { 申请办结: ['督办员'], 已初核: ['分管领导'] },
  延期方案: inStates(WORKING_STATES, ['分管领导', '中心主任']),
  升级: inStates(WORKING_STATES, ['科室', '分管领导', '督办员']),
  重新立项: { 已销号: ['督办员'] },
  认定敷衍推诿: inStates([...OPEN_STATES, '已销号'], ['督办员']),
  认定弄虚作假: inStates([...OPEN_STATES, '已销号'], ['督办员']),
};

/** The field an 认定 action sets; set once, so a repeated flag is refused. */
const FLAG_FIELD = { 认定敷衍推诿: 'perfunctoryOn', 认定弄虚作假: 'falsifiedOn' } as const;

/** Which item date a signed report fills (月度反馈 fills none: it is tracked by its records). */
const REPORT_FIELD: Record<ReportType, 'report1On' | 'report3On' | 'reportFinalOn' | null> = {
  '1天反馈': 'report1On',
  '3天反馈': 'report3On',
  落实反馈: 'reportFinalOn',
  月度反馈: null,
};

/** Milestones an action may not be dated before (no back-dating behind the recorded history). */
const MILESTONES: readonly [keyof LedgerItem, string][] = [
  ['registeredOn', '立项日期'],
  ['assignedOn', '交办日期'],
  ['appliedOn', '申请办结日'],
  ['checkedOn', '初核日期'],
  ['approvedOn', '审定日期'],
  ['closedOn', '销号日期'],
];

/** Text limits come from the 台账 columns, so what the workflow writes always passes validation. */
const maxLength = (field: keyof LedgerItem) => LEDGER_INPUT_COLUMNS.find((c) => c.field === field)?.maxLength ?? 100;
const RECORD_CONTENT_MAX = 1000;

const isBlank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * Text the workflow will write into a cell: required non-blank (when `required`), within
 * `max` characters, and not starting (after spaces) with a character that makes Excel read a formula.
 */
function checkText(what: string, s: unknown, max: number, required: boolean): Result<string> {
  const w = domain.workflow;
  if (s === undefined || s === null || s === '') {
    return required ? err('missing-content', w.needContent(what)) : ok('');
  }
  if (typeof s !== 'string' || (required && s.trim() === '')) return err('missing-content', w.needContent(what));
  const length = Array.from(s).length;
  if (length > max) return err('too-long', w.textTooLong(what, max, length));
  // Judged on the first character after any leading spaces (full-width ones too): the text is
  // trimmed in many places on its way (导入, a co-author's edit), and " =1+1" reads as "=1+1" to a person.
  const lead = s.trimStart()[0];
  if (lead !== undefined && '=+-@'.includes(lead)) return err('formula-like', w.textFormulaLike(what, lead));
  return ok(s);
}

function rolesText(roles: readonly Role[]): string {
  return roles.join('或');
}

/** The state/role/section gate shared by applyAction and allowedActions. */
function gate(item: LedgerItem, type: ActionType, actor: Actor): Result<true> {
  const w = domain.workflow;
  const byState = PERMISSIONS[type];
  const roles = byState[item.state];
  if (!roles) {
    if (type === '审签' && item.state === '已销号') return err('wrong-state', w.closedNoSign);
    return err('wrong-state', w.wrongState(item.state, type, w.hint[type] ?? ''));
  }
  if (!roles.includes(actor.role)) {
    const everyone = new Set(Object.values(byState).flat());
    const stateDependent = Object.values(byState).some((r) => r!.length !== everyone.size);
    return err(
      'wrong-role',
      stateDependent ? w.wrongRoleInState(type, item.state, rolesText(roles), actor.role) : w.wrongRole(type, rolesText(roles), actor.role),
    );
  }
  // A 科室 acts for itself only (谁承办、谁负责).
  if (actor.role === '科室') {
    if (isBlank(actor.section)) return err('no-section', w.noSection);
    if (actor.section !== item.section) return err('other-section', w.otherSection(item.section, actor.section!));
  }
  if (type === '认定敷衍推诿' || type === '认定弄虚作假') {
    const already = item[FLAG_FIELD[type]];
    if (already) return err('already-flagged', w.alreadyFlagged(type.slice(2), already));
  }
  return ok(true);
}

/**
 * What `role` may do with `item` now, in ACTION_TYPES order (the task pane shows these buttons).
 * With `section`, a 科室 sees nothing on another section's item. Payload checks (a missing
 * reason, a report to sign) still happen in applyAction.
 */
export function allowedActions(item: LedgerItem, role: Role, section?: string): ActionType[] {
  const actor: Actor = { role, name: '-', section: role === '科室' ? (section ?? item.section) : section };
  return ACTION_TYPES.filter((type) => gate(item, type, actor).ok);
}

function record(item: LedgerItem, type: RecordType, on: IsoDate, content: string, signer: string): FeedbackRecord {
  return { itemId: item.id, type, date: on, content, signer, signedOn: null };
}

/** A fresh item in 待审批 with nothing but its registration (also the sample generator's start). */
export function draftItem(
  fields: { id: string; on: IsoDate } & Pick<
    LedgerItem,
    'source' | 'level' | 'content' | 'requirement' | 'section' | 'coSections' | 'kind' | 'linkedId' | 'note'
  >,
): LedgerItem {
  return {
    id: fields.id,
    registeredOn: fields.on,
    source: fields.source,
    level: fields.level,
    content: fields.content,
    requirement: fields.requirement,
    section: fields.section,
    coSections: fields.coSections,
    kind: fields.kind,
    assignedOn: null,
    explicitDeadline: null,
    extensionApprovedOn: null,
    extensionDeadline: null,
    extensionNodes: '',
    report1On: null,
    report3On: null,
    reportFinalOn: null,
    progress: '',
    state: '待审批',
    appliedOn: null,
    checkedOn: null,
    approvedOn: null,
    closedOn: null,
    grade: null,
    returnCount: 0,
    urgeCount: 0,
    lastUrgedOn: null,
    perfunctoryOn: null,
    falsifiedOn: null,
    linkedId: fields.linkedId,
    note: fields.note,
    evidence: '',
  };
}

export interface NewItemInput {
  /** 编号, from nextItemNumber */
  id: string;
  source: SourceCategory;
  level: AssignLevel;
  content: string;
  requirement?: string;
  section: string;
  coSections?: string;
  kind: ItemKind;
  note?: string;
}

function checkActor(actor: Actor): Result<true> {
  const w = domain.workflow;
  if (typeof actor !== 'object' || actor === null || !(ROLES as readonly unknown[]).includes(actor.role)) {
    return err('bad-role', w.badRole(displayValue(actor?.role)));
  }
  if (isBlank(actor.name)) return err('no-actor-name', w.noActorName);
  return ok(true);
}

/** 立项: the office registers an item; it waits for the 中心主任's approval (state 待审批). */
export function registerItem(input: NewItemInput, actor: Actor, on: IsoDate): Result<LedgerItem> {
  const w = domain.workflow;
  const who = checkActor(actor);
  if (!who.ok) return who;
  if (actor.role !== '督办员') return err('wrong-role', w.wrongRole('立项', '督办员', actor.role));
  if (!isValidIsoDate(on)) return err('bad-date', w.badDate('立项日期', displayValue(on)));
  if (isBlank(input.id)) return err('missing-field', w.registerMissing('编号'));
  if (!(SOURCE_CATEGORIES as readonly unknown[]).includes(input.source)) {
    return err('bad-enum', w.registerBadEnum('来源类别', displayValue(input.source)));
  }
  if (!(ASSIGN_LEVELS as readonly unknown[]).includes(input.level)) {
    return err('bad-enum', w.registerBadEnum('交办层级', displayValue(input.level)));
  }
  if (!(ITEM_KINDS as readonly unknown[]).includes(input.kind)) {
    return err('bad-enum', w.registerBadEnum('事项类型', displayValue(input.kind)));
  }
  if (isBlank(input.section)) return err('missing-field', w.registerMissing('承办科室'));
  const content = checkText('事项内容', input.content, maxLength('content'), true);
  if (!content.ok) return content;
  const requirement = checkText('目标任务/工作要求', input.requirement, maxLength('requirement'), false);
  if (!requirement.ok) return requirement;
  const note = checkText('备注', input.note, maxLength('note'), false);
  if (!note.ok) return note;
  return ok(
    draftItem({
      id: input.id,
      on,
      source: input.source,
      level: input.level,
      content: content.value,
      requirement: requirement.value,
      section: input.section,
      coSections: typeof input.coSections === 'string' ? input.coSections : '',
      kind: input.kind,
      linkedId: '',
      note: note.value,
    }),
  );
}

/**
 * Apply one workflow action by `actor` on day `on`. Pure: returns the new item, the 反馈记录 rows
 * the action produces, and for 重新立项 the new item draft. Illegal steps are refused with a
 * zh-CN message.
 */
export function applyAction(item: LedgerItem, action: Action, actor: Actor, on: IsoDate): Result<ActionOutcome> {
  const w = domain.workflow;
  const type = (action as { type?: unknown } | null)?.type;
  if (!(ACTION_TYPES as readonly unknown[]).includes(type)) {
    return err('unknown-action', w.unknownAction(displayValue(type)));
  }
  const who = checkActor(actor);
  if (!who.ok) return who;
  if (!isValidIsoDate(on)) return err('bad-date', w.badDate('办理日期', displayValue(on)));
  const allowed = gate(item, action.type, actor);
  if (!allowed.ok) return allowed;
  for (const [field, label] of MILESTONES) {
    const d = item[field];
    if (typeof d === 'string' && d !== '' && on < d) return err('backdated', w.backdated(on, label, d));
  }
  return effect(item, action, actor, on);
}

/** The report a 审签 or 审签退回 answers: a node report of this item, not yet signed, dated by `on`. */
function unsignedReport(item: LedgerItem, r: FeedbackRecord, on: IsoDate): Result<FeedbackRecord> {
  const w = domain.workflow;
  if (typeof r !== 'object' || r === null || !(REPORT_TYPES as readonly unknown[]).includes(r.type)) {
    return err('not-a-report', w.recordNotReport(displayValue(r?.type)));
  }
  if (r.itemId !== item.id) return err('other-item', w.recordOtherItem(displayValue(r.itemId), item.id));
  if (r.signedOn) return err('already-signed', w.recordAlreadySigned(displayValue(r.signer), displayValue(r.signedOn)));
  if (!isValidIsoDate(r.date)) return err('bad-date', w.badDate('反馈日期', displayValue(r.date)));
  if (on < r.date) return err('sign-before-report', w.signBeforeReport(on, r.date));
  return ok(r);
}

/** 审批同意: the approval's dates and 目标任务, checked against the item. */
function approval(item: LedgerItem, action: Extract<Action, { type: '审批同意' }>): Result<Partial<LedgerItem>> {
  const w = domain.workflow;
  if (!isValidIsoDate(action.assignedOn)) {
    return action.assignedOn ? err('bad-date', w.badDate('交办日期', displayValue(action.assignedOn))) : err('missing-assigned-on', w.needAssignedOn);
  }
  const assignedOn = action.assignedOn;
  if (item.registeredOn && assignedOn < item.registeredOn) {
    return err('assigned-before-registered', w.assignedBeforeRegistered(assignedOn, item.registeredOn));
  }
  let explicitDeadline = item.explicitDeadline;
  if (action.explicitDeadline !== undefined && action.explicitDeadline !== null) {
    if (!isValidIsoDate(action.explicitDeadline)) {
      return err('bad-date', w.badDate('完成时限', displayValue(action.explicitDeadline)));
    }
    explicitDeadline = action.explicitDeadline;
  }
  if (explicitDeadline && explicitDeadline < assignedOn) {
    return err('deadline-before-assigned', w.deadlineBeforeAssigned(explicitDeadline, assignedOn));
  }
  let requirement = item.requirement;
  if (action.requirement !== undefined) {
    const r = checkText('目标任务/工作要求', action.requirement, maxLength('requirement'), false);
    if (!r.ok) return r;
    requirement = r.value;
  }
  return ok({ state: '已交办', assignedOn, explicitDeadline, requirement });
}

/** 审签 signs the report (its node's date is the first sign-off's); 审签退回 sends it back with a comment. */
function signOff(item: LedgerItem, action: Extract<Action, { type: '审签' | '审签退回' }>, actor: Actor, on: IsoDate): Result<ActionOutcome> {
  const checked = unsignedReport(item, action.record, on);
  if (!checked.ok) return checked;
  const r = checked.value;
  if (action.type === '审签退回') {
    if (isBlank(action.comment)) return err('missing-comment', domain.workflow.needSignOffComment);
    const comment = checkText('退回意见', action.comment, SIGN_OFF_COMMENT_MAX, true);
    if (!comment.ok) return comment;
    const content = signOffReturnContent(r.type, r.date, comment.value);
    return ok({ item: { ...item }, records: [record(item, '审签退回', on, content, actor.name)] });
  }
  const signed: FeedbackRecord = { ...r, signer: actor.name, signedOn: on };
  const changes: Partial<LedgerItem> = {};
  const field = REPORT_FIELD[r.type as ReportType];
  // The first signed report of a node fixes its date; later ones (corrections) do not move it.
  if (field && !item[field]) changes[field] = on;
  // The signed report is the item's latest official progress.
  if (typeof r.content === 'string' && r.content.trim() !== '' && Array.from(r.content).length <= maxLength('progress')) {
    changes.progress = r.content;
  }
  return ok({ item: { ...item, ...changes }, records: [signed] });
}

/** 重新立项: a new draft item linked to this closed one (which itself does not change). */
function reopen(item: LedgerItem, action: Extract<Action, { type: '重新立项' }>, on: IsoDate): Result<ActionOutcome> {
  const content = checkText('事项内容', action.content, maxLength('content'), true);
  if (!content.ok) return content;
  const requirement = checkText('目标任务/工作要求', action.requirement, maxLength('requirement'), false);
  if (!requirement.ok) return requirement;
  const kind = action.kind ?? item.kind;
  if (!(ITEM_KINDS as readonly unknown[]).includes(kind)) return err('bad-enum', domain.workflow.registerBadEnum('事项类型', displayValue(kind)));
  const newItem = draftItem({
    id: typeof action.newId === 'string' ? action.newId : '',
    on,
    source: item.source,
    level: item.level,
    content: content.value,
    requirement: requirement.value,
    section: item.section,
    coSections: item.coSections,
    kind,
    linkedId: item.id,
    note: '',
  });
  return ok({ item: { ...item }, records: [], newItem });
}

/** The effect of an action already allowed by `gate`. */
function effect(item: LedgerItem, action: Action, actor: Actor, on: IsoDate): Result<ActionOutcome> {
  const w = domain.workflow;
  const done = (changes: Partial<LedgerItem>, records: FeedbackRecord[] = []): Result<ActionOutcome> => ok({ item: { ...item, ...changes }, records });

  switch (action.type) {
    case '审批同意': {
      const changes = approval(item, action);
      return changes.ok ? done(changes.value) : changes;
    }

    case '开始办理':
      return done({ state: '办理中' });

    case '反馈': {
      if (!(REPORT_TYPES as readonly unknown[]).includes(action.node)) {
        return err('bad-report-type', w.badReportType(displayValue(action.node)));
      }
      if (action.node === '月度反馈' && !item.extensionApprovedOn) return err('no-plan', w.monthlyNeedsPlan);
      const content = checkText(action.node, action.content, RECORD_CONTENT_MAX, true);
      if (!content.ok) return content;
      // A report shows the section is at work: an item still 已交办 moves on to 办理中.
      return done({ state: '办理中' }, [record(item, action.node, on, content.value, '')]);
    }

    case '审签':
    case '审签退回':
      return signOff(item, action, actor, on);

    case '催办': {
      const content = checkText('催办内容', action.content, RECORD_CONTENT_MAX, false);
      if (!content.ok) return content;
      const text = content.value.trim() === '' ? w.urgeDefault : content.value;
      return done({ urgeCount: item.urgeCount + 1, lastUrgedOn: on }, [record(item, '催办', on, text, actor.name)]);
    }

    case '申请办结': {
      const content = checkText('办结情况', action.content, maxLength('progress'), false);
      if (!content.ok) return content;
      // 落实情况要见人见事: no application without something the office can check.
      if (isBlank(action.evidence)) return err('missing-evidence', w.needEvidence);
      const evidence = checkText('佐证材料', action.evidence, maxLength('evidence'), true);
      if (!evidence.ok) return evidence;
      const changes: Partial<LedgerItem> = { state: '申请办结', appliedOn: on, evidence: evidence.value };
      if (content.value.trim() !== '') changes.progress = content.value;
      return done(changes);
    }

    case '初核':
      return done({ state: '已初核', checkedOn: on });

    case '审定':
      if (!(GRADES as readonly unknown[]).includes(action.grade)) return err('bad-grade', w.badGrade(displayValue(action.grade)));
      return done({ state: '已销号', approvedOn: on, closedOn: on, grade: action.grade });

    case '退回': {
      if (isBlank(action.reason)) return err('missing-reason', w.needReason);
      const reason = checkText('退回理由', action.reason, RECORD_CONTENT_MAX, true);
      if (!reason.ok) return reason;
      // Back to work: the application and its check no longer stand (they would otherwise count
      // as 落实完成日 in the clock). 佐证材料 stays, for the section to amend when it applies again.
      return done({ state: '办理中', returnCount: item.returnCount + 1, appliedOn: null, checkedOn: null }, [
        record(item, '退回', on, reason.value, actor.name),
      ]);
    }

    case '延期方案': {
      if (!isValidIsoDate(action.deadline)) return err('bad-date', w.badExtensionDeadline(displayValue(action.deadline)));
      if (action.deadline < on) return err('extension-in-past', w.extensionInPast(action.deadline, on));
      const nodes = checkText('延期节点', action.nodes, maxLength('extensionNodes'), false);
      if (!nodes.ok) return nodes;
      return done({ extensionApprovedOn: on, extensionDeadline: action.deadline, extensionNodes: nodes.value });
    }

    case '升级': {
      if (!(ESCALATION_LEVELS as readonly unknown[]).includes(action.level)) {
        return err('bad-level', w.badEscalationLevel(displayValue(action.level)));
      }
      // One step at a time: the section proposes to its 分管领导; the 分管领导 takes it to the 中心主任.
      // The office may record either step on their behalf.
      const mayReach: Record<Role, readonly EscalationLevel[]> = {
        科室: ['分管领导'],
        分管领导: ['中心主任'],
        督办员: ESCALATION_LEVELS,
        中心主任: [],
      };
      if (!mayReach[actor.role].includes(action.level)) {
        return err('wrong-level', w.escalationNotYours(actor.role, action.level));
      }
      const content = checkText('升级内容', action.content, RECORD_CONTENT_MAX - 20, true);
      if (!content.ok) return content;
      return done({}, [record(item, '升级', on, w.escalationContent(action.level, content.value), actor.name)]);
    }

    case '重新立项':
      return reopen(item, action, on);

    case '认定敷衍推诿':
      return done({ perfunctoryOn: on });

    case '认定弄虚作假':
      return done({ falsifiedOn: on });

    default: {
      const never: never = action;
      return err('unknown-action', w.unknownAction(displayValue((never as { type?: unknown }).type)));
    }
  }
}
