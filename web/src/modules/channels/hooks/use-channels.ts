import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { channelKeys, newFileId, type Channel, type ChannelFile, type Member, type Message, type MessagePage, type Notification, type Webhook } from '../utils/channels-api.ts';

const POLL_MS = 5000;

export function useChannels() {
  return useQuery({ queryKey: channelKeys.list(), queryFn: () => api.get<{ items: Channel[] }>('/api/v1/channels'), refetchInterval: POLL_MS });
}

/** The newest page of a channel, polled while the page is open (reading marks it read). */
export function useMessages(id: number | undefined) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: channelKeys.messages(id ?? 0),
    enabled: !!id,
    refetchInterval: POLL_MS,
    queryFn: async () => {
      const page = await api.get<MessagePage>(`/api/v1/channels/${id}/messages`, { limit: 50 });
      void qc.invalidateQueries({ queryKey: channelKeys.list() });
      return page;
    },
  });
}

export function useOlderMessages(id: number) {
  return useMutation({ mutationFn: (before: number) => api.get<MessagePage>(`/api/v1/channels/${id}/messages`, { before, limit: 50 }) });
}

export function usePostMessage(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { body: string; mentions: number[]; files: File[] }) => {
      const uploaded: ChannelFile[] = [];
      for (const f of v.files) {
        const form = new FormData();
        form.append('id', newFileId());
        form.append('name', f.name);
        form.append('file', f, f.name);
        uploaded.push(await api.upload<ChannelFile>('/api/v1/supervision/files', form));
      }
      return api.post<Message>(`/api/v1/channels/${id}/messages`, { body: v.body, mentions: v.mentions, files: uploaded.map((f) => f.id) });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: channelKeys.all }),
  });
}

export function useMembers(id: number, enabled: boolean) {
  return useQuery({ queryKey: channelKeys.members(id), enabled, queryFn: () => api.get<{ items: Member[] }>(`/api/v1/channels/${id}/members`) });
}

export function useWebhooks(id: number, enabled: boolean) {
  return useQuery({ queryKey: channelKeys.webhooks(id), enabled, queryFn: () => api.get<{ items: Webhook[] }>(`/api/v1/channels/${id}/webhooks`) });
}

export function useChannelAdmin(id: number) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: channelKeys.all });
  return {
    addMember: useMutation({ mutationFn: (v: { userId: number; duty?: string }) => api.post<Member>(`/api/v1/channels/${id}/members`, v), onSuccess: done }),
    removeMember: useMutation({ mutationFn: (userId: number) => api.delete(`/api/v1/channels/${id}/members/${userId}`), onSuccess: done }),
    addWebhook: useMutation({ mutationFn: (v: { url: string; secret?: string }) => api.post<Webhook>(`/api/v1/channels/${id}/webhooks`, v), onSuccess: done }),
    removeWebhook: useMutation({ mutationFn: (hookId: number) => api.delete(`/api/v1/channels/${id}/webhooks/${hookId}`), onSuccess: done }),
  };
}

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: channelKeys.notifications(), enabled, refetchInterval: POLL_MS,
    queryFn: () => api.get<{ unread: number; items: Notification[] }>('/api/v1/notifications', { unread: true }),
  });
}

export function useReadNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { ids?: number[]; all?: boolean }) => api.post<{ read: number; unread: number }>('/api/v1/notifications/read', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelKeys.notifications() }),
  });
}
