// A harmless, valid request body for every API route that takes one, so that
// the access matrix reaches the authorisation and scope checks rather than
// stopping at validation. A new route with a body must add its sample here;
// the matrix test fails until it does. `{v}` is replaced by the row's version.
export const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/v1/session': { username: 'nobody-matrix', password: 'x' },
  'PATCH /api/v1/regions/:code': { pilot: true },
  'POST /api/v1/users': { username: 'matrix-user', displayName: 'Matrix', password: 'Matrix2018', role: 'enumerator', regionCode: '330382001' },
  'PATCH /api/v1/users/:id': { version: '{v}', phone: '0577-00000000' },
  'POST /api/v1/agencies': { name: '矩阵测试机构', regionCode: '330382' },
  'PATCH /api/v1/agencies/:id': { version: '{v}', contact: '矩阵' },
  'POST /api/v1/teams': { name: '矩阵测试组', regionCode: '330382', kind: 'enumerator', members: [] },
  'PATCH /api/v1/teams/:id': { version: '{v}', name: '矩阵测试组改' },
  'POST /api/v1/sources': { regionCode: '330382', name: '矩阵测试对象' },
  'POST /api/v1/sources/:id/delete': { version: '{v}', reason: 'closed' },
  'POST /api/v1/sources/:id/restore': { version: '{v}' },
  'POST /api/v1/sources/:id/split': { version: '{v}', rows: [{ registerId: 1, rowNumber: 1 }] },
  'POST /api/v1/directory/candidates/:id/merge': {},
  'POST /api/v1/directory/match': {},
  'POST /api/v1/directory/signoffs': { note: '矩阵' },
  'PUT /api/v1/inventory/states': {
    states: [
      ['normal', '正常生产', 'Operating', '#389e0d', true, []], ['suspended', '停产', 'Suspended', '#d48806', true, []],
      ['closed', '关闭', 'Closed', '#8c8c8c', false, []], ['deleted', '删除', 'Deleted', '#cf1322', false, ['duplicate', 'out-of-scope', 'not-found']],
      ['added', '增补', 'Added', '#1677ff', true, []], ['to-verify', '待核实', 'To verify', '#722ed1', false, []],
    ].map(([code, nameZh, nameEn, colour, toSurvey, reasons], i) => ({ code, nameZh, nameEn, colour, toSurvey, reasons, position: i + 1 })),
  },
  'PUT /api/v1/inventory/departments': { departments: [{ code: 'stats', nameZh: '统计局', nameEn: 'Statistics', required: true, position: 1 }, { code: 'mee', nameZh: '生态环境局', nameEn: 'Ecology and environment', required: true, position: 2 }] },
  'PUT /api/v1/inventory/phase-dates': { regionCode: '330382', phase: 'survey', startsOn: '2018-06-01', endsOn: '2018-11-30' },
  'POST /api/v1/inventory/zones': { regionCode: '330382001', name: '矩阵小区' },
  'PATCH /api/v1/inventory/zones/:id': { version: '{v}', keywords: ['矩阵村'] },
  'POST /api/v1/inventory/zones/:id/sources': { sourceIds: [1] },
  'POST /api/v1/inventory/zones/assign': { regionCode: '330382' },
  'POST /api/v1/inventory/packages': { name: '矩阵工作包', teamId: 1, sourceIds: [1] },
  'POST /api/v1/inventory/packages/:id/reassign': { version: '{v}', teamId: 1, reason: '矩阵' },
  'POST /api/v1/inventory/packages/:id/sources': { version: '{v}', add: [1] },
  'POST /api/v1/inventory/sync': { packageId: 1, items: [] },
  'POST /api/v1/inventory/records/:id/approve': { version: '{v}' },
  'POST /api/v1/inventory/records/:id/reject': { version: '{v}', reason: '矩阵' },
  'POST /api/v1/inventory/records/:id/remarks': { text: '矩阵' },
  'POST /api/v1/inventory/records/:id/settle': { version: '{v}', state: 'normal', note: '矩阵' },
  'POST /api/v1/inventory/verdicts': { sourceIds: [1], verdict: 'agree' },
  'PUT /api/v1/submissions/:id': { sourceId: 1, form: 'G101-1', version: 1, answers: {}, status: 'draft', baseRev: 1 },
  'POST /api/v1/submissions/bulk': { items: [] },
  'POST /api/v1/accounting/recompute': { regionCode: '330382' },
  'PUT /api/v1/review/chain': { levels: [{ code: 'nation', enabled: true }] },
  'POST /api/v1/submissions/:id/review': { action: 'approve', reviewVersion: 0 },
  'POST /api/v1/submissions/:id/unlock': { reviewVersion: 0, reason: '矩阵测试' },
  'POST /api/v1/review/bulk-approve': { filter: { form: 'Z999' }, expected: 0 },
  'POST /api/v1/review/phases/:phase/accept': { regionCode: '330382', signedBy: '矩阵' },
  'POST /api/v1/review/phases/:phase/revoke': { regionCode: '330382001', reason: '矩阵' },
  'PUT /api/v1/review/qc/settings': { errorRateMax: 0.05, omissionRateMax: 0.01, inventoryAdded: 3, inventoryDeleted: 3, surveyShare: 0.05 },
  'POST /api/v1/review/samples': { phase: 'inventory', regionCode: '330382001' },
  'PUT /api/v1/review/samples/:id/items': { sourceId: 1, verdict: 'right' },
  'POST /api/v1/sources/:id/survey/confirm': { legalRep: '张三', confirmed: true, statement: '以上填报内容属实' },
  'PUT /api/v1/supervision/calendar': { phases: [{ phase: 'publication', startsOn: '2020-01-01', endsOn: '2020-06-10' }] },
  'PUT /api/v1/supervision/readiness/:code': { note: '矩阵' },
  'POST /api/v1/supervision/dispatches': { kind: 'biweekly', asOf: '2018-04-20' },
  'PATCH /api/v1/supervision/dispatches/:id': { remarks: '矩阵', version: 1 },
  'POST /api/v1/supervision/dispatches/:id/regenerate': { version: 1 },
  'POST /api/v1/supervision/dispatches/:id/publish': { version: 1 },
  'POST /api/v1/supervision/briefings': { title: '矩阵简报', asOf: '2018-04-20', blocks: [{ kind: 'text', text: '矩阵' }] },
  'PATCH /api/v1/supervision/briefings/:id': { title: '矩阵简报', version: 1 },
  'POST /api/v1/supervision/briefings/:id/publish': { version: 1 },
  'POST /api/v1/supervision/cases': { type: 'reminder', targetRegion: '330382001', reasons: '矩阵', dueOn: '2099-01-01' },
  'POST /api/v1/supervision/cases/:id/answer': { text: '矩阵', version: 1 },
  'POST /api/v1/supervision/cases/:id/close': { version: 1 },
  'POST /api/v1/supervision/cases/:id/reopen': { text: '矩阵', version: 1 },
  'POST /api/v1/supervision/cases/:id/escalate': { reasons: '矩阵', dueOn: '2099-01-01', version: 1 },
  'POST /api/v1/channels/:id/messages': { body: '矩阵消息' },
  'POST /api/v1/channels/:id/members': { userId: 1, duty: '矩阵' },
  'POST /api/v1/channels/:id/webhooks': { url: 'http://127.0.0.1:9/matrix' },
  'POST /api/v1/notifications/read': { all: true },
  'POST /api/v1/portal/articles': { section: 'news', slug: 'matrix-news', lang: 'zh', title: '矩阵新闻', format: 'markdown', body: '矩阵' },
  'PATCH /api/v1/portal/articles/:id': { title: '矩阵新闻', version: '{v}' },
  'POST /api/v1/portal/articles/:id/submit': { version: '{v}' },
  'POST /api/v1/portal/articles/:id/approve': { version: '{v}' },
  'POST /api/v1/portal/articles/:id/reject': { version: '{v}', reason: '矩阵' },
  'POST /api/v1/portal/articles/:id/unpublish': { version: '{v}' },
  'POST /api/v1/demo/national': { scale: 0.0001 },
  'POST /api/v1/portal/preview': { format: 'markdown', body: '# 矩阵' },
  'POST /api/v1/portal/links': { nameZh: '矩阵链接', nameEn: 'Matrix link', url: 'https://www.mee.gov.cn/' },
  'PATCH /api/v1/portal/links/:id': { nameZh: '矩阵链接', version: '{v}' },
  'POST /api/v1/portal/datasets': { titleZh: '矩阵成果', titleEn: 'Matrix results' },
  'POST /api/v1/outfalls/reaches': { regionCode: '330382001', name: '矩阵新河段', waterBody: '瓯江', waterType: 'river' },
  'PATCH /api/v1/outfalls/reaches/:id': { version: '{v}', lengthKm: 3.5 },
  'POST /api/v1/outfalls': { lat: 28.11, lng: 120.96, regionCode: '330382001', note: '矩阵疑似' },
  'POST /api/v1/outfalls/found': { verdict: 'hard', lat: 28.11, lng: 120.96, regionCode: '330382001', note: '矩阵现场发现' },
  'POST /api/v1/outfalls/:id/check': { version: '{v}', verdict: 'hard', note: '矩阵难以判定' },
  'POST /api/v1/outfalls/:id/verify': { version: '{v}', verdict: 'verified', note: '矩阵专家核实' },
  'PUT /api/v1/radioactive/minerals': { items: [{ code: '01', nameZh: '稀土（含独居石）', nameEn: 'rare earths (incl. monazite)', industries: ['0932', '3232'], active: true }, { code: '02', nameZh: '锆及氧化锆', nameEn: 'zircon and zirconia', industries: ['0939', '3239'], active: true }] },
  'POST /api/v1/radioactive/enterprises': { regionCode: '330382001', name: '矩阵锆英砂厂', minerals: ['02'] },
  'POST /api/v1/radioactive/enterprises/:id/measurements': { body: '矩阵辐射监测站', measuredOn: '2018-03-02', backgroundNGyH: 80, points: [{ label: 'M1', kind: 'waste', lat: 28.11, lng: 120.96, doseRateNGyH: 100 }] },
  'POST /api/v1/radioactive/enterprises/:id/detailed': { version: '{v}', note: '矩阵详查完成' },
};

