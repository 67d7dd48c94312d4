// State more than one page shows (the as-of date, the latest dashboard), and redrawing a
// part of the page without losing the person's place in it.

/** A value with subscribers: each is told once per actual change, never for the same value. */
export class State<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(
    private current: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  get value(): T {
    return this.current;
  }

  set(value: T): void {
    if (this.same(this.current, value)) return;
    this.current = value;
    for (const listener of [...this.listeners]) listener(value);
  }

  /** Calls `listener` on every change from now on; the returned function stops that. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

// What makes an element the same logical control across two drawings: its tag and the
// identifying attributes on the way up to the redrawn root (a row's data-id, a button's testid).
const IDENTIFYING = ["data-testid", "data-id", "data-name", "data-field", "id"] as const;

function keyOf(el: Element, root: Element): string {
  const parts = [el.tagName];
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const own = IDENTIFYING.map((a) => e?.getAttribute(a) ?? "").join("|");
    if (own.replace(/\|/g, "")) parts.push(own);
  }
  return parts.join("/");
}

/**
 * Runs `draw`, which replaces what is inside `root`, and puts back what the person had: the
 * keyboard on the same logical control and every `<details>` they opened. Returns false when
 * the focused control was inside and has no counterpart in the new drawing.
 */
export function redraw(root: HTMLElement, draw: () => void): boolean {
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && active !== root && root.contains(active) ? keyOf(active, root) : null;
  const open = new Set([...root.querySelectorAll("details[open]")].map((d) => keyOf(d, root)));
  draw();
  for (const d of root.querySelectorAll<HTMLDetailsElement>("details")) if (open.has(keyOf(d, root))) d.open = true;
  if (focused === null) return true;
  const again = [...root.querySelectorAll<HTMLElement>("*")].find((el) => keyOf(el, root) === focused);
  again?.focus();
  return again !== undefined;
}
