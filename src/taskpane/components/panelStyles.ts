/**
 * The look of the tool panels on 概览 (校验台账, 自检): a column under a thin rule, a start-aligned
 * button, grey hints. Spread into each panel's own makeStyles.
 */
import { tokens } from '@fluentui/react-components';

export const toolPanelStyles = {
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  start: { alignSelf: 'flex-start' },
  hint: { color: tokens.colorNeutralForeground3 },
} as const;

/** A term → value grid (a definition list): the item's facts, the due dates of a draft. */
export const factGridStyle = {
  display: 'grid',
  gridTemplateColumns: 'auto 1fr',
  columnGap: tokens.spacingHorizontalM,
  rowGap: '2px',
  margin: 0,
} as const;
