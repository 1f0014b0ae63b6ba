import { describe, expect, it } from 'vitest';
import { isRecordFile, RECORD_MAX_BYTES } from './record-file.ts';

describe('isRecordFile', () => {
  it('takes PDF, JPEG and PNG up to 20 MB, by type or else by name', () => {
    expect(isRecordFile({ name: 'r.pdf', type: 'application/pdf', size: 1000 })).toBe(true);
    expect(isRecordFile({ name: 'r.PNG', type: '', size: 1000 })).toBe(true);
    expect(isRecordFile({ name: 'r.jpeg', type: 'image/jpeg', size: RECORD_MAX_BYTES })).toBe(true);
  });

  it('refuses other types, empty files and files over 20 MB', () => {
    expect(isRecordFile({ name: 'r.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 })).toBe(false);
    expect(isRecordFile({ name: 'r.webp', type: 'image/webp', size: 1000 })).toBe(false);
    expect(isRecordFile({ name: 'r.pdf', type: 'application/pdf', size: RECORD_MAX_BYTES + 1 })).toBe(false);
    expect(isRecordFile({ name: 'r.pdf', type: 'application/pdf', size: 0 })).toBe(false);
  });
});
