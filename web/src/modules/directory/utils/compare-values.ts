/** A value as compared in the merge queue: trimmed, with null and empty alike. */
const normal = (v: string | null | undefined) => (v ?? '').trim();

/** Whether two sides of a pair differ after trimming. */
export const valuesDiffer = (a: string | null | undefined, b: string | null | undefined) => normal(a) !== normal(b);

/** Only one side has a value: a merge fills it in rather than choosing between two. */
export const onlyOneHas = (a: string | null | undefined, b: string | null | undefined) => !normal(a) !== !normal(b);
