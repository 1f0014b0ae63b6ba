// Chinese for the administrative regions page and the region picker. en/regions.ts must mirror
// these keys.

export const regions = {
  title: '行政区划',
  tree: '区划树',
  searchPlaceholder: '输入名称、拼音、首字母或代码',
  noResults: '没有匹配的行政区划',
  details: '区划详情',
  code: '代码',
  name: '名称',
  level: '级别',
  parent: '上级区划',
  pilot: '试点',
  pilotCounty: '试点县',
  pilotOnlyCounty: '只有县级区划可以设为试点',
  pilotSaved: '试点标记已更新',
  selectHint: '在左侧区划树中选择，或搜索一个行政区划',
  picker: '选择行政区划',
};
