// Who the audience is and how it feels: segments, emotions and brand-safety flags of the scored texts.
import { h, formatCount } from './dom.js';

const SEGMENTS = [['advocates', 'Advocates'], ['detractors', 'Detractors'], ['new', 'New'], ['dormant', 'Dormant'], ['other', 'Other']];
const EMOTIONS = [['joy', 'Joy'], ['optimism', 'Optimism'], ['sadness', 'Sadness'], ['anger', 'Anger']];
const SAFETY = [['offensive', 'Offensive'], ['hate', 'Hate']];

export function audiencePanel(view) {
  const emotion = view.sentiment?.emotion;
  const safety = view.sentiment?.brandSafety;
  return h('div', { class: 'panel', 'data-panel': 'audience' },
    h('h2', null, 'Audience'),
    counts('Segments (users)', SEGMENTS, view.segments, 'segments', 'No user counted yet.'),
    counts('Emotion (scored texts)', EMOTIONS, emotion, 'emotion', 'No text scored with the emotion head yet.'),
    counts('Brand safety (flagged texts)', SAFETY, safety, 'brand-safety', 'No text scored with the brand-safety heads yet.'));
}

function counts(title, keys, values, name, empty) {
  return h('div', { 'data-list': name },
    h('h3', null, title),
    values
      ? h('dl', { class: 'counts' }, keys.flatMap(([key, label]) => [h('dt', null, label), h('dd', { 'data-count': key }, formatCount(values[key]))]))
      : h('p', { class: 'empty' }, empty));
}
