/** A match score (0–1) as a whole percentage. */
export const scorePercent = (score: number) => Math.round(Math.max(0, Math.min(1, score)) * 100);
