// 按地址划入小区: which township and which census zone an address points to.
// Registers write addresses loosely ("乐清市柳市镇长虹村", "柳市长虹村", "浙江省乐清市
// 柳市镇…"), so a township matches by its full name or by its name without the
// 镇/乡/街道 suffix, the longest and earliest mention winning; a zone matches by
// its keywords (villages, roads, parks). A township with a single zone takes
// every source placed in it.

export interface TownshipKey {
  code: string;
  name: string;
}
export interface ZoneKey {
  id: number;
  regionCode: string;
  keywords: string[];
}

const SUFFIX = /(街道办事处|街道|镇|乡|民族乡)$/;

export function townshipNames(name: string): string[] {
  const short = name.replace(SUFFIX, '');
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

export function placeAddress(address: string | null, townships: readonly TownshipKey[], zones: readonly ZoneKey[]): { township: string | null; zoneId: number | null } {
  if (!address) return { township: null, zoneId: null };
  let best: { code: string; at: number; len: number } | null = null;
  for (const t of townships) {
    for (const n of townshipNames(t.name)) {
      const at = address.indexOf(n);
      if (at < 0) continue;
      if (!best || n.length > best.len || (n.length === best.len && at < best.at)) best = { code: t.code, at, len: n.length };
    }
  }
  if (!best) return { township: null, zoneId: null };
  const inTownship = zones.filter((z) => z.regionCode === best!.code);
  let zone: { id: number; len: number } | null = null;
  for (const z of inTownship) {
    for (const k of z.keywords) {
      if (k && address.includes(k, best.at) && (!zone || k.length > zone.len)) zone = { id: z.id, len: k.length };
    }
  }
  if (!zone && inTownship.length === 1) return { township: best.code, zoneId: inTownship[0].id };
  return { township: best.code, zoneId: zone?.id ?? null };
}
