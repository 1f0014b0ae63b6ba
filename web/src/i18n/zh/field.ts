// Chinese for the field app (the mobile/tablet data-collection shell). en/field.ts must mirror
// these keys. The inventory screens' strings are in field-inventory.ts.
import { fieldInventory } from './field-inventory.ts';
import { fieldOutfalls } from './field-outfalls.ts';
import { fieldSurvey } from './field-survey.ts';

export const field = {
  title: '外业采集',
  online: '在线',
  offline: '离线',
  offlineHint: '当前离线，联网后可同步',
  tabs: {
    tasks: '任务',
    map: '地图',
    sync: '同步',
    me: '我的',
    outfalls: '排污口',
  },
  mapTitle: '工作区域',
  mapHint: '底图与污染源点位将随清查模块提供。',
  syncTitle: '数据同步',
  connection: '网络',
  shell: '离线可用',
  shellReady: '应用已缓存，可离线打开',
  shellPending: '尚未缓存（正式版本首次加载后可用）',
  storage: '本机存储',
  storageUsage: '已用 {{used}}，可用 {{quota}}',
  unknown: '未知',
  pending: '待上传记录',
  meTitle: '我的信息',
  language: '语言',
  console: '打开管理控制台',
  ...fieldInventory,
  ...fieldSurvey,
  ...fieldOutfalls,
};
