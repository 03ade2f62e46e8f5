import { Button, Caption1, Checkbox, Field, Input, Label, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ASSIGN_LEVELS, ITEM_KINDS, SOURCE_CATEGORIES, type AssignLevel, type ItemKind, type SectionPeople, type SourceCategory } from '../../domain/types';
import type { NewItemInput } from '../../domain/workflow';
import { ui } from '../../i18n';
import { FormActions, FormSection } from '../components/FormSection';
import type { Operation } from '../hooks/useOperation';
import { rethrowWith } from '../hooks/useOperation';
import { useReadyLedger } from '../hooks/useLedger';
import { useFocusFirstError } from '../hooks/useFocusFirstError';
import { directorActor } from '../ledgerView';
import { checkChoice, checkDate, checkText, collectErrors, hasErrors, LIMITS, type FieldErrors } from '../validate';
import { DuePreview } from './DuePreview';
import { SectionOptions } from '../components/SectionOptions';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Draft {
  source: string;
  level: string;
  content: string;
  requirement: string;
  section: string;
  coSections: string[];
  kind: string;
  deadline: string;
  assignedOn: string;
  agreed: boolean;
}

const empty = (today: string): Draft => ({
  source: '',
  level: '',
  content: '',
  requirement: '',
  section: '',
  coSections: [],
  kind: '一般',
  deadline: '',
  assignedOn: today,
  agreed: false,
});

const r = ui.register;

type DraftField = 'source' | 'level' | 'content' | 'requirement' | 'section' | 'coSections' | 'kind' | 'assignedOn' | 'deadline';

/** The draft's field errors; `assignedOn` is the 交办 date in effect, `coSections` the joined 协办科室. */
function validateDraft(draft: Draft, today: string, assignedOn: string, coSections: string): FieldErrors<DraftField> {
  return collectErrors({
    source: checkChoice(draft.source, r.source),
    level: checkChoice(draft.level, r.level),
    content: checkText(draft.content, { label: r.content, max: LIMITS.content, required: true }),
    requirement: checkText(draft.requirement, { label: r.requirement, max: LIMITS.requirement }),
    section: checkChoice(draft.section, r.section),
    coSections: checkText(coSections, { label: r.coSections, max: LIMITS.coSections }),
    kind: checkChoice(draft.kind, r.kind),
    assignedOn: draft.agreed ? null : checkDate(draft.assignedOn, r.assignedOn, today, true),
    deadline:
      checkDate(draft.deadline, r.deadlineLabel, today) ??
      (draft.deadline && draft.deadline < assignedOn ? ui.validation.dateBeforeAssigned(r.deadlineLabel, assignedOn) : null) ??
      (draft.deadline && !draft.agreed ? r.deadlineNeedsApproval : null),
  });
}

/** What each group of fields gets: the draft, how to change it, and the shown error of a field. */
interface FieldsProps {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  message: (field: DraftField) => string | undefined;
}

