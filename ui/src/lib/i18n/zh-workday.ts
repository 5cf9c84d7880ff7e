// 提高日常效率（issue 14）的中文文案：客户卡片一眼可见的信息与分区导航。并入 `zh`。
import type { enWorkday } from './en-workday';

export const zhWorkday: Record<keyof typeof enWorkday, string> = {
  'glance.weight': '称重 {weight}',
  'glance.not_assessed': '尚未评估',
  'glance.dependence': '依赖度 {score}',
  'glance.last_contact': '上次联系 {date}',
  'glance.never_contacted': '从未联系',
  'glance.suggested': '建议分级 {tier}',
  'glance.reach': '电话与地址',
  'bar.people': '关键人',
  'bar.followups': '跟进',
  'bar.value': '价值',
  'bar.relationship': '关系',
  'bar.handover': '交接',
  'bar.timeline': '联系记录',
  'bar.profile': '资料',
  'bar.label': '卡片分区',
  'bar.chain': '决策链',
  'chain.title': '决策链',
  'chain.gaps': '我们还不认识：{roles}',
  'chain.nobody': '无人',
  'chain.attitude_unknown': '态度未知',
  'chain.known_by': '{names} 认识',
  'chain.unplaced': '尚未标明角色：{names}',
};
