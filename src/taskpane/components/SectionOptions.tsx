import type { SectionPeople } from '../../domain/types';

/** The 科室 of 科室人员 as the options of a section picker (after its own placeholder option). */
export function SectionOptions({ people }: { people: readonly SectionPeople[] }): JSX.Element {
  return (
    <>
      {people.map((p) => (
        <option key={p.section} value={p.section}>
          {p.section}
        </option>
      ))}
    </>
  );
}
