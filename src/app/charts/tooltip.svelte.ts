/** Tooltip state shared by a chart's marks. */
export class TooltipState {
  x = $state(0);
  y = $state(0);
  text = $state('');

  show(e: PointerEvent | FocusEvent, text: string) {
    const el = e.currentTarget as Element;
    const box = el.closest('.plot')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    this.x = r.left + r.width / 2 - (box?.left ?? 0);
    this.y = r.top - (box?.top ?? 0);
    this.text = text;
  }

  hide() {
    this.text = '';
  }
}
