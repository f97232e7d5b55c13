// One campaign, live: KPIs, the last hour per minute (events by type, sentiment mix, engagement rate),
// top hashtags, and the most negative recent comments with their "wrong label" control.
import { h, formatCount, formatMoney, formatPercent, formatScore, formatTime } from './dom.js';
import { minuteSlots, stackedBars, line, horizontalBars } from './charts.js';
import { card } from './campaign-list.js';
import { feedbackControl } from './feedback.js';

const TYPES = [
  ['impression', '#9db4d3'], ['view', '#6d8fbf'], ['like', '#f2a541'], ['comment', '#e4572e'], ['share', '#a05195'],
  ['click', '#29a37a'], ['follow', '#5c6bc0'], ['mention', '#ffb3a7'], ['conversion', '#1b5e20'],
].map(([key, color]) => ({ key, color }));
const SENTIMENTS = [
  { key: 'positive', color: '#2e9d5b' }, { key: 'neutral', color: '#b0b7c3' }, { key: 'negative', color: '#d64545' },
];
const ENGAGEMENTS = ['like', 'comment', 'share', 'click'];

export function createCampaignView(campaignId) {
  const kpis = h('div', { class: 'cards' });
  const charts = h('div', { class: 'charts' });
  const hashtags = h('div');
  const comments = h('ul', { class: 'comments' });
  const updated = h('span', { class: 'updated' });
  // Comment rows are kept across updates (by eventId) so that an open "wrong label" form survives the next push.
  const rows = new Map();

  const element = h('section', { class: 'campaign', 'data-campaign': campaignId },
    h('p', null, h('a', { href: '#/' }, '← all campaigns')),
    h('h1', null, campaignId, ' ', updated),
    kpis, charts,
    h('div', { class: 'columns' },
      h('div', { class: 'panel' }, h('h2', null, 'Top hashtags'), hashtags),
      h('div', { class: 'panel' }, h('h2', null, 'Most negative recent comments'), comments)));

  function update(view) {
    updated.textContent = `updated ${formatTime(view.updatedAt)}`;
    kpis.replaceChildren(
      card('Events', formatCount(Object.values(view.totals).reduce((a, b) => a + b, 0)), 'events'),
      card('Impressions', formatCount(view.totals.impression), 'impressions'),
      card('Unique users', `${view.uniqueUsersExact ? '' : '≈'}${formatCount(view.uniqueUsers)}`, 'unique-users'),
      card('Engagement rate', formatPercent(view.engagementRate), 'engagement-rate'),
      card('CTR', formatPercent(view.ctr), 'ctr'),
      card('Conversions', `${formatCount(view.conversions)} · ${formatMoney(view.conversionValue)}`, 'conversions'),
      card('Mean sentiment', formatScore(view.sentiment.meanScore), 'sentiment'));

    const slots = minuteSlots(view.windows['1h']?.buckets ?? []);
    charts.replaceChildren(
      chartPanel('Events per minute by type', stackedBars(slots, TYPES, (slot, type) => slot.bucket?.totals[type] ?? 0, 'Events per minute by type')),
      chartPanel('Sentiment mix per minute', stackedBars(slots, SENTIMENTS, (slot, label) => slot.bucket?.sentiment[label] ?? 0, 'Sentiment mix per minute')),
      chartPanel('Engagement rate per minute', line(slots, engagementRate, 'Engagement rate per minute', '#29a37a', formatPercent)));

    hashtags.replaceChildren(view.topHashtags.length ? horizontalBars(view.topHashtags, 'Top hashtags') : h('p', { class: 'empty' }, 'No hashtag yet.'));
    updateComments(view.mostNegativeComments);
  }

  function updateComments(list) {
    const ids = new Set(list.map(c => c.eventId));
    for (const [id, row] of rows) if (!ids.has(id)) { row.remove(); rows.delete(id); }
    list.forEach((comment, index) => {
      const row = rows.get(comment.eventId) ?? commentRow(comment);
      rows.set(comment.eventId, row);
      if (comments.children[index] !== row) comments.insertBefore(row, comments.children[index] ?? null);
    });
    if (!list.length) comments.replaceChildren(h('li', { class: 'empty' }, 'No scored negative comment yet.'));
    else comments.querySelectorAll('li.empty').forEach(e => e.remove());
  }

  function commentRow(comment) {
    return h('li', { class: 'comment', 'data-event': comment.eventId },
      h('q', null, comment.text),
      h('div', { class: 'meta' }, `${formatScore(comment.score)} · ${comment.platform} · ${comment.userId} · ${formatTime(comment.timestamp)}`),
      feedbackControl(comment, campaignId));
  }

  function showMissing() {
    kpis.replaceChildren(h('p', { class: 'empty' }, `Waiting for the first event of campaign ${campaignId}…`));
  }

  return { element, update, showMissing };
}

function chartPanel(title, chart) {
  return h('div', { class: 'panel' }, h('h2', null, title), chart);
}

function engagementRate(slot) {
  const totals = slot.bucket?.totals;
  if (!totals?.impression) return null;
  return ENGAGEMENTS.reduce((sum, type) => sum + (totals[type] ?? 0), 0) / totals.impression;
}
