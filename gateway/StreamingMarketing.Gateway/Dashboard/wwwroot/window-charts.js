// The campaign's charts over one window at a time (last hour by minute, last day by hour, last 30 days by day):
// events by type, engagement rate and CTR, sentiment mix, mean sentiment score. The switch is a labelled button group.
import { h, formatPercent, formatScore } from './dom.js';
import { WINDOWS, windowByKey, slotsFor, engagementRate, ctr } from './windows.js';
import { stackedBars, lines, timeZone } from './charts.js';

export const TYPES = [
  ['impression', '#9db4d3'], ['view', '#6d8fbf'], ['like', '#f2a541'], ['comment', '#e4572e'], ['share', '#a05195'],
  ['click', '#29a37a'], ['follow', '#5c6bc0'], ['mention', '#ffb3a7'], ['conversion', '#1b5e20'],
].map(([key, color]) => ({ key, color }));
const SENTIMENTS = [
  { key: 'positive', color: '#2e9d5b' }, { key: 'neutral', color: '#b0b7c3' }, { key: 'negative', color: '#d64545' },
];

export function createWindowCharts(onChange = () => {}) {
  let selected = WINDOWS[0].key;
  let last = null;
  const buttons = WINDOWS.map(w => h('button', { type: 'button', 'data-window': w.key, 'aria-pressed': String(w.key === selected), onclick: () => select(w.key) }, `${w.label} · by ${w.unit}`));
  const charts = h('div', { class: 'charts', 'aria-live': 'polite' });
  const element = h('section', { class: 'window-charts', 'aria-label': 'Charts by window' },
    h('div', { class: 'switch', role: 'group', 'aria-label': 'Chart window' }, buttons,
      h('span', { class: 'hint' }, `times in ${timeZone}`)),
    charts);

  function select(key) {
    selected = key;
    buttons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.window === key)));
    if (last) update(last);
    onChange(key);
  }

  function update(view) {
    last = view;
    const window = windowByKey(selected);
    const buckets = view.windows?.[window.key]?.buckets ?? [];
    charts.dataset.window = window.key;
    if (!buckets.length) {
      charts.replaceChildren(h('p', { class: 'empty' },
        `No event in the ${window.label.toLowerCase()} yet. Send events for campaign ${view.campaignId} with POST /api/events `,
        '(JSON array or NDJSON, each with eventId, type, userId, campaignId, timestamp), or the command-line client: demo or send FILE.'));
      return;
    }
    const slots = slotsFor(window, buckets);
    const per = `per ${window.unit}`;
    charts.replaceChildren(
      panel(`Events ${per} by type`, stackedBars(window, slots, TYPES, (slot, type) => slot.bucket?.totals[type] ?? 0,
        { label: `Events ${per} by type, ${window.label.toLowerCase()}`, unit: `events / ${window.unit}` })),
      panel(`Engagement rate and CTR ${per}`, lines(window, slots, [
        { key: 'engagement', label: 'engagement rate', color: '#29a37a', value: slot => engagementRate(slot.bucket?.totals) },
        { key: 'ctr', label: 'CTR', color: '#2b6cb0', value: slot => ctr(slot.bucket?.totals) },
      ], { label: `Engagement rate and CTR ${per}`, unit: '% of impressions', format: formatPercent, floor: 0.05 })),
      panel(`Sentiment mix ${per}`, stackedBars(window, slots, SENTIMENTS, (slot, label) => slot.bucket?.sentiment[label] ?? 0,
        { label: `Sentiment mix ${per}`, unit: `scored texts / ${window.unit}` })),
      panel(`Mean sentiment score ${per}`, lines(window, slots, [
        { key: 'mean', label: 'mean score (p(positive) − p(negative))', color: '#a05195', value: slot => slot.bucket?.sentiment.meanScore ?? null },
      ], { label: `Mean sentiment score ${per}`, unit: 'score, −1 to +1', format: formatScore, yMin: -1, yMax: 1 })));
  }

  return { element, update, get window() { return selected; } };
}

function panel(title, chart) {
  return h('div', { class: 'panel' }, h('h3', null, title), chart);
}
