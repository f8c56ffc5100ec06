/**
 * Who the demo shop's members are: Chinese names (surname + given name, including surnames whose
 * pinyin differs from the everyday reading of the character), English names, Chinese mobile numbers,
 * birthdays, tags and notes. Everything is drawn from a seeded Random, so a seed always gives the
 * same people.
 */
import { tryNormalizePhone } from '../ledger/phone.ts';
import type { Gender } from '../ledger/types.ts';
import type { Random } from './random.ts';

/** Common surnames, weighted roughly by how often they occur. */
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 70], ['李', 70], ['张', 65], ['刘', 55], ['陈', 50], ['杨', 35], ['黄', 30], ['赵', 28], ['吴', 25], ['周', 25],
  ['徐', 20], ['孙', 20], ['马', 18], ['朱', 18], ['胡', 16], ['郭', 16], ['何', 15], ['林', 15], ['罗', 14], ['高', 14],
  ['郑', 12], ['梁', 12], ['谢', 11], ['宋', 10], ['唐', 10], ['许', 10], ['韩', 9], ['冯', 9], ['邓', 9], ['曹', 8],
  ['彭', 8], ['萧', 6], ['田', 7], ['董', 7], ['袁', 6], ['潘', 6], ['蒋', 6], ['蔡', 6], ['余', 6], ['杜', 6],
  ['叶', 6], ['程', 6], ['苏', 6], ['魏', 5], ['吕', 5], ['丁', 5], ['沈', 5], ['姚', 4], ['卢', 4], ['姜', 4],
  ['崔', 4], ['钟', 4], ['谭', 4], ['陆', 4], ['汪', 4], ['范', 4], ['金', 4], ['石', 4], ['廖', 3], ['贾', 3],
  ['夏', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['江', 3], ['顾', 3], ['毛', 2],
  // Surnames read differently from the everyday character: 曾 zeng (not ceng), 单 shan (not dan),
  // 解 xie (not jie), 仇 qiu, 查 zha, 乐 yue, 朴 piao; and two-character surnames.
  ['曾', 8], ['单', 4], ['解', 4], ['仇', 1], ['查', 1], ['乐', 1], ['朴', 1], ['欧阳', 2], ['司马', 1], ['上官', 1],
];

const FEMALE_CHARS = '婷丽静敏燕芳娜秀玲霞琳雪颖欣悦怡佳雅晴璐梦瑶琪慧丹洁萍露莉倩宁薇彤蕾茜菲嘉诗语';
const MALE_CHARS = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆峰睿博文昊然哲泽轩宏毅晨';
const NEUTRAL_CHARS = '子一思雨可晓安乐天心小嘉亦书';

const ENGLISH_FIRST: ReadonlyArray<readonly [string, Gender]> = [
  ['Emily', 'female'], ['Olivia', 'female'], ['Sophie', 'female'], ['Grace', 'female'], ['Chloe', 'female'], ['Hannah', 'female'],
  ['Lucy', 'female'], ['Mia', 'female'], ['Zoe', 'female'], ['Ella', 'female'], ['Ivy', 'female'], ['Cindy', 'female'],
  ['James', 'male'], ['Daniel', 'male'], ['Oliver', 'male'], ['Lucas', 'male'], ['Ethan', 'male'], ['Jack', 'male'],
  ['Leo', 'male'], ['Henry', 'male'], ['Kevin', 'male'], ['Tom', 'male'], ['Eric', 'male'], ['Ryan', 'male'],
  ['Alex', 'other'], ['Sam', 'other'], ['Jordan', 'other'],
];
const ENGLISH_LAST = [
  'Smith', 'Johnson', 'Brown', 'Wilson', 'Taylor', 'Martin', 'Clarke', 'Walker', 'Wright', 'Green',
  'Baker', 'Hall', 'Wang', 'Chen', 'Li', 'Zhang', 'Liu', 'Wong', 'Lee', 'Tan', "O'Brien", 'Müller', 'Dubois', 'Kim',
];

/** Mobile prefixes (first three digits) in use in mainland China. */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
  '158', '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '195', '198', '199',
];

const TAGS: ReadonlyArray<readonly [string, number]> = [
  ['外带', 10], ['拿铁控', 8], ['美式党', 6], ['少糖', 6], ['燕麦奶', 5], ['常点可颂', 4], ['上班族', 8], ['学生', 4],
  ['周末来', 4], ['带娃', 2], ['带狗', 2], ['爱甜品', 4], ['手冲爱好者', 2], ['团购', 1],
];

const NOTES = [
  '对坚果过敏', '喜欢靠窗的位置', '拿铁要热一点', '公司下午茶团购联系人', '只喝去咖啡因', '不要吸管', '常帮同事带咖啡',
  '生日送过小蛋糕', '周五常点两杯', '冰美式少冰',
];

export interface Person {
  name: string;
  /** As a cashier would type it: 11 digits, e.g. 13812345678. */
  phone: string;
  gender: Gender | null;
  birthMonth: number | null;
  birthDay: number | null;
  birthYear: number | null;
  tags: string[];
  note: string;
  smsBillConsent: boolean;
  smsMarketingConsent: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function chineseName(rng: Random, surname = rng.weighted(SURNAMES)): { name: string; gender: Gender } {
  const gender: Gender = rng.chance(0.52) ? 'female' : 'male';
  const chars = gender === 'female' ? FEMALE_CHARS : MALE_CHARS;
  const one = () => (rng.chance(0.15) ? rng.pick([...NEUTRAL_CHARS]) : rng.pick([...chars]));
  // Two-character given names are the norm; single-character ones are common among older members.
  const given = rng.chance(0.28) ? one() : one() + one();
  return { name: surname + given, gender };
}

function englishName(rng: Random): { name: string; gender: Gender } {
  const [first, gender] = rng.pick(ENGLISH_FIRST);
  return { name: `${first} ${rng.pick(ENGLISH_LAST)}`, gender };
}

/** A valid, not yet used Chinese mobile number (11 digits). */
function mobileNumber(rng: Random, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (used.has(phone) || !tryNormalizePhone(phone)) continue;
    used.add(phone);
    return phone;
  }
}

/** Surnames every demo has at least one member with, so pinyin search can be shown on them. */
export const SHOWCASE_SURNAMES = ['曾', '单', '解'] as const;

/** A made-up member; `surname` forces a Chinese name with that surname. */
export function makePerson(rng: Random, usedPhones: Set<string>, surname?: string): Person {
  const { name, gender } = surname ? chineseName(rng, surname) : rng.chance(0.8) ? chineseName(rng) : englishName(rng);
  let birthMonth: number | null = null;
  let birthDay: number | null = null;
  let birthYear: number | null = null;
  if (rng.chance(0.85)) {
    birthMonth = rng.int(1, 12);
    birthDay = rng.int(1, DAYS_IN_MONTH[birthMonth - 1]!);
    // Many people give the day but not the year.
    if (rng.chance(0.7)) birthYear = rng.int(1962, 2007);
  }
  const tags: string[] = [];
  const tagCount = rng.weighted([[0, 40], [1, 40], [2, 20]] as const);
  while (tags.length < tagCount) {
    const tag = rng.weighted(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  const smsBillConsent = rng.chance(0.65);
  return {
    name,
    phone: mobileNumber(rng, usedPhones),
    gender: rng.chance(0.06) ? null : gender,
    birthMonth,
    birthDay,
    birthYear,
    tags,
    note: rng.chance(0.06) ? rng.pick(NOTES) : '',
    smsBillConsent,
    smsMarketingConsent: rng.chance(smsBillConsent ? 0.45 : 0.15),
  };
}
