// The coverage chart arrives from Rust as SVG text. It is parsed as XML (never as HTML, never
// through innerHTML), checked to be one <svg>, and cleaned of anything that could run or load:
// scripts, foreign HTML, animation that can rewrite links, event handler attributes, inline
// styles (the CSP refuses them anyway) and links other than to the chart's own elements.

const SVG_NS = "http://www.w3.org/2000/svg";
const DROP = new Set(["script", "foreignobject", "style", "iframe", "object", "embed", "animate", "set", "animatemotion", "animatetransform", "handler", "listener"]);
const LINK_ATTRS = new Set(["href", "xlink:href", "src", "action", "formaction"]);

/** Removes dangerous elements and attributes from `root` and everything under it, in place. */
export function scrubSvg(root: Element): void {
  for (const el of [root, ...root.querySelectorAll("*")]) {
    if (el !== root && DROP.has(el.localName.toLowerCase())) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const link = LINK_ATTRS.has(name) || name.endsWith(":href");
      if (name.startsWith("on") || name === "style" || (link && !attr.value.trim().startsWith("#"))) el.removeAttribute(attr.name);
    }
  }
}

/**
 * Rust's chart as a node of this document, cleaned; null when the text is not a well-formed
 * SVG document (the caller says so instead of showing a broken picture).
 */
export function importSvg(text: string, doc: Document = document): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (!root || root.localName !== "svg" || root.namespaceURI !== SVG_NS) return null;
  if (parsed.getElementsByTagName("parsererror").length > 0) return null;
  if (DROP.has(root.localName.toLowerCase())) return null;
  scrubSvg(root);
  return doc.importNode(root, true) as unknown as SVGSVGElement;
}
