// 入河(海)排污口排查 the outfall survey: reaches, imagery, suspects, field checks, expert
// verification (docs/outfalls-api.md). Other domains import from here only.
export { outfallRoutes } from './routes.ts';
export { markSuspect, checkOutfall, verifyOutfall, foundOutfall } from './outfalls.ts';
export { createReach } from './reaches.ts';
export { withExif } from './exif-write.ts';
