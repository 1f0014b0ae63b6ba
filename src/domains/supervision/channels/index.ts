// 工作群 work channels, supervision files, notifications and outgoing webhooks: the only import path.
export { channelRoutes } from './routes.ts';
export { ensureChannel, postToChannel, channelRegionOf, messageViews, type MessageView, type FileView, type PostInput } from './channels.ts';
export { deliverWebhooks, signature, BACKOFF } from './webhooks.ts';
