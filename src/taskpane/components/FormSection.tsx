import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** A titled group of fields (one action's form), labelled for assistive technology by its title. */
export function FormSection({ id, title, children }: { id: string; title: string; children?: ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`} data-form={id}>
      <Subtitle2 as="h3" id={`${id}-title`} className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** The row of buttons at the bottom of a form. */
export function FormActions({ children }: { children?: ReactNode }): JSX.Element {
  const styles = useStyles();
  return <div className={styles.actions}>{children}</div>;
}
