/** The quick new-member dialog's words in both locales (mounted as `quickMember.*`). */
import { areaText } from '../../i18n/messages.ts';

export const quickMemberText = areaText(
  {
    title: '新建会员',
  },
  {
    title: 'New member',
  },
);
