/**
 * After a new deploy, a page opened (or cached) before it still names the old
 * content-hashed files, which are gone. Reload once to get the new page; if the
 * reload does not help, let the error show. index.html carries the same guard
 * for the main script itself, which must work before any of our code runs.
 */
const KEY = 'gongkai:reloaded-for-deploy';

export function reloadForNewDeploy(): boolean {
  try {
    if (sessionStorage.getItem(KEY) === location.href) return false;
    sessionStorage.setItem(KEY, location.href);
  } catch {
    return false; // no storage: never risk a reload loop
  }
  location.reload();
  return true;
}

/** The page loaded: a later deploy may reload it again. */
export function loadedFine(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* storage unavailable */
  }
}

export function installStaleDeployRecovery(): void {
  window.addEventListener('vite:preloadError', (e) => {
    if (reloadForNewDeploy()) e.preventDefault();
  });
}
