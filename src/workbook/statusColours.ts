/**
 * The 预警状态 colours (docs/rules.md: green 正常, yellow 临近, red 逾期, blue 延期, grey for the rest), in
 * one table: `fill` and `text` are the 台账's conditional-format tints (schema.ts; a test holds
 * the two equal), `series` the stronger shade of the same hue for a chart's bars and slices, where
 * a pale tint would not show. The 看板 chart (its status series are set to it, and the browser
 * preview draws the colours the chart holds) and the preview's grid read this table, so a status
 * never changes colour between the ledger and the charts (issue #13, item 13).
 * Colours are CSS hex (#RRGGBB), which Office.js `setSolidColor` accepts as well.
 */
import type { WarningStatus } from '../domain/types';

export interface StatusColour {
  /** the ledger row's tint */
  fill: string;
  /** the ledger row's text */
  text: string;
  /** a chart series or slice of this status */
  series: string;
}

export const STATUS_COLOURS: Readonly<Record<WarningStatus, StatusColour>> = {
  未交办: { fill: '#FFFFFF', text: '#605E5C', series: '#BFBFBF' },
  正常: { fill: '#E2EFDA', text: '#006100', series: '#70AD47' },
  临近: { fill: '#FFEB9C', text: '#9C5700', series: '#FFC000' },
  逾期: { fill: '#FFC7CE', text: '#9C0006', series: '#E03C31' },
  延期: { fill: '#DDEBF7', text: '#1F4E79', series: '#5B9BD5' },
  按期办结: { fill: '#E7E6E6', text: '#3B3838', series: '#7F7F7F' },
  逾期办结: { fill: '#E7E6E6', text: '#C00000', series: '#9C0006' },
};
