import { createContext, useContext } from 'react';

/** A file an answer references, as the engine reads it. */
export interface FileAnswer {
  id: string;
  type: string;
  name?: string;
}

/**
 * Where the files of `file` answers go: the console uploads them to the server at once, the field
 * app keeps them on the device until the sync. Absent (the practice page): files cannot be added.
 */
export interface Attachments {
  /** Stores a chosen file under a client-made id; answers the type the answer records. */
  add(file: File, id: string): Promise<{ type: string }>;
  /** Where a stored file opens, if it can be opened from here. */
  href(id: string): string | undefined;
}

export const AttachmentContext = createContext<Attachments | null>(null);

export const useAttachments = () => useContext(AttachmentContext);

/** The server's limit on one file (POST /attachments). */
export const ATTACHMENT_LIMIT = 20 * 1024 * 1024;
