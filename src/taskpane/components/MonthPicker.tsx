import { Field, Select } from '@fluentui/react-components';

export interface MonthPickerProps {
  label: string;
  /** 'YYYY-MM' */
  value: string;
  /** the months offered, newest first (months.ts selectableMonths) */
  months: readonly string[];
  onChange: (month: string) => void;
}

/** A month chosen from the ledger's months (清单与报告, 综评): one control, one behaviour. */
export function MonthPicker({ label, value, months, onChange }: MonthPickerProps): JSX.Element {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </Select>
    </Field>
  );
}
