import type { CSSProperties } from 'react';
import { UNKNOWN_COLOUR } from './state-label.ts';

/** A row marked by its state (class `state-row` in styles.css): a stripe of the colour and a faint tint. */
export function stateRowStyle(colour: string | undefined): CSSProperties {
  return { '--state-colour': colour ?? UNKNOWN_COLOUR } as CSSProperties;
}
