import { Caption1, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { ROLES, type Role, type SectionPeople } from '../../domain/types';
import { ui } from '../../i18n';
import { leaders } from '../ledgerView';
import { rememberedChoice, type RoleChoice } from '../roleStore';
import { SectionOptions } from './SectionOptions';

/** Marks the name field: an action that finds the name blank moves the focus there. */
export const ROLE_NAME_SELECTOR = '[data-role-name] input';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface RolePickerProps {
  choice: RoleChoice | null;
  people: readonly SectionPeople[];
  /** 设置 中心主任 ('' when blank: the 中心主任 then types a name) */
  director: string;
  onChange: (choice: RoleChoice | null) => void;
}

/**
 * 身份: 督办员 (党政办公室/运行监督科), a 科室, a 分管领导 (by name) or the 中心主任, and the person's
 * own name. A role chosen again comes back with the 科室 and name last used in it on this device.
 */
export function RolePicker({ choice, people, director, onChange }: RolePickerProps): JSX.Element {
  const styles = useStyles();
  const role = choice?.role ?? '';
  const names = leaders(people);
  const set = (patch: Partial<RoleChoice>) => choice && onChange({ ...choice, ...patch });

  return (
    <section className={styles.root} aria-label={ui.role.title}>
      <div className={styles.row}>
        <Field label={ui.role.label} size="small" className={styles.field}>
          <Select
            size="small"
            className={styles.control}
            value={role}
            onChange={(_, data) => onChange(data.value === '' ? null : rememberedChoice(data.value as Role))}
          >
            <option value="">{ui.role.placeholder}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ui.role.options[r]}
              </option>
            ))}
          </Select>
        </Field>
        {role === '科室' && (
          <Field label={ui.role.section} size="small" className={styles.field} validationState={choice?.section ? 'none' : 'warning'}>
            <Select size="small" className={styles.control} value={choice?.section ?? ''} onChange={(_, data) => set({ section: data.value || undefined })}>
              <option value="">{ui.role.sectionPlaceholder}</option>
              <SectionOptions people={people} />
            </Select>
          </Field>
        )}
        {role === '分管领导' && (
          <Field label={ui.role.leader} size="small" className={styles.field} validationState={choice?.leader ? 'none' : 'warning'}>
            <Select size="small" className={styles.control} value={choice?.leader ?? ''} onChange={(_, data) => set({ leader: data.value || undefined })}>
              <option value="">{ui.role.leaderPlaceholder}</option>
              {names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {(role === '督办员' || role === '科室' || (role === '中心主任' && director.trim() === '')) && (
          <Field label={ui.role.name} size="small" className={styles.field} required validationState={choice?.name ? 'none' : 'warning'} data-role-name="">
            <Input
              size="small"
              className={styles.control}
              value={choice?.name ?? ''}
              placeholder={ui.role.namePlaceholder}
              onChange={(_, data) => set({ name: data.value || undefined })}
            />
          </Field>
        )}
      </div>
      <Caption1 className={styles.note}>{ui.role.note}</Caption1>
    </section>
  );
}
