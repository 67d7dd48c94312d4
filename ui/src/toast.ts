// Non-blocking notices: confirmations with an optional action (Undo) and backend errors.
// One polite live region announces them; errors also carry role="alert".

import { h, icon } from "./dom";

export interface ToastAction {
  label: string;
  testid?: string;
  title?: string;
  run: () => void;
}

export interface ToastOptions {
  tone?: "info" | "error";
  action?: ToastAction;
  /** Milliseconds before it goes away by itself; 0 keeps it until dismissed. */
  timeout?: number;
  /** A data-testid for the message itself (the toast keeps "toast"). */
  testid?: string;
}

export interface ToastHandle {
  readonly element: HTMLElement;
  dismiss(): void;
  readonly dismissed: boolean;
}

export class Toaster {
  readonly region: HTMLElement;

  constructor(parent: HTMLElement) {
    this.region = h("div", {
      class: "toasts",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "data-testid": "toasts",
    });
    parent.append(this.region);
  }

  show(message: string, opts: ToastOptions = {}): ToastHandle {
    const tone = opts.tone ?? "info";
    const timeout = opts.timeout ?? (tone === "error" ? 12000 : 5000);
    const el = h("div", {
      class: `toast toast-${tone}`,
      role: tone === "error" ? "alert" : "status",
      "data-testid": tone === "error" ? "error-toast" : "toast",
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handle = {
      element: el,
      dismissed: false,
      dismiss() {
        if (handle.dismissed) return;
        handle.dismissed = true;
        clearTimeout(timer);
        el.remove();
      },
    };
    el.append(h("span", { class: "toast-message", "data-testid": opts.testid }, message));
    if (opts.action) {
      const action = opts.action;
      const btn = h(
        "button",
        { type: "button", class: "toast-action", "data-testid": action.testid, title: action.title },
        action.label,
      );
      btn.addEventListener("click", () => {
        handle.dismiss();
        action.run();
      });
      el.append(btn);
    }
    const close = h("button", { type: "button", class: "toast-close", "aria-label": "Dismiss" }, icon("close"));
    close.addEventListener("click", () => handle.dismiss());
    el.append(close);
    this.region.append(el);
    if (timeout > 0) timer = setTimeout(() => handle.dismiss(), timeout);
    return handle;
  }

  error(message: string): ToastHandle {
    return this.show(message, { tone: "error" });
  }
}
