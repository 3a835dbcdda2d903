/**
 * The figure whose source 数字出处 shows (报告详情, 自查): picking one remembers
 * the element that had focus, closing the panel gives focus back to it.
 */
export class PickedFigure {
  /** the fact key picked, '' when none */
  key = $state('');
  #back: HTMLElement | null = null;

  pick = (key: string) => {
    this.#back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.key = key;
  };

  close = () => {
    this.key = '';
    this.#back?.focus();
  };
}
