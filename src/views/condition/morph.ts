/**
 * Sets an element's markup by changing only what differs: from one α to the next a KaTeX formula
 * differs in a few digits, so rewriting those text nodes (instead of replacing ~100 elements with
 * innerHTML) keeps the restyle and relayout to the digits. The DOM ends up as innerHTML builds it.
 *
 * Fast path: when the new markup has the same tags as the shown one (its "skeleton") only the
 * text between tags differs, and the text nodes are updated in place without parsing anything.
 * Otherwise the markup is parsed into a template and the live tree is morphed towards it.
 */
const shown = new WeakMap<Element, { skeleton: string; texts: Text[] }>();

export function setHtml(live: Element, html: string): void {
  const split = splitMarkup(html);
  const was = shown.get(live);
  if (split && was && was.skeleton === split.skeleton) {
    split.texts.forEach((t, i) => {
      const node = was.texts[i]!;
      if (node.data !== t) node.data = t;
    });
    return;
  }
  if (was) morphInnerHtml(live, html);
  else live.innerHTML = html;
  shown.delete(live);
  if (!split) return;
  // Remember the text nodes only if they are exactly the text runs of the markup, in order.
  const texts: Text[] = [];
  const walker = live.ownerDocument.createTreeWalker(live, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  if (texts.length === split.texts.length && texts.every((t, i) => t.data === split.texts[i])) {
    shown.set(live, { skeleton: split.skeleton, texts });
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** The tags with a marker for each run of text, and the runs (unescaped); null if unsure. */
function splitMarkup(html: string): { skeleton: string; texts: string[] } | null {
  const texts: string[] = [];
  let skeleton = '';
  let at = 0;
  const tag = /<[^<>]*>/g;
  for (let m = tag.exec(html); ; m = tag.exec(html)) {
    const end = m ? m.index : html.length;
    if (end > at) {
      const raw = html.slice(at, end);
      if (raw.includes('<') || raw.includes('>')) return null;
      const text = raw.replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? '\u0000');
      if (text.includes('\u0000')) return null;
      texts.push(text);
      skeleton += '\u0001';
    }
    if (!m) break;
    skeleton += m[0];
    at = m.index + m[0].length;
  }
  return { skeleton, texts };
}

/** Parses `html` into a template and morphs `live`'s children to match it. */
export function morphInnerHtml(live: Element, html: string): void {
  const template = live.ownerDocument.createElement('template');
  template.innerHTML = html;
  morphChildren(live, template.content);
}

function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName
    && (a.nodeType !== Node.ELEMENT_NODE || (a as Element).namespaceURI === (b as Element).namespaceURI);
}

function morphChildren(live: ParentNode & Node, next: ParentNode & Node): void {
  let a = live.firstChild;
  let b = next.firstChild;
  while (b) {
    const following = b.nextSibling;
    if (!a) {
      live.appendChild(b); // moves it out of the template
    } else if (!sameKind(a, b)) {
      const after = a.nextSibling;
      live.replaceChild(b, a);
      a = after;
    } else {
      morphNode(a, b);
      a = a.nextSibling;
    }
    b = following;
  }
  while (a) {
    const after = a.nextSibling;
    live.removeChild(a);
    a = after;
  }
}

function morphNode(live: Node, next: Node): void {
  if (live.nodeType === Node.TEXT_NODE || live.nodeType === Node.COMMENT_NODE) {
    if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
    return;
  }
  if (live.nodeType !== Node.ELEMENT_NODE) return;
  const el = live as Element;
  const to = next as Element;
  for (let i = el.attributes.length - 1; i >= 0; i--) {
    const attr = el.attributes[i]!;
    if (!to.hasAttributeNS(attr.namespaceURI, attr.localName)) el.removeAttributeNS(attr.namespaceURI, attr.localName);
  }
  for (let i = 0; i < to.attributes.length; i++) {
    const attr = to.attributes[i]!;
    if (el.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) el.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  }
  morphChildren(el, to);
}
