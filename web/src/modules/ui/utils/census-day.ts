// The census counts its days in China (Asia/Shanghai): a report made at 00:30 in Beijing belongs
// to that day whatever the browser's own time zone. Every "today" in the console comes from here.

/** Today in China, YYYY-MM-DD. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
