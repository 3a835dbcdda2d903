/**
 * After a new deploy, a page opened (or cached) before it still names the old
 * content-hashed files, which are gone. Reload to get the new page — at most
 * once per page session (the tab), whichever file was missing: if the reload
 * did not help, the file is really gone and the page says which one. index.html
 * carries the same guard, with the same key, for the main script itself, which
 * must work before any of our code runs.
 */
const KEY = 'gongkai:reloaded-for-deploy';

export function reloadForNewDeploy(): boolean {
  try {
    if (sessionStorage.getItem(KEY) !== null) return false;
    sessionStorage.setItem(KEY, location.href);
  } catch {
    return false; // no storage: never risk a reload loop
  }
  location.reload();
  return true;
}

export function installStaleDeployRecovery(): void {
  window.addEventListener('vite:preloadError', (e) => {
    if (reloadForNewDeploy()) e.preventDefault();
  });
}
