// 桌面应用自己的事务（自动备份、提醒、日志）的中文文案，并入 `zh`。
import type { enDesktop } from './en-desktop';

export const zhDesktop: Record<keyof typeof enDesktop, string> = {
  'backups.auto_title': '自动备份',
  'backups.auto_hint': '每天第一次打开时自动备份客户本；保留最近 7 天、4 周和 6 个月的备份，以及导入和恢复前的最近 10 份。',
  'backups.none': '还没有备份。',
  'backups.col_taken': '备份时间',
  'backups.col_kind': '类型',
  'backups.col_size': '大小',
  'backups.col_customers': '客户数',
  'backups.kind.daily': '每日',
  'backups.kind.before_import': '导入交接文件前',
  'backups.kind.before_sheet_import': '导入表格前',
  'backups.kind.before_restore': '恢复前',
  'backups.restore': '恢复',
  'backups.confirm': '用 {taken} 的备份（{customers} 个客户）替换本客户本的全部内容？恢复前会先备份现在的客户本，可在这个列表里撤回。',
  'backups.restored': '已恢复 {taken} 的备份。',
};
