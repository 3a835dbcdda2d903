/**
 * The app's state, mirrored to the URL: every change is a history entry, and
 * back/forward restore the state from the URL (the shell calls restore() on popstate).
 */
import { decodeState, encodeState, filtersOf, withChange, type AppState } from './url';

export class AppStore {
  state = $state<AppState>(decodeState(location.search));
  filters = $derived(filtersOf(this.state));

  /** Back or forward: the state of the URL now. */
  restore() {
    this.state = decodeState(location.search);
  }

  set(patch: Partial<AppState>, opts: { replace?: boolean } = {}) {
    const next = withChange(this.state, patch);
    const search = '?' + encodeState(next);
    if (search !== location.search) {
      const url = location.pathname + search + location.hash;
      if (opts.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.state = next;
  }

  href(patch: Partial<AppState>): string {
    return location.pathname + '?' + encodeState(withChange(this.state, patch));
  }

  /** A link's click: follow it in place (a plain click), or leave it to the browser (new tab, modifier keys). */
  follow(e: MouseEvent, patch: Partial<AppState>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    this.set(patch);
  }
}
