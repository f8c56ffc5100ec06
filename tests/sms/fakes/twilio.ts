/**
 * A fake Twilio: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From or
 * MessagingServiceSid, Body; HTTP Basic auth AccountSid:AuthToken (https://www.twilio.com/docs/usage/api).
 * Answers 201 with a Message resource, or Twilio's error JSON {code, message, more_info, status}.
 */
import { timingSafeEqual } from 'node:crypto';
import { randomHex, startHttpFake, type FakeAnswer, type FakeBehaviour, type FakeProvider } from './http-fake.ts';

export interface TwilioFakeOptions {
  port?: number;
  /** The price a sent message reports (Twilio: negative decimal string, null until known). Default "-0.00750". */
  price?: string | null;
  priceUnit?: string;
  /** The sender the fake's config uses: a number or a Messaging Service SID. Default +15005550006. */
  from?: string;
}

function twilioError(status: number, code: number, message: string): FakeAnswer {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

const SCRIPTED: Record<Exclude<FakeBehaviour, 'success' | 'hang'>, (to: string) => FakeAnswer> = {
  permanent: (to) => twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  unsubscribed: () => twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  throttled: () => twilioError(429, 20429, 'Too Many Requests'),
  serverError: () => twilioError(500, 20500, 'An internal server error has occurred'),
};

/** Twilio's count of billed segments, near enough for a fake: GSM-7-ish ASCII 160/153, otherwise UCS-2 70/67. */
function segmentsOf(body: string): number {
  const chars = [...body].length;
  const [single, part] = /^[\x20-\x7E\r\n]*$/.test(body) ? [160, 153] : [70, 67];
  return chars <= single ? 1 : Math.ceil(chars / part);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startTwilioFake(options: TwilioFakeOptions = {}): Promise<FakeProvider> {
  const accountSid = `AC${randomHex(16)}`;
  const authToken = randomHex(16);
  const from = options.from ?? '+15005550006';
  const price = options.price === undefined ? '-0.00750' : options.price;

  return startHttpFake(
    {
      kind: 'twilio',
      secrets: { authToken },
      configFor: (url) => ({ kind: 'twilio', baseUrl: url, accountSid, from }),
      handle(request, state) {
        const path = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.target.split('?')[0]!);
        if (request.method !== 'POST' || !path) return twilioError(404, 20404, 'The requested resource was not found');

        const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
        const [user, ...rest] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
        if (user !== accountSid || path[1] !== accountSid || !sameSecret(rest.join(':'), authToken)) {
          return twilioError(401, 20003, 'Authenticate');
        }

        if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          return twilioError(400, 20001, 'Content-Type must be application/x-www-form-urlencoded');
        }
        const form = new URLSearchParams(request.rawBody.toString('utf8'));
        const to = form.get('To') ?? '';
        const body = form.get('Body') ?? '';
        if (to === '') return twilioError(400, 21604, "A 'To' phone number is required.");
        // A Messaging Service SID goes in MessagingServiceSid; in From it is not a phone number.
        const sender = from.startsWith('MG') ? form.get('MessagingServiceSid') : form.get('From');
        if (sender !== from) return twilioError(400, 21212, `Invalid From Number (caller ID): ${form.get('From') ?? ''}`);
        if (body === '') return twilioError(400, 21602, 'Message body is required.');
        if (!/^\+[1-9]\d{6,14}$/.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

        const behaviour = state.behaviourFor(to);
        if (behaviour === 'hang') return 'hang';
        if (behaviour !== 'success') return SCRIPTED[behaviour](to);

        const sid = `SM${randomHex(16)}`;
        const signed = /^【([^】]*)】([\s\S]*)$/.exec(body);
        state.received.push({ id: sid, to, text: signed ? signed[2]! : body, signature: signed ? signed[1]! : '', reference: null });
        const now = new Date().toUTCString();
        return {
          status: 201,
          body: {
            account_sid: accountSid,
            api_version: '2010-04-01',
            body,
            date_created: now,
            date_sent: null,
            date_updated: now,
            direction: 'outbound-api',
            error_code: null,
            error_message: null,
            from: from.startsWith('MG') ? null : from,
            messaging_service_sid: from.startsWith('MG') ? from : null,
            num_media: '0',
            num_segments: String(segmentsOf(body)),
            price,
            price_unit: options.priceUnit ?? 'USD',
            sid,
            status: 'queued',
            subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
            to,
            uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
          },
        };
      },
    },
    options.port,
  );
}
