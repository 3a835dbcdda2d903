/** The tooltip of one chart: marks show it on hover and on keyboard focus alike. */
export class TooltipState {
  x = $state(0);
  y = $state(0);
  text = $state('');

  /** place above the event's element, inside the chart's frame */
  show(e: Event, text: string) {
    const el = e.currentTarget as Element;
    const box = el.closest('.chart-frame')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    this.x = r.left + r.width / 2 - (box?.left ?? 0);
    this.y = r.top - (box?.top ?? 0);
    this.text = text;
  }

  hide() {
    this.text = '';
  }

  /** the handlers a focusable mark spreads: hover, focus, tap, Enter and Space all show `text` */
  on(text: () => string) {
    const show = (e: Event) => this.show(e, text());
    return {
      onpointerenter: show,
      onpointerleave: () => this.hide(),
      onfocus: show,
      onblur: () => this.hide(),
      onclick: show,
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          show(e);
        }
      },
    };
  }
}
