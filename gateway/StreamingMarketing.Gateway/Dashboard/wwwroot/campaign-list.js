// The home view: every campaign with its headline KPIs, busiest first.
import { h, formatCount, formatMoney, formatPercent, formatScore, formatTime } from './dom.js';
import { getJson } from './api.js';
import { campaignListCsv, downloadButton } from './export.js';

const COLUMNS = [
  ['Campaign', c => c.campaignId],
  ['Events', c => formatCount(c.events), 'events'],
  ['Impressions', c => formatCount(c.impressions)],
  ['Unique users', c => formatCount(c.uniqueUsers)],
  ['Engagement', c => formatPercent(c.engagementRate)],
  ['CTR', c => formatPercent(c.ctr)],
  ['Conversions', c => formatCount(c.conversions)],
  ['Value', c => formatMoney(c.conversionValue)],
  ['Net sentiment', c => formatScore(c.netSentiment)],
  ['Last event', c => formatTime(c.lastEventAt)],
];

export function renderCampaignList(list) {
  const campaigns = [...list.items].sort((a, b) => b.events - a.events);
  const totalEvents = campaigns.reduce((sum, c) => sum + c.events, 0);
  const totalValue = campaigns.reduce((sum, c) => sum + c.conversionValue, 0);
  return h('section', { class: 'list' },
    h('div', { class: 'cards' },
      card('Campaigns', formatCount(list.total), 'campaigns'),
      card('Events', formatCount(totalEvents), 'all-events'),
      card('Conversion value', formatMoney(totalValue), 'all-value')),
    h('div', { class: 'toolbar' },
      h('a', { class: 'button', href: '#/compare' }, 'Compare campaigns…'),
      downloadButton('Export list (CSV)', 'campaigns.csv', async () => campaignListCsv(await getJson('/api/campaigns?pageSize=500')))),
    list.total > campaigns.length && h('p', { class: 'empty' }, `Showing the ${campaigns.length} newest of ${formatCount(list.total)} campaigns; the command-line client's campaigns command pages through all.`),
    campaigns.length === 0
      ? h('p', { class: 'empty' }, 'No campaign has received an event yet. Send some with the command-line client: demo or send FILE.')
      : h('table', { class: 'table' },
        h('thead', null, h('tr', null, COLUMNS.map(([title]) => h('th', null, title)))),
        h('tbody', null, campaigns.map(c => h('tr', { 'data-campaign': c.campaignId, class: 'row', onclick: () => { location.hash = `#/campaigns/${encodeURIComponent(c.campaignId)}`; } },
          COLUMNS.map(([, value, kpi], i) => h('td', { 'data-kpi': kpi },
            i === 0 ? h('a', { href: `#/campaigns/${encodeURIComponent(c.campaignId)}` }, value(c)) : value(c))))))));
}

export function card(title, value, kpi) {
  return h('div', { class: 'card' }, h('div', { class: 'card-title' }, title), h('div', { class: 'card-value', 'data-kpi': kpi }, value));
}
