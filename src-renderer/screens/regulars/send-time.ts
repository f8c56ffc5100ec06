/**
 * When held messages go out (the end of quiet hours): "09:00" today, or with the date when it is
 * another day. The API gives a timestamp; a bare "HH:mm" is shown as it is.
 */
import { isToday } from 'date-fns/isToday';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { format } from 'date-fns/format';
import type { Formatters } from '../../components/format.ts';

export function sendTimeText(sendFrom: string, f: Formatters): string {
  if (/^\d{1,2}:\d{2}$/.test(sendFrom)) return sendFrom;
  const at = parseISO(sendFrom);
  if (!isValid(at)) return sendFrom;
  return isToday(at) ? format(at, 'HH:mm') : f.dateTime(sendFrom);
}
