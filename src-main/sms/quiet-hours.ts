/**
 * Quiet hours: no marketing SMS between, say, 21:00 and 09:00 shop time. A message written during
 * quiet hours waits in the outbox until they end. Times are the machine's local time, which is the
 * shop's (the same clock business dates follow).
 */

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export interface QuietHours {
  start: string;
  end: string;
}

/** Whether `at` falls in quiet hours (start inclusive, end exclusive; start = end means none). */
export function isQuietTime(at: Date, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first moment at or after `at` outside quiet hours. */
export function nextSendableTime(at: Date, quiet: QuietHours): Date {
  if (!isQuietTime(at, quiet)) return at;
  const end = minutesOf(quiet.end);
  const next = new Date(at);
  next.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (next <= at) next.setDate(next.getDate() + 1);
  return next;
}
