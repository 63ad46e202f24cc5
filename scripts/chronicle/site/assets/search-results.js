// Chronicle search: a result as the header box and the search page list it.
//
// Safety: everything that comes from an article is inserted as text (textContent). The one
// exception is Pagefind's excerpt, which marks matches with <mark>: it is cut from the indexed
// plain text (search/records.py replaces any angle bracket), and appendExcerpt rebuilds it from text nodes
// and <mark> elements only, so no markup from an article can reach the page.

export function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

const decoder = new DOMParser();
export function decodeEntities(text) {
  // Pagefind escapes &, <, > in excerpts; DOMParser runs no script and we keep only its text.
  return text.includes("&") ? decoder.parseFromString(text, "text/html").body.textContent : text;
}

export function appendExcerpt(parent, excerpt) {
  let mark = null;
  for (const part of (excerpt || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") mark = el("mark");
    else if (part === "</mark>") { if (mark) parent.append(mark); mark = null; }
    else if (part) (mark || parent).append(decodeEntities(part));
  }
  if (mark) parent.append(mark);
}

export function resultItem(data, cls, withExcerpt, headingTag) {
  // Results on the search page are h2 under its h1; in the header box they are not headings,
  // so the box adds nothing to a page's outline.
  const li = el("li", { class: cls });
  const heading = el(headingTag, { class: `${cls}__title` });
  heading.append(el("a", { href: data.url }, data.meta.title || data.url));
  li.append(heading);
  const meta = [data.meta.date, data.meta.source].filter(Boolean).join(" · ");
  li.append(el("p", { class: `${cls}__meta` }, meta));
  if (withExcerpt && data.excerpt) {
    const p = el("p", { class: `${cls}__excerpt` });
    appendExcerpt(p, data.excerpt);
    li.append(p);
  }
  return li;
}
