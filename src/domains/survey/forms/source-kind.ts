// Which census category and kind a directory source is, from its category and industry.
// Browser-safe: the server's submissions and the offline field app decide it alike.
import type { Category, SourceKind } from './types.ts';

/**
 * The directory's category (and industry) as the engine's category and kind. Centralised
 * facilities and mobile sources are told apart by their GB/T 4754-2017 class; without one the
 * commonest kind is assumed (a wastewater plant; a filling station).
 */
export function sourceKindOf(category: string, industryCode: string | null): { category: Category; kind: SourceKind } | null {
  const ind = industryCode ?? '';
  switch (category) {
    case 'industrial': return { category: 'G', kind: 'enterprise' };
    case 'livestock': return { category: 'N', kind: 'livestock-farm' };
    case 'domestic': return { category: 'S', kind: 'non-industrial-boiler' };
    case 'centralised':
      if (ind === '7724') return { category: 'J', kind: 'hazardous-waste-plant' }; // 危险废物治理
      if (ind === '7820' || ind === '7723') return { category: 'J', kind: 'waste-plant' }; // 环境卫生管理, 固体废物治理
      return { category: 'J', kind: 'wastewater-plant' }; // 4620 污水处理及其再生利用, and by default
    case 'mobile':
      if (ind === '5941') return { category: 'Y', kind: 'oil-depot' }; // 油气仓储
      if (ind === '5435') return { category: 'Y', kind: 'oil-transport' }; // 危险货物道路运输
      return { category: 'Y', kind: 'gas-station' }; // 5265 机动车燃油零售, and by default
    default: return null;
  }
}
