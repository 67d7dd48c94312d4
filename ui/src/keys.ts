// Shortcut naming and matching: Cmd on macOS, Ctrl elsewhere, so hints match the keyboard.

export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** How to write Ctrl/Cmd+key in a hint. */
export function shortcut(key: string): string {
  return isMac() ? `⌘${key === "Enter" ? "↩" : key}` : `Ctrl+${key}`;
}

/** Ctrl or Cmd is down: either works everywhere, so muscle memory from any platform holds. */
export function withCtrlOrCmd(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey;
}
