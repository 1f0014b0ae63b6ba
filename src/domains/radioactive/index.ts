// 伴生放射性矿 the associated radioactive mines: the mineral kinds, the initial list reconciled
// with the inventory, initial measurements screened, the detailed survey (docs/outfalls-api.md).
export { radioactiveRoutes } from './routes.ts';
export { listEnterprise } from './enterprises.ts';
export { recordMeasurement } from './measurements.ts';
