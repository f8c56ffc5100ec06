/**
 * What cashiers type to find a member, drawn (seeded) from the members of the shop being measured, so
 * every query has at least its target member to find: the last 4 digits of a phone, a full phone, a
 * member code (or a scanned card), pinyin initials ("zxw"), a Chinese name (committed by the input
 * method in one go) and the start of an English first name.
 */
import Database from 'better-sqlite3';
import { Random } from '../../src-main/demo/random.ts';

export const QUERY_KINDS = ['last4', 'phone', 'code', 'initials', 'chineseName', 'englishPrefix'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SearchQuery {
  kind: QueryKind;
  text: string;
  /** 'keys': typed key by key; 'ime': a Chinese input method commits the whole word at once. */
  input: 'keys' | 'ime';
  /** The member it was drawn from; phone and code queries must show them first. */
  targetCode: string;
}

interface MemberKeys {
  code: string;
  phone: string;
  name: string;
  name_initials: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN_FIRST_WORD = /^([A-Za-z]+)\s/;

function queryFor(kind: QueryKind, m: MemberKeys, rng: Random): SearchQuery | null {
  const national = m.phone.replace(/^\+86/, '');
  switch (kind) {
    case 'last4':
      return { kind, text: national.slice(-4), input: 'keys', targetCode: m.code };
    case 'phone':
      return { kind, text: national, input: 'keys', targetCode: m.code };
    case 'code':
      return { kind, text: m.code, input: 'keys', targetCode: m.code };
    case 'initials':
      return HAN.test(m.name) ? { kind, text: m.name_initials, input: 'keys', targetCode: m.code } : null;
    case 'chineseName':
      return HAN.test(m.name) ? { kind, text: m.name, input: 'ime', targetCode: m.code } : null;
    case 'englishPrefix': {
      const first = LATIN_FIRST_WORD.exec(m.name)?.[1];
      if (!first) return null;
      const length = rng.int(Math.min(3, first.length), Math.min(5, first.length));
      return { kind, text: first.slice(0, length).toLowerCase(), input: 'keys', targetCode: m.code };
    }
  }
}

/** `perKind` queries of every kind, in a seeded mixed order (so no kind runs only early or late). */
export function drawQueries(dataFile: string, seed: number, perKind: number): SearchQuery[] {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    const byCode = db.prepare<[string], MemberKeys>('select code, phone, name, name_initials from members where code = ? and archived_at is null');
    const codes = db.prepare<[], { code: string }>('select code from members where archived_at is null order by code').all().map((r) => r.code);
    const rng = new Random(seed);
    const queries: SearchQuery[] = [];
    for (const kind of QUERY_KINDS) {
      for (let made = 0, tries = 0; made < perKind; tries++) {
        if (tries > perKind * 100) throw new Error(`cannot draw ${perKind} "${kind}" queries from ${dataFile}`);
        const member = byCode.get(rng.pick(codes));
        const query = member ? queryFor(kind, member, rng) : null;
        if (!query) continue;
        queries.push(query);
        made++;
      }
    }
    return rng.shuffle(queries);
  } finally {
    db.close();
  }
}
