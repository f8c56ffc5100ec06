/**
 * The quick new-member dialog's words in both locales (mounted as `quickMember.*`). Field labels and
 * validation messages are the full member form's (`form.*`), so both say the same thing.
 */
import { areaText } from '../../i18n/messages.ts';

export const quickMemberText = areaText(
  {
    title: '新建会员',
    intro: '手机号和姓名即可，其余资料可以以后在会员页补充。',
    create: '创建会员',
    creating: '正在创建…',
    cancel: '取消',
    consentsHint: '请先征得顾客同意，默认不勾选。',
    errorTitle: '未能创建会员',
  },
  {
    title: 'New member',
    intro: 'Phone and name are enough; the rest can be added later on the member page.',
    create: 'Create member',
    creating: 'Creating…',
    cancel: 'Cancel',
    consentsHint: 'Ask the customer first; both are unticked by default.',
    errorTitle: 'The member was not created',
  },
);