/** Routes that take no JSON body even though their method usually does. */
export const NO_BODY = new Set([
  'POST /api/v1/jobs/:id/cancel',
  'POST /api/v1/jobs/:id/resume',
  'POST /api/v1/demo',
  'POST /api/v1/accounting/rollups/verify',
  'POST /api/v1/regions/villages',
  'POST /api/v1/users/import', // multipart: without a file it answers 400/415, which is enough here
  'POST /api/v1/registers', // multipart, likewise
  'POST /api/v1/registers/preview', // multipart, likewise
  'POST /api/v1/registers/:id/reimport',
  'POST /api/v1/inventory/photos', // multipart, likewise
  'POST /api/v1/submissions/import', // multipart, likewise
  'POST /api/v1/attachments', // multipart, likewise
  'POST /api/v1/supervision/files', // multipart, likewise
  'POST /api/v1/portal/images', // multipart, likewise
  'POST /api/v1/outfalls/images', // multipart, likewise
  'POST /api/v1/outfalls/import', // multipart, likewise
  'POST /api/v1/outfalls/:id/photos', // multipart, likewise
  'POST /api/v1/radioactive/measurements/:id/files', // multipart, likewise
  'POST /api/v1/accounting/coefficients/import', // multipart, likewise
  'POST /api/v1/accounting/coefficients/versions/:id/in-force',
  'DELETE /api/v1/session',
  'POST /api/v1/sources/:id/invitations',
  'POST /api/v1/invitations/:id/revoke',
  'POST /api/v1/directory/candidates/:id/apart',
  'POST /api/v1/directory/candidates/:id/later',
  'POST /api/v1/directory/candidates/:id/reopen',
  'POST /api/v1/directory/merges/:id/undo',
]);
