import { useEffect, useRef, useState } from 'react';
import type { SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import { censusEngine } from '../../../../../src/domains/survey/forms/index.ts';
import type { FormFill } from '../utils/fill-state.ts';
import { evaluateFills, type SetVerdict } from '../utils/verdict.ts';

/**
 * The engine's verdict over the fills, recomputed a moment after the last change (typing does
 * not run it per keystroke, though it takes about a millisecond). The first runs at once.
 */
export function useLiveVerdict(source: SourceInfo | null, forms: Record<string, FormFill>, partial: boolean, delay = 120): SetVerdict | null {
  const [verdict, setVerdict] = useState<SetVerdict | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (!source) return;
    const run = () => setVerdict(evaluateFills(censusEngine(), source, Object.values(forms), partial));
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, delay);
    return () => clearTimeout(timer);
  }, [source, forms, partial, delay]);
  return verdict;
}
