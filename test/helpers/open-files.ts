// This process's open files below a folder, from /proc (Linux): a file unlinked while open reads
// as "… (deleted)", so tests can see temporary files that never show in the folder.
import fs from 'node:fs';

export function openFilesUnder(dir: string): string[] {
  return fs.readdirSync('/proc/self/fd').map((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return ''; // closed meanwhile
    }
  }).filter((l) => l.startsWith(dir));
}
