import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

export type RecordAction =
  | { kind: 'approve'; id: number; version: number }
  | { kind: 'reject'; id: number; version: number; reason: string }
  | { kind: 'remark'; id: number; text: string }
  | { kind: 'settle'; id: number; version: number; state: string; stateReason?: string; note: string };

function send(a: RecordAction) {
  const base = `${INV}/records/${a.id}`;
  switch (a.kind) {
    case 'approve':
      return api.post(`${base}/approve`, { version: a.version });
    case 'reject':
      return api.post(`${base}/reject`, { version: a.version, reason: a.reason });
    case 'remark':
      return api.post(`${base}/remarks`, { text: a.text });
    case 'settle':
      return api.post(`${base}/settle`, { version: a.version, state: a.state, stateReason: a.stateReason, note: a.note });
  }
}

/**
 * Approve, reject, remark or settle one record. The inventory is re-read either way,
 * so after a 409 VERSION_CONFLICT the drawer already shows the current version.
 */
export function useRecordAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => void qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
