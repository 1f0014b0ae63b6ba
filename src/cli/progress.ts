// A progress bar on stderr for long jobs; plain lines when not on a terminal.
export function progressLine(done: number, total: number | null, message?: string | null): string {
  const width = 30;
  if (!total) return `${done} ${message ?? ''}`.trim();
  const ratio = Math.min(1, done / total);
  const fill = Math.round(ratio * width);
  return `[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${done}/${total} ${message ?? ''}`.trimEnd();
}

export class ProgressBar {
  private last = 0;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(done: number, total: number | null, message?: string | null) {
    const line = progressLine(done, total, message);
    if (this.out.isTTY) {
      this.out.write(`\r${line.padEnd(this.out.columns ? this.out.columns - 1 : 80).slice(0, (this.out.columns ?? 81) - 1)}`);
    } else if (Date.now() - this.last > 2000) {
      this.out.write(`${line}\n`);
      this.last = Date.now();
    }
  }

  end(line: string) {
    if (this.out.isTTY) this.out.write('\r\x1b[K');
    this.out.write(`${line}\n`);
  }
}
