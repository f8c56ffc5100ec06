import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a member's name: pinyin initials ("zs" for 张三, "js" for John Smith) and the full
 * pinyin without spaces ("zhangsan"), lower case. Surname mode reads 曾/单/解 as surnames.
 */
export function nameSearchKeys(name: string): { initials: string; pinyin: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const initials: string[] = [];
  const full: string[] = [];
  for (const part of syllables) {
    // Non-Chinese runs come back whole ("John Smith"): split them into words.
    for (const word of part.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      initials.push(word[0]!);
      full.push(word);
    }
  }
  return { initials: initials.join(''), pinyin: full.join('') };
}
