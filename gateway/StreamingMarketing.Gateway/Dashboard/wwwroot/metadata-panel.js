// The campaign's metadata (name, brand, competitors, dates, budget, cost model, paused variants), and a form to change it with an admin key
// (PUT /api/campaigns/{id} replaces what is stored, so the form sends the alert-rule overrides back unchanged).
import { h, formatMoney } from './dom.js';
import { putMetadata, setAdminKey } from './api.js';

export function createMetadataPanel(campaignId, onSaved) {
  let current = null;
  const facts = h('dl', { class: 'counts' });
  const field = (name, label, attrs = {}) => {
    const input = h('input', { name, id: `meta-${name}`, ...attrs });
    return { input, row: h('label', { for: `meta-${name}` }, label, input) };
  };
  const name = field('name', 'Name', { required: true, maxlength: 200 });
  const brand = field('brand', 'Brand');
  const competitors = field('competitors', 'Competitors (comma-separated)');
  const start = field('start', 'Start (UTC)', { type: 'date' });
  const end = field('end', 'End (UTC)', { type: 'date' });
  const budget = field('budget', 'Budget', { type: 'number', min: 0, step: 'any' });
  const currency = field('currency', 'Currency (ISO 4217, e.g. EUR)', { maxlength: 3 });
  const costKind = h('select', { name: 'cost-kind', id: 'meta-cost-kind' },
    h('option', { value: '' }, 'none'), h('option', { value: 'cpm' }, 'cpm: per 1,000 impressions'), h('option', { value: 'cpc' }, 'cpc: per click'));
  const cost = { input: costKind, row: h('label', { for: 'meta-cost-kind' }, 'Cost model', costKind) };
  const price = field('price', 'Price', { type: 'number', min: 0, step: 'any' });
  const paused = field('paused', 'Paused variants (comma-separated)');
  const key = field('admin-key', 'Admin API key', { type: 'password', autocomplete: 'off' });
  key.row.hidden = true;
  const status = h('span', { class: 'feedback-status', role: 'status' });
  const form = h('form', { class: 'metadata-form', hidden: true },
    [name, brand, competitors, start, end, budget, currency, cost, price, paused, key].map(f => f.row), h('button', { type: 'submit' }, 'Save'), status);
  const edit = h('button', { type: 'button', 'aria-expanded': 'false', onclick: () => toggle() }, 'Edit');
  const element = h('div', { class: 'panel', 'data-panel': 'metadata' },
    h('div', { class: 'panel-head' }, h('h2', null, 'Campaign'), edit), facts, form);

  function toggle() {
    form.hidden = !form.hidden;
    edit.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) fill();
  }

  function fill() {
    name.input.value = current?.name ?? campaignId;
    brand.input.value = current?.brand ?? '';
    competitors.input.value = (current?.competitors ?? []).join(', ');
    start.input.value = current?.start?.slice(0, 10) ?? '';
    end.input.value = current?.end?.slice(0, 10) ?? '';
    budget.input.value = current?.budget ?? '';
    currency.input.value = current?.currency ?? '';
    costKind.value = current?.costModel?.kind ?? '';
    price.input.value = current?.costModel?.price ?? '';
    paused.input.value = (current?.pausedVariants ?? []).join(', ');
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!key.row.hidden && key.input.value) setAdminKey(key.input.value);
    status.textContent = 'saving…';
    try {
      current = await putMetadata(campaignId, {
        name: name.input.value.trim(),
        brand: brand.input.value.trim() || null,
        competitors: competitors.input.value.split(',').map(c => c.trim()).filter(Boolean),
        start: start.input.value ? `${start.input.value}T00:00:00Z` : null,
        end: end.input.value ? `${end.input.value}T00:00:00Z` : null,
        budget: budget.input.value === '' ? null : Number(budget.input.value),
        alertRules: current?.alertRules ?? null,
        currency: currency.input.value.trim() || null,
        costModel: costKind.value ? { kind: costKind.value, price: price.input.value === '' ? null : Number(price.input.value) } : null,
        pausedVariants: paused.input.value.split(',').map(v => v.trim()).filter(Boolean),
      });
      status.textContent = 'Saved.';
      status.dataset.state = 'stored';
      key.row.hidden = true;
      render();
      onSaved?.(current);
    } catch (error) {
      if (error.status === 401 || error.status === 403) {
        key.row.hidden = false;
        status.textContent = 'Changing a campaign needs a key with the admin scope: enter one and save again.';
      } else {
        status.textContent = `Not saved: ${error.message}`;
      }
      status.dataset.state = 'failed';
    }
  });

  function render() {
    const m = current;
    const rows = m
      ? [['Name', m.name], ['Brand', m.brand ?? '–'], ['Competitors', m.competitors?.length ? m.competitors.join(', ') : '–'],
        ['Dates', `${m.start?.slice(0, 10) ?? '…'} → ${m.end?.slice(0, 10) ?? '…'}`], ['Budget', m.budget === null || m.budget === undefined ? '–' : `${formatMoney(m.budget)} ${m.currency ?? ''}`.trim()],
        ['Cost model', m.costModel ? `${m.costModel.kind} ${formatMoney(m.costModel.price)}` : '–'],
        ['Paused', m.pausedVariants?.length ? m.pausedVariants.join(', ') : '–']]
      : [['Name', 'not described yet (Edit, or PUT /api/campaigns/{id})']];
    facts.replaceChildren(...rows.flatMap(([label, value]) => [h('dt', null, label), h('dd', { 'data-meta': label.toLowerCase() }, value)]));
  }

  function update(metadata) {
    current = metadata ?? null;
    render();
  }

  return { element, update };
}
