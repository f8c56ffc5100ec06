/**
 * The text a phone shows for providers that take the whole message (Twilio, the webhook):
 * `【signature】text`, as Chinese carriers require and as Aliyun/Tencent compose from SignName themselves.
 */
import type { OutgoingSms } from './types.ts';

export function composeBody(sms: Pick<OutgoingSms, 'signature' | 'text'>): string {
  return sms.signature === '' ? sms.text : `【${sms.signature}】${sms.text}`;
}