/** 来源, 交办层级, 督办内容 and 办理要求. */
function ItemFields({ draft, set, message }: FieldsProps): JSX.Element {
  return (
    <>
      <Field label={r.source} required validationMessage={message('source')}>
        <Select value={draft.source} onChange={(_, d) => set({ source: d.value })}>
          <option value="">{r.choose}</option>
          {SOURCE_CATEGORIES.map((s, i) => (
            <option key={s} value={s}>
              {`${i + 1} ${s}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={r.level} required validationMessage={message('level')}>
        <Select value={draft.level} onChange={(_, d) => set({ level: d.value })}>
          <option value="">{r.choose}</option>
          {ASSIGN_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={r.content} required validationMessage={message('content')}>
        <Textarea value={draft.content} onChange={(_, d) => set({ content: d.value })} resize="vertical" />
      </Field>
      <Field label={r.requirement} validationMessage={message('requirement')}>
        <Textarea value={draft.requirement} onChange={(_, d) => set({ requirement: d.value })} resize="vertical" />
      </Field>
    </>
  );
}

/** 责任科室 and the 协办科室 check boxes. */
function SectionFields({ draft, set, message, people }: FieldsProps & { people: readonly SectionPeople[] }): JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Field label={r.section} required validationMessage={message('section')}>
        <Select value={draft.section} onChange={(_, d) => set({ section: d.value })}>
          <option value="">{r.choose}</option>
          <SectionOptions people={people} />
        </Select>
      </Field>
      <div role="group" aria-labelledby="register-co-label" className={styles.group}>
        <Label id="register-co-label">{r.coSections}</Label>
        <div className={styles.checks}>
          {people
            .filter((p) => p.section !== draft.section)
            .map((p) => (
              <Checkbox
                key={p.section}
                label={p.section}
                checked={draft.coSections.includes(p.section)}
                onChange={(_, d) =>
                  set({
                    coSections: d.checked ? [...draft.coSections, p.section] : draft.coSections.filter((s) => s !== p.section),
                  })
                }
              />
            ))}
        </div>
        {message('coSections') && <Caption1 className={styles.error}>{message('coSections')}</Caption1>}
      </div>
    </>
  );
}

/** 事项类型, 明确时限, 「已报经中心主任同意」 and the 交办 date. */
function AssignFields({ draft, set, message, today, assignedOn }: FieldsProps & { today: string; assignedOn: string }): JSX.Element {
  return (
    <>
      <Field label={r.kind} required validationMessage={message('kind')}>
        <Select value={draft.kind} onChange={(_, d) => set({ kind: d.value })}>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={r.deadline} validationMessage={message('deadline')}>
        <Input type="date" value={draft.deadline} min={today} onChange={(_, d) => set({ deadline: d.value })} />
      </Field>
      <Checkbox
        label={r.directorAgreed}
        checked={draft.agreed}
        onChange={(_, d) => set({ agreed: d.checked === true })}
        aria-describedby="register-agreed-hint"
      />
      <Caption1 id="register-agreed-hint">{r.directorAgreedHint}</Caption1>
      <Field label={r.assignedOn} hint={r.assignedHint} validationMessage={message('assignedOn')}>
        <Input type="date" value={assignedOn} min={today} disabled={draft.agreed} onChange={(_, d) => set({ assignedOn: d.value })} />
      </Field>
    </>
  );
}

/**
 * 立项交办 (督办员). Shows the due dates and 责任人 before saving. With 「已报经中心主任同意」 one
 * user action registers the item and records the 中心主任's 审批同意, 交办 today.
 */
export function RegisterForm({ op }: { op: Operation }): JSX.Element {
  const { service, snapshot } = useReadyLedger();
  const today = snapshot.today;
  const [draft, setDraft] = useState<Draft>(() => empty(today));
  const [shown, setShown] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const assignedOn = draft.agreed ? today : draft.assignedOn;
  const coSections = draft.coSections.filter((s) => s !== draft.section).join('、');

  const errors = validateDraft(draft, today, assignedOn, coSections);
  const message = (field: DraftField) => (shown ? errors[field] : undefined);
  const focusFirstError = useFocusFirstError('register');

  const submit = () => {
    setShown(true);
    if (hasErrors(errors)) {
      focusFirstError();
      return;
    }
    const input: Omit<NewItemInput, 'id'> = {
      source: draft.source as SourceCategory,
      level: draft.level as AssignLevel,
      content: draft.content,
      requirement: draft.requirement,
      section: draft.section,
      coSections,
      kind: draft.kind as ItemKind,
    };
    const agreed = draft.agreed;
    const deadline = draft.deadline || null;
    const director = directorActor(snapshot);
    void op.run(
      '立项',
      async (step) => {
        const { item, renumbered } = await step('register', (ctx) => service.register(input, ctx));
        const note = renumbered ? r.renumbered(item.id) : '';
        if (!agreed) return r.done(item.id) + note;
        try {
          await step('approve', (ctx) => service.act(item.id, { type: '审批同意', assignedOn: ctx.on, explicitDeadline: deadline }, ctx), director);
        } catch (error) {
          rethrowWith(error, (m) => r.approveFailed(item.id, m));
        }
        return r.doneAssigned(item.id, today) + note;
      },
      () => {
        setDraft(empty(today));
        setShown(false);
      },
    );
  };

  const fields = { draft, set, message };
  return (
    <FormSection id="register" title={r.formTitle}>
      <ItemFields {...fields} />
      <SectionFields {...fields} people={snapshot.people} />
      <AssignFields {...fields} today={today} assignedOn={assignedOn} />
      <DuePreview level={draft.level} section={draft.section} kind={draft.kind} assignedOn={assignedOn} deadline={draft.deadline} />
      <FormActions>
        <Button appearance="primary" disabled={op.busy} onClick={submit}>
          {draft.agreed ? r.submitAndAssign : r.submit}
        </Button>
      </FormActions>
    </FormSection>
  );
}
