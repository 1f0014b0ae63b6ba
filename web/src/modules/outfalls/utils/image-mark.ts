// Where a click on a shown image falls, as the API's imageX/imageY (0–1 of the width and height),
// and back to a place on the shown image. The image may be scaled, so only fractions travel.

export interface Box { left: number; top: number; width: number; height: number }

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round4 = (v: number) => Math.round(v * 10000) / 10000;

/** The fraction of the image under a click at (clientX, clientY); null outside the image. */
export function markAt(box: Box, clientX: number, clientY: number): { imageX: number; imageY: number } | null {
  if (box.width <= 0 || box.height <= 0) return null;
  const x = (clientX - box.left) / box.width;
  const y = (clientY - box.top) / box.height;
  if (x < 0 || x > 1 || y < 0 || y > 1) return null;
  return { imageX: round4(clamp01(x)), imageY: round4(clamp01(y)) };
}

/** CSS left/top in per cent for a mark, or null when the outfall has no place on the image. */
export function markStyle(imageX: number | null | undefined, imageY: number | null | undefined): { left: string; top: string } | null {
  if (imageX == null || imageY == null || !Number.isFinite(imageX) || !Number.isFinite(imageY)) return null;
  return { left: `${clamp01(imageX) * 100}%`, top: `${clamp01(imageY) * 100}%` };
}
