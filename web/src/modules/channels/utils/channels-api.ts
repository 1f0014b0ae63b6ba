// Shapes of the channel API (docs/supervision-api.md) and the query keys.
export interface ChannelFile { id: string; name: string; mime: string; bytes: number; sha256: string }
export type MessageKind = 'message' | 'dispatch' | 'notice' | 'briefing' | 'case';
export interface Message {
  id: number;
  kind: MessageKind;
  refId: number | null;
  body: string;
  mentions: { id: number; name: string }[];
  files: ChannelFile[];
  author: { id: number; name: string; role: string; region: string; regionCode: string } | null;
  at: string;
}
export interface Channel { id: number; regionCode: string; name: string; unread: number; lastMessage: Message | null }
export interface Member { userId: number; name: string; role: string; regionCode: string; region: string; duty: string }
export interface MessagePage { channel: { id: number; regionCode: string; name: string }; items: Message[]; members: Member[] }
export interface Webhook { id: number; url: string; active: boolean; createdAt: string; secret?: string }
export type NotificationKind = 'mention' | 'case' | 'dispatch' | 'briefing' | 'notice';
export interface Notification { id: number; kind: NotificationKind; refId: number | null; channelId: number | null; text: string; at: string; readAt: string | null }

export const channelKeys = {
  all: ['channels'] as const,
  list: () => ['channels', 'list'] as const,
  messages: (id: number) => ['channels', 'messages', id] as const,
  members: (id: number) => ['channels', 'members', id] as const,
  webhooks: (id: number) => ['channels', 'webhooks', id] as const,
  notifications: () => ['notifications'] as const,
};

export const fileUrl = (id: string) => `/api/v1/supervision/files/${encodeURIComponent(id)}`;

/** Where a system message points: its dispatch or case page. */
export function refPath(kind: MessageKind, refId: number | null): string | null {
  if (refId === null) return null;
  if (kind === 'dispatch') return `/supervision/dispatches/${refId}`;
  if (kind === 'case') return `/supervision/cases/${refId}`;
  return null;
}

/** An id for an upload, made here so a retry is the same file on the server. */
export function newFileId(): string {
  return (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^A-Za-z0-9_-]/g, '');
}
