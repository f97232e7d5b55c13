// 2 to 4 campaigns side by side (#/compare/A,B,...): headline KPIs in one table, and events per bucket of the chosen
// window overlaid on one chart, one line per campaign.
import { h, formatCount, formatMoney, formatPercent, formatScore } from './dom.js';
import { getJson } from './api.js';
import { WINDOWS, windowByKey, slotsFor, eventCount } from './windows.js';
import { lines } from './charts.js';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
const COLORS = ['#2b6cb0', '#e4572e', '#29a37a', '#a05195'];
const ROWS = [
  ['Events', v => formatCount(eventCount(v.totals))],
  ['Impressions', v => formatCount(v.totals.impression)],
  ['Unique users', v => `${v.uniqueUsersExact ? '' : '≈'}${formatCount(v.uniqueUsers)}`],
  ['Engagement rate', v => formatPercent(v.engagementRate)],
  ['CTR', v => formatPercent(v.ctr)],
  ['Conversions', v => formatCount(v.conversions)],
  ['Conversion value', v => formatMoney(v.conversionValue)],
  ['Mean sentiment', v => formatScore(v.sentiment.meanScore)],
  ['Open alerts', v => formatCount((v.alerts ?? []).filter(a => a.state === 'open').length)],
];

export async function renderComparison(ids) {
  const [list, comparison] = await Promise.all([getJson('/api/campaigns?pageSize=100'), ids.length >= MIN_COMPARED ? renderViews(ids) : null]);
  return h('section', { class: 'compare' },
    h('p', null, h('a', { href: '#/' }, '← all campaigns')),
    h('h1', null, 'Compare campaigns'),
    picker(list.items.map(c => c.campaignId), ids),
    comparison ?? h('p', { class: 'empty' }, `Pick ${MIN_COMPARED} to ${MAX_COMPARED} campaigns to compare.`));
}

// Checkboxes of the newest campaigns; the choice lives in the address (#/compare/A,B), so it can be shared.
function picker(all, ids) {
  const chosen = new Set(ids);
  const names = [...new Set([...ids, ...all])];
  const button = h('button', { type: 'submit' }, 'Compare');
  const status = h('span', { class: 'hint', role: 'status' });
  const check = () => {
    const ok = chosen.size >= MIN_COMPARED && chosen.size <= MAX_COMPARED;
    button.disabled = !ok;
    status.textContent = `${chosen.size} chosen (${MIN_COMPARED} to ${MAX_COMPARED})`;
  };
  const form = h('form', { class: 'picker', 'aria-label': 'Campaigns to compare' },
    h('fieldset', null, h('legend', null, 'Campaigns'),
      names.map(id => h('label', { class: 'pick' },
        h('input', { type: 'checkbox', value: id, checked: chosen.has(id), onchange: e => { if (e.target.checked) chosen.add(id); else chosen.delete(id); check(); } }), ` ${id}`))),
    button, status);
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/compare/${[...chosen].map(encodeURIComponent).join(',')}`;
  });
  check();
  return form;
}

async function renderViews(ids) {
  const views = await Promise.all(ids.map(id => getJson(`/api/campaigns/${encodeURIComponent(id)}`).catch(error => ({ campaignId: id, error }))));
  const found = views.filter(v => !v.error);
  let selected = WINDOWS[0].key;
  const chart = h('div', { class: 'panel' });
  const buttons = WINDOWS.map(w => h('button', { type: 'button', 'data-window': w.key, 'aria-pressed': String(w.key === selected), onclick: () => { selected = w.key; draw(); } }, `${w.label} · by ${w.unit}`));

  function draw() {
    const window = windowByKey(selected);
    buttons.forEach(b => b.setAttribute('aria-pressed', String(b.dataset.window === selected)));
    const slotsById = found.map(v => slotsFor(window, v.windows?.[window.key]?.buckets));
    chart.replaceChildren(h('h3', null, `Events per ${window.unit}, ${window.label.toLowerCase()}`),
      lines(window, slotsById[0], found.map((v, n) => ({
        key: v.campaignId, color: COLORS[n], value: (_, i) => (slotsById[n][i].bucket ? eventCount(slotsById[n][i].bucket.totals) : 0),
      })), { label: `Events per ${window.unit} by campaign`, unit: `events / ${window.unit}` }));
  }
  if (found.length) draw();

  return h('div', { class: 'comparison' },
    views.filter(v => v.error).map(v => h('p', { class: 'error' }, `${v.campaignId}: ${v.error.status === 404 ? 'no event received yet' : v.error.message}`)),
    found.length > 0 && h('div', { class: 'table-scroll' }, h('table', { class: 'table', 'data-compare': found.map(v => v.campaignId).join(',') },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'KPI'), found.map((v, n) => h('th', { scope: 'col', style: `border-bottom: 3px solid ${COLORS[n]}` },
        h('a', { href: `#/campaigns/${encodeURIComponent(v.campaignId)}` }, v.metadata?.name ?? v.campaignId))))),
      h('tbody', null, ROWS.map(([title, value]) => h('tr', null, h('th', { scope: 'row' }, title), found.map(v => h('td', null, value(v)))))))),
    found.length > 0 && h('div', { class: 'switch', role: 'group', 'aria-label': 'Chart window' }, buttons),
    found.length > 0 && chart);
}
