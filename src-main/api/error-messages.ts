/**
 * The words for every error code, in each locale. Shared by the main process (the API answers with a
 * localized message) and the renderer (which may re-render a message when the locale changes).
 */
import type { ErrorCode, ErrorParams } from '../ledger/errors.ts';
import { formatMoney } from './money-format.ts';

export type Locale = 'zh-CN' | 'en';

interface Fmt {
  money: (minor: unknown) => string;
  p: ErrorParams;
}

type Catalog = Record<ErrorCode, (f: Fmt) => string>;

const zh: Catalog = {
  VALIDATION: ({ p }) => (p['field'] ? `输入有误：${p['field']}` : '输入有误，请检查后重试'),
  AMOUNT_OUT_OF_RANGE: () => '金额超出允许范围',
  MEMBER_NOT_FOUND: () => '找不到该会员',
  MEMBER_ARCHIVED: ({ p }) => `会员「${p['name'] ?? ''}」已停用`,
  PRODUCT_NOT_FOUND: () => '找不到该商品',
  PRODUCT_INACTIVE: ({ p }) => `商品「${p['name'] ?? ''}」已下架`,
  BILL_NOT_FOUND: () => '找不到该账单',
  TOPUP_NOT_FOUND: () => '找不到该充值记录',
  STAFF_NOT_FOUND: () => '找不到该员工',
  TIER_NOT_FOUND: () => '找不到该会员等级',
  PHONE_INVALID: ({ p }) => `手机号「${p['phone'] ?? ''}」无效`,
  PHONE_TAKEN: () => '该手机号已被其他会员使用',
  BARCODE_TAKEN: ({ p }) => `条码 ${p['barcode'] ?? ''} 已被其他商品使用`,
  EMPTY_BILL: () => '账单中没有商品',
  PAYMENT_MISMATCH: ({ p, money }) => `付款合计 ${money(p['paid'])} 与应付 ${money(p['expected'])} 不符`,
  CASH_TENDER_SHORT: ({ p, money }) => `实收现金 ${money(p['tendered'])} 少于应收 ${money(p['needed'])}`,
  TENDER_ONLY_FOR_CASH: () => '只有现金支付可以找零',
  MEMBER_REQUIRED: () => '储值和积分支付需要先选择会员',
  INSUFFICIENT_BALANCE: ({ p, money }) => `储值余额不足：可用 ${money(p['available'])}`,
  INSUFFICIENT_POINTS: ({ p }) => `积分不足：可用 ${p['available'] ?? 0} 分，需要 ${p['needed'] ?? 0} 分`,
  POINTS_REDEMPTION_DISABLED: () => '本店未开启积分抵现',
  NOT_A_SALE: () => '只能对销售账单退款',
  NOT_A_TOPUP: () => '只能对充值记录退款',
  REFUND_EXCEEDS_SALE: ({ p }) => `「${p['name'] ?? ''}」最多还能退 ${p['left'] ?? 0} 件`,
  NOTHING_TO_REFUND: () => '没有可退的内容',
  TOPUP_REFUND_EXCEEDS: ({ p, money }) => `最多可退本金 ${money(p['max'])}`,
  ADJUSTMENT_BELOW_ZERO: () => '调整后余额不能为负',
  ADJUSTMENT_EMPTY: () => '调整数额不能为零',
  UNKNOWN_PLACEHOLDER: ({ p }) => `模板中有无法识别的占位符：${p['placeholders'] ?? ''}`,
  CAMPAIGN_NOT_FOUND: () => '找不到该回访活动',
  SMS_PROVIDER_NOT_SET: () => '尚未设置短信服务商',
  SECRET_UNREADABLE: () => '无法读取已保存的短信服务商密钥，请重新输入',
  NOT_ENOUGH_HISTORY: ({ p }) => `到店记录太少，无法计算（需要至少 ${p['needed'] ?? ''} 位有回头记录的会员）`,
  PRINTER_NOT_SET: () => '还没有设置小票打印机（设置 → 打印）',
  PRINTER_BAD_ADDRESS: () => '打印机地址无效，请在设置 → 打印中检查地址和端口',
  PRINTER_UNREACHABLE: () => '连接不上打印机：请检查打印机电源、网线或 USB 线，以及设置中的地址',
  PRINTER_TIMEOUT: () => '打印机没有响应：请检查打印机是否开机、与收银机在同一网络',
  PRINTER_OFFLINE: () => '打印机离线（可能正在忙或出错），请检查打印机后重印',
  PRINTER_PAPER_OUT: () => '打印机缺纸，请换纸后重印',
  PRINTER_COVER_OPEN: () => '打印机纸仓盖未合上，请合上后重印',
  PRINTER_DISCONNECTED: () => '打印中途与打印机断开，小票可能不完整，请重印',
  PRINTER_SYSTEM_UNAVAILABLE: () => '此处无法直接使用系统打印机，请在桌面应用中打印',
  PRINTER_INTERRUPTED: () => '打印被中断（程序已关闭或重启），如需要请重印',
  PRINT_JOB_NOT_FOUND: () => '找不到该打印任务',
  // — reports (zh) —
  // — staff (zh) —
  // — imports (zh) —
  // — backups (zh) —
  // — shifts (zh) —
  IDEMPOTENCY_CONFLICT: () => '该操作编号已用于另一笔操作',
  UNKNOWN_METHOD: () => '未知的接口',
  UNAUTHORIZED: () => '访问令牌无效，请使用启动时显示的链接打开',
  FORBIDDEN_ORIGIN: () => '拒绝来自其他网站的请求',
  MALFORMED_REQUEST: () => '请求格式错误',
  INTERNAL: () => '系统内部错误，操作未生效',
};

