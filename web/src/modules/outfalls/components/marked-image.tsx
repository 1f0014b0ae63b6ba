// An image with its outfalls' marks drawn where they were placed (imageX/imageY as fractions);
// when `onPick` is given, a click on the image picks a place for a new mark.
import type { CSSProperties } from 'react';
import { markAt, markStyle } from '../utils/image-mark.ts';
import { STATE_COLOURS, type Mark } from '../utils/outfalls-api.ts';

interface Props {
  src: string;
  alt: string;
  marks: Mark[];
  /** A place picked but not saved yet. */
  pending?: { imageX: number; imageY: number } | null;
  onPick?: (at: { imageX: number; imageY: number }) => void;
  maxHeight?: number;
  testId?: string;
}

const dot = (colour: string): CSSProperties => ({
  position: 'absolute', width: 14, height: 14, marginLeft: -7, marginTop: -7, borderRadius: '50%',
  border: '2px solid #fff', background: colour, boxShadow: '0 0 0 1px rgba(0,0,0,.45)', pointerEvents: 'none',
});

export function MarkedImage({ src, alt, marks, pending, onPick, maxHeight = 640, testId = 'marked-image' }: Props) {
  return (
    <div style={{ position: 'relative', display: 'inline-block', lineHeight: 0, maxWidth: '100%' }} data-testid={testId} data-marks={marks.length}>
      <img
        src={src}
        alt={alt}
        style={{ maxWidth: '100%', maxHeight, cursor: onPick ? 'crosshair' : undefined, display: 'block' }}
        draggable={false}
        onClick={onPick && ((e) => {
          const at = markAt(e.currentTarget.getBoundingClientRect(), e.clientX, e.clientY);
          if (at) onPick(at);
        })}
        data-testid={`${testId}-img`}
      />
      {marks.map((m) => {
        const s = markStyle(m.imageX, m.imageY);
        return s && <span key={m.id} title={m.code} style={{ ...dot(STATE_COLOURS[m.state]), ...s }} data-testid={`image-mark-${m.code}`} data-state={m.state} />;
      })}
      {pending && <span style={{ ...dot('#f5222d'), ...markStyle(pending.imageX, pending.imageY) }} data-testid="image-mark-pending" />}
    </div>
  );
}
