export const TEMPLATE_COLORS: Record<string, string> = { '2019': '#3f6ea6', '2021': '#c8553d' };
export const STATUS_COLORS = {
  pass: '#cfe8d5',
  na: '#e6e6e6',
  error: '#c0392b',
  warning: '#e69a28',
  info: '#5b8fc7',
} as const;
