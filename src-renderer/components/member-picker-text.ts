/** The member picker's words in both locales (mounted as `picker.*`). */
import { areaText } from '../i18n/messages.ts';

export const pickerText = areaText(
  {
    placeholder: '扫会员码，或输入手机号、尾号 4 位、姓名、拼音首字母',
    resultsLabel: '匹配的会员',
    searching: '正在查找…',
    found_one: '{{count}} 位会员，↑ ↓ 选择，Enter 确认',
    found_other: '{{count}} 位会员，↑ ↓ 选择，Enter 确认',
    noMatch: '没有找到“{{query}}”',
    createHint: '按 F2 新建会员',
    change: '更换会员',
    selected: '当前会员',
    balance: '储值',
    balanceSplit: '本金 {{principal}} · 赠送 {{bonus}}',
    points: '积分',
  },
  {
    placeholder: 'Scan the member code, or type phone, last 4 digits, name or initials',
    resultsLabel: 'Matching members',
    searching: 'Searching…',
    found_one: '{{count}} member, ↑ ↓ to choose, Enter to confirm',
    found_other: '{{count}} members, ↑ ↓ to choose, Enter to confirm',
    noMatch: 'No member matches “{{query}}”',
    createHint: 'Press F2 to add a new member',
    change: 'Change member',
    selected: 'Member',
    balance: 'Stored value',
    balanceSplit: 'Principal {{principal}} · bonus {{bonus}}',
    points: 'Points',
  },
);
