import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.ts';

/**
 * A tier's benefits in the words the member screens already use ("9 折 · 每消费 ¥1.00 得 3 积分"),
 * so the owner sees exactly what cashiers will see.
 */
export function useTierBenefits() {
  const { t } = useTranslation();
  const f = useFormat();
  const discount = (bp: number) => (bp === 0 ? t('member.discountNone') : t('member.discountRate', { rate: f.discountRate(bp) }));
  return {
    discount,
    points: (pointsPerUnit: number) => t('settings.tiers.pointsRate', { unit: f.money(100), points: f.number(pointsPerUnit) }),
    line: (bp: number, pointsPerUnit: number) => t('member.tierBenefits', { discount: discount(bp), unit: f.money(100), points: f.number(pointsPerUnit) }),
  };
}
