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
  REPORT_RANGE_INVALID: () => '开始日期不能晚于结束日期',
  REPORT_RANGE_TOO_LONG: ({ p }) => `日期范围太长：一次最多 ${p['days']} 天`,
  // — staff (zh) —
  SIGN_IN_REQUIRED: () => '请先登录（选择员工并输入 PIN）',
  APPROVAL_REQUIRED: ({ p }) => `此操作需要${p['role'] === 'manager' ? '店长或店主' : '店主'}输入 PIN 授权`,
  APPROVER_NOT_ALLOWED: ({ p }) => `授权人权限不够：需要${p['role'] === 'manager' ? '店长或店主' : '店主'}的 PIN`,
  PIN_WRONG: ({ p }) => (Number(p['attemptsLeft']) > 0 ? `PIN 不正确，还可以再试 ${p['attemptsLeft']} 次` : 'PIN 不正确'),
  PIN_LOCKED: ({ p }) => `PIN 输错次数过多，已锁定到 ${p['until'] ?? ''}`,
  PIN_FORMAT: () => 'PIN 须为 4 到 6 位数字',
  PIN_NOT_SET: () => '此员工还没有设置 PIN，请店主在「店务 → 员工」中设置',
  PIN_ALREADY_SET: () => '店主 PIN 已设置，请直接登录',
  LAST_OWNER: () => '店里必须保留至少一位设置了 PIN 的在职店主',
  // — imports (zh) —
  IMPORT_FILE_EMPTY: () => '文件是空的，没有可导入的行',
  IMPORT_FILE_TOO_LARGE: ({ p }) => `文件太大：最大 ${p['max'] ?? 20} MB`,
  IMPORT_FORMAT_UNSUPPORTED: () => '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入',
  IMPORT_FILE_UNREADABLE: () => '无法读取该文件：请确认是 CSV 或 .xlsx 表格',
  IMPORT_TOO_MANY_ROWS: ({ p }) => `行数太多：一次最多导入 ${p['max'] ?? ''} 行，请分成几个文件`,
  IMPORT_MAPPING_INCOMPLETE: ({ p }) => `还有必填的列没有对应：${p['fields'] ?? ''}`,
  IMPORT_BATCH_NOT_FOUND: () => '找不到该导入记录',
  IMPORTED_BILL_NOT_REFUNDABLE: () => '从旧系统导入的历史消费不能退款（本店并未收到这笔钱）',
  // — backups (zh) —
  BACKUP_FOLDER_UNUSABLE: ({ p }) => `无法使用备份文件夹「${p['folder'] ?? ''}」：请确认它存在（或可以创建）并且可以写入`,
  BACKUP_BUSY: () => '正在备份或恢复，请等它完成后再试',
  BACKUP_FILE_NOT_FOUND: ({ p }) => `找不到备份文件「${p['file'] ?? ''}」`,
  BACKUP_NOT_REGULARS: () => '这个文件不是常客的数据文件，无法读取',
  BACKUP_CORRUPT: () => '这个备份文件已损坏（完整性检查未通过），不能用来恢复',
  BACKUP_NEWER_SCHEMA: () => '这个备份来自更新版本的常客，请先升级本软件再恢复',
  BACKUP_COPY_FAILED: ({ p }) => `备份没有完成，未留下不完整的文件${p['detail'] ? `（${p['detail']}）` : ''}`,
  BACKUP_IS_DATA_FILE: () => '这是正在使用的数据文件本身，不能用它来恢复',
  BACKUP_PICKER_UNAVAILABLE: () => '浏览器中无法弹出选择文件夹的窗口，请直接输入文件夹路径',
  RESTORE_FAILED: ({ p }) => `恢复失败，数据已还原为恢复前的状态${p['detail'] ? `（${p['detail']}）` : ''}`,
  // — shifts (zh) —
  SHIFT_NOT_FOUND: () => '找不到该班次',
  SHIFT_ALREADY_OPEN: ({ p }) => `本机已有未交班的班次（${p['name'] ?? ''}，${p['since'] ?? ''} 开班），请先交班`,
  SHIFT_ALREADY_CLOSED: ({ p }) => `该班次已于 ${p['at'] ?? ''} 交班`,
  SHIFT_BAD_DENOMINATION: ({ p, money }) => `本店币种没有面额 ${money(p['value'])}`,
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
  REPORT_RANGE_INVALID: () => 'The start date cannot be after the end date',
  REPORT_RANGE_TOO_LONG: ({ p }) => `The date range is too long: at most ${p['days']} days at a time`,
  // — staff (en) —
  SIGN_IN_REQUIRED: () => 'Sign in first (choose yourself and enter your PIN)',
  APPROVAL_REQUIRED: ({ p }) => `This needs ${p['role'] === 'manager' ? 'a manager’s or the owner’s' : 'the owner’s'} PIN`,
  APPROVER_NOT_ALLOWED: ({ p }) => `That person cannot approve this: it needs ${p['role'] === 'manager' ? 'a manager’s or the owner’s' : 'the owner’s'} PIN`,
  PIN_WRONG: ({ p }) => (Number(p['attemptsLeft']) > 0 ? `Wrong PIN: ${p['attemptsLeft']} more ${Number(p['attemptsLeft']) === 1 ? 'try' : 'tries'} before a lockout` : 'Wrong PIN'),
  PIN_LOCKED: ({ p }) => `Too many wrong PINs: locked until ${p['until'] ?? ''}`,
  PIN_FORMAT: () => 'A PIN is 4 to 6 digits',
  PIN_NOT_SET: () => 'This person has no PIN yet: the owner sets one in Back office → Staff',
  PIN_ALREADY_SET: () => 'The owner’s PIN is already set: sign in',
  LAST_OWNER: () => 'The shop must keep at least one active owner with a PIN',
  // — imports (en) —
  IMPORT_FILE_EMPTY: () => 'The file is empty: there are no rows to import',
  IMPORT_FILE_TOO_LARGE: ({ p }) => `The file is too large: at most ${p['max'] ?? 20} MB`,
  IMPORT_FORMAT_UNSUPPORTED: () => 'Old Excel files (.xls) cannot be read: save it as .xlsx or CSV and import that',
  IMPORT_FILE_UNREADABLE: () => 'This file cannot be read: is it a CSV or an .xlsx spreadsheet?',
  IMPORT_TOO_MANY_ROWS: ({ p }) => `Too many rows: at most ${p['max'] ?? ''} in one import; split the file`,
  IMPORT_MAPPING_INCOMPLETE: ({ p }) => `Required columns are not chosen yet: ${p['fields'] ?? ''}`,
  IMPORT_BATCH_NOT_FOUND: () => 'That import was not found',
  IMPORTED_BILL_NOT_REFUNDABLE: () => 'A visit imported from the old system cannot be refunded (this till never took that money)',
  // — backups (en) —
  BACKUP_FOLDER_UNUSABLE: ({ p }) => `The backup folder "${p['folder'] ?? ''}" cannot be used: make sure it exists (or can be created) and can be written to`,
  BACKUP_BUSY: () => 'A backup or restore is under way: try again when it has finished',
  BACKUP_FILE_NOT_FOUND: ({ p }) => `The backup file "${p['file'] ?? ''}" was not found`,
  BACKUP_NOT_REGULARS: () => 'This file is not a Regulars data file and cannot be read',
  BACKUP_CORRUPT: () => 'This backup file is damaged (it failed the integrity check) and cannot be restored',
  BACKUP_NEWER_SCHEMA: () => 'This backup was made by a newer version of Regulars: update the app before restoring it',
  BACKUP_COPY_FAILED: ({ p }) => `The backup did not complete; no partial file was left${p['detail'] ? ` (${p['detail']})` : ''}`,
  BACKUP_IS_DATA_FILE: () => 'This is the data file in use itself: it cannot be restored from',
  BACKUP_PICKER_UNAVAILABLE: () => 'A browser cannot open a folder chooser: type the folder path instead',
  RESTORE_FAILED: ({ p }) => `The restore failed and the data was put back as it was before${p['detail'] ? ` (${p['detail']})` : ''}`,
  // — shifts (en) —
  SHIFT_NOT_FOUND: () => 'Shift not found',
  SHIFT_ALREADY_OPEN: ({ p }) => `This till already has an open shift (${p['name'] ?? ''}, since ${p['since'] ?? ''}): close it first`,
  SHIFT_ALREADY_CLOSED: ({ p }) => `This shift was already closed at ${p['at'] ?? ''}`,
  SHIFT_BAD_DENOMINATION: ({ p, money }) => `The shop's currency has no ${money(p['value'])} note or coin`,
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
