import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { RegisterImport, RegisterMapping, RegisterPreview } from '../../../api/types.ts';
import { previewPart } from '../utils/register-file.ts';
import { registerForm, type RegisterSource } from '../utils/register-form.ts';
import { registerKeys } from '../utils/register-keys.ts';

export interface ImportInput {
  source: RegisterSource;
  mapping: RegisterMapping;
  mappingName?: string;
}

/**
 * The two uploads of the import wizard: the preview of the file's head, and the
 * import itself. Both report the percentage sent, and abort() stops either.
 */
export function useRegisterUpload() {
  const qc = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);

  const options = () => {
    controller.current?.abort();
    controller.current = new AbortController();
    setPercent(0);
    return {
      signal: controller.current.signal,
      onProgress: (sent: number, total: number) => setPercent(total ? Math.floor((sent / total) * 100) : null),
    };
  };
  const settled = () => setPercent(null);

  const preview = useMutation({
    mutationFn: async (source: RegisterSource) =>
      api.upload<RegisterPreview>('/api/v1/registers/preview', registerForm(source, {}, await previewPart(source.file)), options()),
    onSettled: settled,
  });

  const create = useMutation({
    mutationFn: ({ source, mapping, mappingName }: ImportInput) =>
      api.upload<RegisterImport>('/api/v1/registers', registerForm(source, { mapping, mappingName }), options()),
    onSettled: settled,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: registerKeys.all });
      void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
  });

  const abort = useCallback(() => controller.current?.abort(), []);
  return { preview, create, percent, abort };
}
