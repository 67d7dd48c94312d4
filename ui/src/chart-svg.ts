// SVG drawn by Rust (the coverage chart, the report's first page) arrives as text. It is
// parsed as XML (never as HTML, never through innerHTML), checked to be one <svg>, and cleaned
// of anything that could run or load: scripts, foreign HTML, animation that can rewrite links,
// event handler attributes, inline styles (the CSP refuses them anyway) and links other than
// to the drawing's own elements. The report page may also keep images embedded as data: URIs
// (typst draws some glyphs and the chart that way); an SVG <image> never runs scripts.

const SVG_NS = "http://www.w3.org/2000/svg";
const DROP = new Set(["script", "foreignobject", "style", "iframe", "object", "embed", "animate", "set", "animatemotion", "animatetransform", "handler", "listener"]);
const LINK_ATTRS = new Set(["href", "xlink:href", "src", "action", "formaction", "xml:base"]);
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i;

export interface SvgOptions {
  /** Keep `<image href="data:image/...">` (embedded pictures); outside links still go. */
  dataImages?: boolean;
}

function keepLink(el: Element, value: string, opts: SvgOptions): boolean {
  const v = value.trim();
  if (v.startsWith("#")) return true;
  return opts.dataImages === true && el.localName === "image" && DATA_IMAGE.test(v);
}

/** Removes dangerous elements and attributes from `root` and everything under it, in place. */
export function scrubSvg(root: Element, opts: SvgOptions = {}): void {
  for (const el of [root, ...root.querySelectorAll("*")]) {
    if (el !== root && (DROP.has(el.localName.toLowerCase()) || el.namespaceURI !== SVG_NS)) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const link = LINK_ATTRS.has(name) || name.endsWith(":href");
      if (name.startsWith("on") || name === "style" || (link && !keepLink(el, attr.value, opts))) el.removeAttribute(attr.name);
    }
  }
}

/**
 * Rust's drawing as a node of this document, cleaned; null when the text is not a well-formed
 * SVG document (the caller says so instead of showing a broken picture).
 */
export function importSvg(text: string, doc: Document = document, opts: SvgOptions = {}): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = parsed.documentElement;
  if (!root || root.localName !== "svg" || root.namespaceURI !== SVG_NS) return null;
  if (parsed.getElementsByTagName("parsererror").length > 0) return null;
  scrubSvg(root, opts);
  return doc.importNode(root, true) as unknown as SVGSVGElement;
}
