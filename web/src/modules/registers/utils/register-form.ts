import type { Department, RegisterMapping } from '../../../api/types.ts';

export interface RegisterSource {
  department: Department;
  regionCode: string;
  file: File;
}

interface Extra {
  mapping?: RegisterMapping;
  mappingName?: string;
}

/**
 * The multipart body of /registers/preview and /registers. The text fields go
 * before the file, so a server streaming the parts has them when the file begins.
 */
export function registerForm({ department, regionCode, file }: RegisterSource, extra: Extra = {}, upload: File = file): FormData {
  const form = new FormData();
  form.append('department', department);
  form.append('regionCode', regionCode);
  if (extra.mapping) form.append('mapping', JSON.stringify(extra.mapping));
  if (extra.mappingName) {
    // The name to save the mapping under. The brief calls the field mappingName; the server
    // (registers/register-import.ts) reads saveMappingAs and, when no mapping is sent, takes
    // mappingName as a saved mapping to apply. Both are sent until the contract settles on one.
    form.append('mappingName', extra.mappingName);
    form.append('saveMappingAs', extra.mappingName);
  }
  form.append('file', upload, file.name);
  return form;
}
