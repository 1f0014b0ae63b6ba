import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props<T> {
  items: T[];
  rowHeight: number;
  /** Rows drawn beyond the screen on each side, so a quick flick does not show blanks. */
  overscan?: number;
  rowKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  testId?: string;
}

/**
 * A list of fixed-height rows that scrolls with the page and draws only the rows on
 * screen: 5,000 units cost the same as 15. Windowed on the page's own scroll (not an
 * inner scroller) so the phone's native scrolling, address bar and tab bar behave.
 */
export function VirtualList<T>({ items, rowHeight, overscan = 8, rowKey, renderRow, testId }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<[number, number]>([0, Math.ceil(window.innerHeight / rowHeight) + overscan]);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const el = box.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const first = Math.max(0, Math.floor(-top / rowHeight) - overscan);
      const last = Math.min(items.length, Math.ceil((window.innerHeight - top) / rowHeight) + overscan);
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, last]));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [items.length, rowHeight, overscan]);

  const [first, last] = range;
  const rows: ReactNode[] = [];
  for (let i = first; i < Math.min(last, items.length); i++) {
    rows.push(
      <div key={rowKey(items[i])} className="vlist-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(items[i], i)}
      </div>,
    );
  }
  return (
    <div ref={box} className="vlist" style={{ height: items.length * rowHeight }} data-testid={testId} data-count={items.length}>
      {rows}
    </div>
  );
}
