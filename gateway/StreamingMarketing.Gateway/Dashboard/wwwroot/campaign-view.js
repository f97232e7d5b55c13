// One campaign, live: KPIs, charts over a chosen window, the forecast with anomalies marked, alerts with their drivers, trends, influencers, share of
// voice, audience, metadata, top hashtags and the most negative comments with their "wrong label" control.
// Each panel is its own module; this file only lays them out and hands each push of the campaign answer on.
import { h, formatCount, formatMoney, formatPercent, formatScore, formatTime } from './dom.js';
import { horizontalBars } from './charts.js';
import { card } from './campaign-list.js';
import { feedbackControl } from './feedback.js';
import { eventCount } from './windows.js';
import { createWindowCharts } from './window-charts.js';
import { alertsPanel } from './alerts-panel.js';
import { createForecastPanel } from './forecast-panel.js';
import { createTrendingPanel } from './trending-panel.js';
import { audiencePanel } from './audience-panel.js';
import { createInfluencersPanel } from './influencers-panel.js';
import { createVoicePanel } from './voice-panel.js';
import { createMetadataPanel } from './metadata-panel.js';
import { spendPanel } from './spend-panel.js';
import { campaignWindowsCsv, downloadButton } from './export.js';
import { getJson } from './api.js';

export function createCampaignView(campaignId) {
  const kpis = h('div', { class: 'cards' });
  const title = h('span', null, campaignId);
  const updated = h('span', { class: 'updated' });
  const windowCharts = createWindowCharts();
  const forecast = createForecastPanel(campaignId);
  const alerts = h('div', { class: 'slot-alerts' });
  const trending = createTrendingPanel();
  const influencers = createInfluencersPanel(campaignId);
  const voice = createVoicePanel();
  const metadata = createMetadataPanel(campaignId, saved => voice.update(saved));
  const audience = h('div');
  const spend = h('div', { class: 'slot-spend' });
  const hashtags = h('div');
  const comments = h('ul', { class: 'comments' });
  // Comment rows are kept across updates (by eventId) so that an open "wrong label" form survives the next push.
  const rows = new Map();
  const path = `/api/campaigns/${encodeURIComponent(campaignId)}`;

  const element = h('section', { class: 'campaign', 'data-campaign': campaignId },
    h('p', null, h('a', { href: '#/' }, '← all campaigns')),
    h('div', { class: 'title-row' },
      h('h1', null, title, ' ', updated),
      h('div', { class: 'toolbar' },
        downloadButton('Export windows (CSV)', `${campaignId}-windows.csv`, async () => campaignWindowsCsv(await getJson(path))),
        h('a', { class: 'button', href: `#/compare/${encodeURIComponent(campaignId)}` }, 'Compare…'))),
    kpis,
    spend,
    windowCharts.element,
    forecast.element,
    h('div', { class: 'insights' },
      alerts, trending.element, influencers.element, voice.element, audience, metadata.element,
      h('div', { class: 'panel' }, h('h2', null, 'Top hashtags (all time)'), hashtags)),
    h('div', { class: 'panel' }, h('h2', null, 'Most negative recent comments'), comments));

  function update(view) {
    title.textContent = view.metadata?.name && view.metadata.name !== campaignId ? `${view.metadata.name} (${campaignId})` : campaignId;
    updated.textContent = `updated ${formatTime(view.updatedAt)}`;
    kpis.replaceChildren(
      card('Events', formatCount(eventCount(view.totals)), 'events'),
      card('Impressions', formatCount(view.totals.impression), 'impressions'),
      card('Unique users', `${view.uniqueUsersExact ? '' : '≈'}${formatCount(view.uniqueUsers)}`, 'unique-users'),
      card('Engagement rate', formatPercent(view.engagementRate), 'engagement-rate'),
      card('CTR', formatPercent(view.ctr), 'ctr'),
      card('Conversions', `${formatCount(view.conversions)} · ${formatMoney(view.conversionValue)}`, 'conversions'),
      card('Mean sentiment', formatScore(view.sentiment.meanScore), 'sentiment'));
    spend.replaceChildren(spendPanel(view));
    windowCharts.update(view);
    forecast.update(view);
    alerts.replaceChildren(alertsPanel(view.alerts));
    trending.update(view.trending);
    influencers.refresh();
    voice.update(view.metadata);
    metadata.update(view.metadata);
    audience.replaceChildren(audiencePanel(view));
    hashtags.replaceChildren(view.topHashtags.length
      ? horizontalBars(view.topHashtags.map(t => ({ label: `#${t.tag}`, value: t.count })), 'Top hashtags', formatCount)
      : h('p', { class: 'empty' }, 'No hashtag yet.'));
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
    kpis.replaceChildren(h('p', { class: 'empty' }, `Waiting for the first event of campaign ${campaignId}. Send events with POST /api/events `,
      '(or the command-line client: demo or send FILE); this page fills in as they arrive.'));
  }

  return { element, update, showMissing };
}
