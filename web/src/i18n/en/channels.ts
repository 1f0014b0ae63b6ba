// English for the work channels, their admin drawer and the notifications bell.
import type { Strings } from '../strings.ts';
import type { channels as zh } from '../zh/channels.ts';

export const channels: Strings<typeof zh> = {
  title: 'Work channels',
  empty: 'You are not a member of any channel yet',
  pick: 'Choose a channel on the left',
  noMessages: 'No messages yet',
  older: 'Load older messages',
  system: 'Pucha',
  kinds: { message: 'Message', dispatch: 'Dispatch', notice: 'Notice', briefing: 'Briefing', case: 'Supervision case' },
  openDispatch: 'Open the dispatch',
  openCase: 'Open the case',
  composer: {
    placeholder: 'Write a message, @ to mention a member (Ctrl+Enter sends)',
    send: 'Send',
    attach: 'Attach',
    mention: '@ Mention',
    uploading: 'Uploading…',
    fileHint: 'JPEG, PNG, PDF, XLSX, DOCX, up to 20 MB',
  },
  admin: {
    open: 'Members and webhooks',
    members: 'Members',
    webhooks: 'Webhooks',
    userId: 'User id',
    duty: 'Duty',
    add: 'Add',
    remove: 'Remove',
    url: 'Webhook URL (http/https)',
    secret: 'Signing secret (made when blank)',
    secretOnce: 'Keep the signing secret now; it is not shown again:',
    noWebhooks: 'No webhooks',
  },
  col: { name: 'Name', role: 'Role', region: 'Region', duty: 'Duty', url: 'URL', createdAt: 'Created' },
  notifications: {
    title: 'Notifications',
    empty: 'No unread notifications',
    readAll: 'Mark all read',
    kinds: { mention: 'Mention', case: 'Case', dispatch: 'Dispatch', briefing: 'Briefing', notice: 'Notice' },
  },
};
