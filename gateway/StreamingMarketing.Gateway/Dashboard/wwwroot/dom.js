// A tiny element builder. Text always goes in as text nodes: comments and ids come from the public, never as HTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
export const s = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

const integer = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatCount = n => integer.format(n ?? 0);
export const formatMoney = n => decimal.format(n ?? 0);
export const formatPercent = r => `${((r ?? 0) * 100).toFixed(1)}%`;
export const formatScore = x => (x === null || x === undefined ? '–' : (x > 0 ? '+' : '') + x.toFixed(2));
export const formatTime = iso => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '–');
