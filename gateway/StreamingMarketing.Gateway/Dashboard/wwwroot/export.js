// CSV files built from the same API answers the page shows: a campaign's windows (every bucket of 1h, 24h and 30d)
// and the campaign list. Times are ISO-8601 UTC; the first lines say which windows and which time zone.
import { h } from './dom.js';
import { WINDOWS, engagementRate, ctr } from './windows.js';

const TYPES = ['impression', 'view', 'like', 'comment', 'share', 'click', 'follow', 'mention', 'conversion'];

// RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a campaign id or text as a formula.
const cell = value => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const rows = lines => lines.map(line => line.map(cell).join(',')).join('\r\n') + '\r\n';
// The first line says what the file holds, unquoted so it reads as a sentence; it can never break the rows below.
const note = text => `# ${text.replace(/[\r\n]+/g, ' ')}\r\n`;

export function campaignWindowsCsv(view, exportedAt = new Date()) {
  const header = ['window', 'bucket_size', 'bucket_start_utc', ...TYPES, 'engagement_rate', 'ctr', 'positive', 'neutral', 'negative', 'unscored', 'mean_score'];
  const lines = [header];
  for (const window of WINDOWS) {
    for (const bucket of view.windows?.[window.key]?.buckets ?? []) {
      const s = bucket.sentiment ?? {};
      lines.push([window.key, window.unit, bucket.start, ...TYPES.map(t => bucket.totals[t] ?? 0),
        round(engagementRate(bucket.totals)), round(ctr(bucket.totals)), s.positive ?? 0, s.neutral ?? 0, s.negative ?? 0, s.unscored ?? 0, round(s.meanScore)]);
    }
  }
  return note(`campaign ${view.campaignId}; windows ${WINDOWS.map(w => `${w.key} by ${w.unit}`).join(', ')}; time zone UTC; exported ${exportedAt.toISOString()}`) + rows(lines);
}

export function campaignListCsv(list, exportedAt = new Date()) {
  const header = ['campaign_id', 'events', 'impressions', 'unique_users', 'engagement_rate', 'ctr', 'conversions', 'conversion_value', 'net_sentiment', 'last_event_at_utc'];
  return note(`campaigns, all time (${list.items.length} of ${list.total}); time zone UTC; exported ${exportedAt.toISOString()}`) + rows([
    header,
    ...list.items.map(c => [c.campaignId, c.events, c.impressions, c.uniqueUsers, round(c.engagementRate), round(c.ctr), c.conversions, c.conversionValue, round(c.netSentiment), c.lastEventAt]),
  ]);
}

const round = x => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

// A button that builds the file when pressed (from fresh data) and hands it to the browser as a download.
export function downloadButton(label, fileName, build) {
  return h('button', { type: 'button', class: 'export', 'data-export': fileName, onclick: async () => {
    const blob = new Blob([await build()], { type: 'text/csv;charset=utf-8' });
    const link = h('a', { href: URL.createObjectURL(blob), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } }, label);
}
