// Share of voice of the campaign's brand against the competitors its metadata names (GET /api/brands/{brand}/share-of-voice).
import { h, formatCount, formatPercent } from './dom.js';
import { getJson } from './api.js';
import { refresher } from './refresher.js';
import { horizontalBars } from './charts.js';

const WINDOW = '24h';

export function createVoicePanel() {
  let brand = null;
  const body = h('div');
  const element = h('div', { class: 'panel', 'data-panel': 'share-of-voice' }, h('h2', null, `Share of voice · last ${WINDOW}`), body);
  const refresh = refresher(element, () => brand && getJson(`/api/brands/${encodeURIComponent(brand)}/share-of-voice?window=${WINDOW}`), render);

  function render(view, error) {
    if (!brand) return;
    if (error) {
      body.replaceChildren(h('p', { class: 'empty' }, error.status === 404 ? `No mention of ${brand} yet.` : `Share of voice not available: ${error.message}`));
      return;
    }
    const rows = [{ label: view.brand, value: view.mentions, share: view.share }, ...view.competitors.map(c => ({ label: c.brand, value: c.mentions, share: c.share }))];
    body.replaceChildren(
      h('p', { class: 'voice-share', 'data-share': view.share ?? '' }, view.share === null ? `No mention in the last ${WINDOW}.` : `${view.brand}: ${formatPercent(view.share)} of ${formatCount(view.total)} mentions`),
      horizontalBars(rows.map(r => ({ label: r.label, value: r.value, note: r.share === null ? '' : formatPercent(r.share) })), 'Mentions by brand', formatCount));
  }

  // The brand comes from the campaign's metadata, which may arrive or change with any push.
  function update(metadata) {
    const next = metadata?.brand ?? null;
    if (!next) {
      brand = null;
      body.replaceChildren(h('p', { class: 'empty' }, 'Name the campaign\'s brand and competitors (metadata below, or PUT /api/campaigns/{id}) to measure its share of voice.'));
      return;
    }
    const changed = next !== brand;
    brand = next;
    refresh(changed);
  }

  return { element, update };
}