const en: Catalog = {
  VALIDATION: ({ p }) => (p['field'] ? `Invalid input: ${p['field']}` : 'Invalid input, please check and try again'),
  AMOUNT_OUT_OF_RANGE: () => 'Amount out of range',
  MEMBER_NOT_FOUND: () => 'Member not found',
  MEMBER_ARCHIVED: ({ p }) => `Member "${p['name'] ?? ''}" is archived`,
  PRODUCT_NOT_FOUND: () => 'Product not found',
  PRODUCT_INACTIVE: ({ p }) => `Product "${p['name'] ?? ''}" is no longer sold`,
  BILL_NOT_FOUND: () => 'Bill not found',
  TOPUP_NOT_FOUND: () => 'Top-up not found',
  STAFF_NOT_FOUND: () => 'Staff member not found',
  TIER_NOT_FOUND: () => 'Tier not found',
  PHONE_INVALID: ({ p }) => `Phone number "${p['phone'] ?? ''}" is not valid`,
  PHONE_TAKEN: () => 'Another member already uses this phone number',
  BARCODE_TAKEN: ({ p }) => `Barcode ${p['barcode'] ?? ''} belongs to another product`,
  EMPTY_BILL: () => 'The bill has no items',
  PAYMENT_MISMATCH: ({ p, money }) => `Payments of ${money(p['paid'])} do not match the total of ${money(p['expected'])}`,
  CASH_TENDER_SHORT: ({ p, money }) => `Cash tendered ${money(p['tendered'])} is less than ${money(p['needed'])}`,
  TENDER_ONLY_FOR_CASH: () => 'Only cash payments can give change',
  MEMBER_REQUIRED: () => 'Choose a member to pay with stored value or points',
  INSUFFICIENT_BALANCE: ({ p, money }) => `Not enough stored value: ${money(p['available'])} available`,
  INSUFFICIENT_POINTS: ({ p }) => `Not enough points: ${p['available'] ?? 0} available, ${p['needed'] ?? 0} needed`,
  POINTS_REDEMPTION_DISABLED: () => 'Paying with points is turned off',
  NOT_A_SALE: () => 'Only a sale can be refunded',
  NOT_A_TOPUP: () => 'Only a top-up can be refunded',
  REFUND_EXCEEDS_SALE: ({ p }) => `Only ${p['left'] ?? 0} of "${p['name'] ?? ''}" can still be refunded`,
  NOTHING_TO_REFUND: () => 'Nothing left to refund',
  TOPUP_REFUND_EXCEEDS: ({ p, money }) => `At most ${money(p['max'])} of principal can be refunded`,
  ADJUSTMENT_BELOW_ZERO: () => 'The adjustment would leave a negative balance',
  ADJUSTMENT_EMPTY: () => 'The adjustment amount cannot be zero',
  UNKNOWN_PLACEHOLDER: ({ p }) => `The template has placeholders we do not know: ${p['placeholders'] ?? ''}`,
  CAMPAIGN_NOT_FOUND: () => 'Campaign not found',
  SMS_PROVIDER_NOT_SET: () => 'No SMS provider is set up yet',
  SECRET_UNREADABLE: () => 'The saved SMS provider secret cannot be read; please enter it again',
  NOT_ENOUGH_HISTORY: ({ p }) => `Not enough visit history to fit the model (at least ${p['needed'] ?? ''} members who came back are needed)`,
  PRINTER_NOT_SET: () => 'No receipt printer is set up yet (Settings → Printing)',
  PRINTER_BAD_ADDRESS: () => 'The printer address is not valid: check the address and port in Settings → Printing',
  PRINTER_UNREACHABLE: () => 'Cannot reach the printer: check its power, network or USB cable, and the address in Settings',
  PRINTER_TIMEOUT: () => 'The printer does not answer: check that it is on and on the same network as this till',
  PRINTER_OFFLINE: () => 'The printer is offline (busy or in error): check it, then print again',
  PRINTER_PAPER_OUT: () => 'The printer is out of paper: load a new roll, then print again',
  PRINTER_COVER_OPEN: () => 'The printer cover is open: close it, then print again',
  PRINTER_DISCONNECTED: () => 'The printer went away while printing: the receipt may be incomplete, print it again',
  PRINTER_SYSTEM_UNAVAILABLE: () => 'The system printer cannot be used from here; print from the desktop app',
  PRINTER_INTERRUPTED: () => 'Printing was interrupted (the app closed or restarted); print again if needed',
  PRINT_JOB_NOT_FOUND: () => 'That print job was not found',
  // — reports (en) —
  // — staff (en) —
  // — imports (en) —
  // — backups (en) —
  // — shifts (en) —
  IDEMPOTENCY_CONFLICT: () => 'This operation key was already used for a different operation',
  UNKNOWN_METHOD: () => 'Unknown API method',
  UNAUTHORIZED: () => 'Invalid access token: open the link printed at start-up',
  FORBIDDEN_ORIGIN: () => 'Requests from other sites are refused',
  MALFORMED_REQUEST: () => 'Malformed request',
  INTERNAL: () => 'Internal error: nothing was changed',
};

const CATALOGS: Record<Locale, Catalog> = { 'zh-CN': zh, en };

export function normalizeLocale(value: unknown): Locale {
  return typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale, currency = 'CNY'): string {
  const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, currency, locale) : String(v ?? ''));
  return CATALOGS[locale][code]({ p: params, money });
}
