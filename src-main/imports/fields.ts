/**
 * What an import file's columns can mean, per kind of import, and the header words that say so (the
 * column names other systems export, in Chinese and English). Plain data and functions, no Node
 * imports: the contract, the main process and the renderer's mapping selects all use it.
 */

export const IMPORT_KINDS = ['members', 'visits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MEMBER_FIELDS = ['name', 'phone', 'code', 'balance', 'bonus', 'points', 'birthday', 'tier', 'gender', 'note', 'joined', 'marketingConsent'] as const;
export const VISIT_FIELDS = ['phone', 'code', 'date', 'time', 'amount', 'note'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];
export type VisitField = (typeof VISIT_FIELDS)[number];
export type ImportField = MemberField | VisitField;

export const FIELDS_OF: { members: readonly MemberField[]; visits: readonly VisitField[] } = { members: MEMBER_FIELDS, visits: VISIT_FIELDS };

/** Field → the file's column (0-based). A field left out is not imported. */
export type ColumnMapping<F extends string = ImportField> = Partial<Record<F, number>>;

/** The fields a file must map before anything can be imported (visits: phone or member code, checked apart). */
export const REQUIRED_FIELDS: { members: readonly MemberField[]; visits: readonly VisitField[] } = {
  members: ['name', 'phone'],
  visits: ['date', 'amount'],
};

/** The fields a kind still lacks under `mapping` (for visits, `phone` stands for "phone or code"). */
export function missingFields(kind: ImportKind, mapping: ColumnMapping): ImportField[] {
  const missing: ImportField[] = REQUIRED_FIELDS[kind].filter((f) => mapping[f] === undefined);
  if (kind === 'visits' && mapping.phone === undefined && mapping.code === undefined) missing.unshift('phone');
  return missing;
}

const PHONE = ['手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '移动电话', '会员手机', 'phone', 'mobile', 'cell', 'telephone', 'tel', 'phonenumber', 'mobilenumber', 'cellphone'];
const CODE = ['卡号', '会员号', '会员卡号', '会员编号', '会员码', '卡编号', 'cardno', 'cardnumber', 'code', 'membercode', 'memberno', 'membernumber', 'membershipnumber', 'memberid'];
const NOTE = ['备注', '说明', '附注', '备注信息', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments', 'memo'];

/**
 * Header words per field. Matching compares normalized headers (see normalizeHeader): an exact match
 * wins over a header that merely contains a word, and the lists are tried in this order, so 赠送余额
 * is the bonus before 余额 can claim it as the balance.
 */
const SYNONYMS: { members: Record<MemberField, string[]>; visits: Record<VisitField, string[]> } = {
  members: {
    bonus: ['赠送余额', '赠送金额', '赠送金', '赠金', '赠送', '赠额', 'bonus', 'bonusbalance', 'giftbalance'],
    balance: ['余额', '储值', '储值余额', '储值本金', '本金', '卡内余额', '账户余额', '会员余额', '剩余金额', 'balance', 'storedvalue', 'prepaid', 'prepaidbalance', 'credit', 'principal'],
    points: ['积分', '剩余积分', '可用积分', '积分余额', '当前积分', 'points', 'point', 'loyaltypoints', 'rewardpoints'],
    code: CODE,
    phone: PHONE,
    name: ['姓名', '名字', '会员姓名', '客户姓名', '顾客姓名', '会员名称', '客户名称', '称呼', 'name', 'fullname', 'customername', 'membername', 'customer'],
    birthday: ['生日', '出生日期', '生日日期', '出生年月', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
    tier: ['等级', '会员等级', '级别', '卡类型', '会员类型', '卡种', '卡类别', 'tier', 'level', 'membershiplevel', 'grade', 'membertier'],
    gender: ['性别', 'gender', 'sex'],
    note: NOTE,
    joined: ['开卡日期', '开卡时间', '注册时间', '注册日期', '入会日期', '入会时间', '办卡日期', '办卡时间', '创建时间', '创建日期', '加入日期', 'joined', 'joindate', 'membersince', 'registered', 'registrationdate', 'created', 'createdat', 'signupdate'],
    marketingConsent: ['接收短信', '短信营销', '营销短信', '同意短信', '短信订阅', '接受营销', 'marketingconsent', 'smsconsent', 'smsoptin', 'marketingsms', 'optin'],
  },
  visits: {
    date: ['日期', '消费日期', '消费时间', '交易日期', '交易时间', '到店日期', '到店时间', '下单时间', '结账时间', '日期时间', 'date', 'visitdate', 'purchasedate', 'transactiondate', 'datetime', 'visitedat'],
    time: ['时间', '时刻', '消费时刻', 'time', 'visittime'],
    amount: ['金额', '消费金额', '实收', '实收金额', '实付金额', '实付', '应收金额', '交易金额', '消费额', '订单金额', 'amount', 'total', 'spent', 'amountspent', 'sales', 'paid', 'totalamount'],
    code: CODE,
    phone: PHONE,
    note: NOTE,
  },
};

/** Lower case, half-width, no spaces, punctuation or units in brackets ("余额（元）" → "余额"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（\[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-.:：/#*]+/g, '');
}

/**
 * The mapping a file's headers suggest: each field gets the first column whose header is one of its
 * words, or failing that the first that contains one; a column serves one field.
 */
export function guessMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const synonyms = SYNONYMS[kind] as Record<string, string[]>;
  for (const exact of [true, false]) {
    for (const [field, words] of Object.entries(synonyms)) {
      if (mapping[field as ImportField] !== undefined) continue;
      const column = normalized.findIndex((h, i) => !taken.has(i) && h !== '' && words.some((w) => (exact ? h === w : h.includes(w))));
      if (column >= 0) {
        mapping[field as ImportField] = column;
        taken.add(column);
      }
    }
  }
  return mapping;
}

/** How many of a row's cells read as headers of this kind: the header row is the first that names two or more. */
export function headerScore(kind: ImportKind, cells: readonly string[]): number {
  return Object.keys(guessMapping(kind, cells)).length;
}

/** Export column headers: the first word of each field, so an exported file imports straight back. */
export const EXPORT_HEADERS = {
  'zh-CN': { code: '会员号', name: '姓名', phone: '手机号', tier: '会员等级', balance: '储值余额', bonus: '赠送余额', points: '积分', birthday: '生日', joined: '开卡日期', lastVisit: '最后到店', visitDays: '到店天数', totalSpent: '累计消费', note: '备注', archived: '已停用' },
  en: { code: 'Member code', name: 'Name', phone: 'Phone', tier: 'Tier', balance: 'Balance', bonus: 'Bonus balance', points: 'Points', birthday: 'Birthday', joined: 'Joined', lastVisit: 'Last visit', visitDays: 'Visit days', totalSpent: 'Total spent', note: 'Note', archived: 'Archived' },
} as const;
