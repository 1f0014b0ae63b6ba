// Scrolls to the field an issue points to and focuses its control: the nearest anchor on the
// page (the field, else its row, its group, the form), flashed briefly so the eye finds it.
import { anchorCandidates, anchorId } from './answer-paths.ts';

export function focusField(form: string, path: string, doc: Document = document): boolean {
  for (const p of anchorCandidates(path)) {
    const el = doc.getElementById(anchorId(form, p));
    if (!el) continue;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const control = el.querySelector<HTMLElement>('input:not([disabled]):not([type="radio"]), textarea, .ant-select-selector, .ant-radio-button-wrapper, [tabindex]');
    control?.focus({ preventScroll: true });
    el.classList.add('sf-flash');
    setTimeout(() => el.classList.remove('sf-flash'), 1500);
    return true;
  }
  return false;
}
