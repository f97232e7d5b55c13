// The three rolling windows of the campaign answer (windows["1h"|"24h"|"30d"].buckets) as chart slots: every bucket of
// the span, oldest first, ending at the current one, with the empty ones filled in (the API lists non-empty ones only).
export const WINDOWS = [
  { key: '1h', label: 'Last hour', unit: 'minute', size: 60_000, count: 60 },
  { key: '24h', label: 'Last day', unit: 'hour', size: 3_600_000, count: 24 },
  { key: '30d', label: 'Last 30 days', unit: 'day', size: 86_400_000, count: 30 },
];

export const windowByKey = key => WINDOWS.find(w => w.key === key) ?? WINDOWS[0];

// Buckets start at whole minutes, hours or UTC days, so the slot a bucket belongs to is its start rounded down.
export function slotsFor(window, buckets, now = Date.now()) {
  const end = Math.floor(now / window.size) * window.size;
  const byStart = new Map((buckets ?? []).map(b => [Math.floor(Date.parse(b.start) / window.size) * window.size, b]));
  return Array.from({ length: window.count }, (_, i) => {
    const start = end - (window.count - 1 - i) * window.size;
    return { start, bucket: byStart.get(start) };
  });
}

const ENGAGEMENTS = ['like', 'comment', 'share', 'click'];

// Same definitions as the API's KPIs (KpiCounters): no impressions means no rate (null), not a zero rate.
export function engagementRate(totals) {
  if (!totals?.impression) return null;
  return ENGAGEMENTS.reduce((sum, type) => sum + (totals[type] ?? 0), 0) / totals.impression;
}

export function ctr(totals) {
  return totals?.impression ? (totals.click ?? 0) / totals.impression : null;
}

export const eventCount = totals => Object.values(totals ?? {}).reduce((a, b) => a + b, 0);
