// "Wrong label" on a comment: pick the right label and store it as feedback for the next training run.
import { h } from './dom.js';
import { postFeedback, setAdminKey } from './api.js';

const LABELS = ['positive', 'neutral', 'negative'];

export function feedbackControl(comment, campaignId) {
  const status = h('span', { class: 'feedback-status', role: 'status' });
  const select = h('select', { 'aria-label': 'Correct label' }, LABELS.map(label => h('option', { value: label }, label)));
  const keyInput = h('input', { type: 'password', placeholder: 'admin API key', 'aria-label': 'Admin API key', hidden: true });
  const send = h('button', { type: 'submit' }, 'Send');
  const form = h('form', { class: 'feedback-form', hidden: true }, 'Correct label: ', select, keyInput, send, status);
  const toggle = h('button', { type: 'button', class: 'wrong-label', onclick: () => { form.hidden = !form.hidden; } }, 'Wrong label');

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!keyInput.hidden && keyInput.value) setAdminKey(keyInput.value);
    send.disabled = true;
    status.textContent = 'sending…';
    try {
      await postFeedback({ text: comment.text, label: select.value, campaignId });
      status.textContent = `Thanks: stored as ${select.value}.`;
      status.dataset.state = 'stored';
      select.disabled = true;
      keyInput.hidden = true;
    } catch (error) {
      // Feedback changes what the model learns, so it needs the admin scope: the read-only session cookie gets 401,
      // a read key 403; either way the page asks for an admin key.
      if (error.status === 401 || error.status === 403) {
        keyInput.hidden = false;
        status.textContent = 'Storing feedback needs a key with the admin scope: enter one and send again.';
      } else {
        status.textContent = `Not stored: ${error.message}`;
      }
      status.dataset.state = 'failed';
      send.disabled = false;
    }
  });

  return h('div', { class: 'feedback' }, toggle, form);
}
