/** Display helpers for amounts and counts, in Chinese conventions. */

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** An amount in 万元 (10k CNY): "1,220 万元", or in 亿元 from 10,000 万元 on ("357.75 亿元"). */
export function formatWan(value: number | null | undefined): string {
  if (value == null) return '—';
  return Math.abs(value) >= 10_000 ? `${decimal.format(value / 10_000)} 亿元` : `${decimal.format(value)} 万元`;
}

export function formatCount(value: number | null | undefined, unit = ''): string {
  return value == null ? '—' : `${integer.format(value)}${unit ? ` ${unit}` : ''}`;
}

export const TIER_LABELS = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' } as const;
