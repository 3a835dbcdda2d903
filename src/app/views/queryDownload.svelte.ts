/**
 * A CSV that needs a query first (every row of a list, not only the page shown):
 * busy while it runs, its error kept for the view to show.
 */
import { downloadText } from '../csv';

export class QueryDownload {
  busy = $state(false);
  error = $state<string | null>(null);

  async run(make: () => Promise<{ text: string; name: string }>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const { text, name } = await make();
      downloadText(text, name);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }
}
