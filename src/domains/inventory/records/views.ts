// What the API answers for a record: the same shape to the field app and the console.
import type { RecordRow, RemarkRow, UnitRow } from './records.sql.ts';

export function remarkView(m: RemarkRow) {
  return { id: m.id, kind: m.kind, department: m.department, text: m.text, author: m.author, at: m.at };
}

export function recordView(r: RecordRow, remarks: RemarkRow[] = []) {
  return {
    sourceId: r.source_id, clientUuid: r.client_uuid, status: r.status, state: r.state, stateReason: r.state_reason, data: r.data,
    version: r.version, visitedAt: r.visited_at, visitFar: r.visit_far, visitDistance: r.visit_distance, rejectReason: r.reject_reason,
    confirmation: r.confirmation, remarks: remarks.map(remarkView),
  };
}
export type RecordView = ReturnType<typeof recordView>;

export function unitView(u: UnitRow, remarks: RemarkRow[]) {
  return {
    sourceId: u.source_id, name: u.name, creditCode: u.credit_code, address: u.address, legalRep: u.legal_rep, phone: u.phone,
    industryCode: u.industry_code, category: u.category, lat: u.lat, lng: u.lng, formerNames: u.former_names, permitNo: u.permit_no,
    radioactive: u.radioactive, zoneCode: u.zone_code, record: recordView(u, remarks),
  };
}

/** Groups remarks by source for many records at once. */
export function remarksBySource(rows: RemarkRow[]) {
  const m = new Map<number, RemarkRow[]>();
  for (const r of rows) m.set(r.source_id, [...(m.get(r.source_id) ?? []), r]);
  return m;
}
