// 行政区划 regions: the administrative tree every scope hangs on.
export { regionRoutes } from './routes.ts';
export { loadRegionTree, ensureRegionTree, assertRegionsExist, regionChecker, visibleTo, getRegion } from './regions.ts';
export { loadVillagesJob } from './villages.ts';
export { englishName } from './english.ts';
