/** The reports' chart colours (SVG fills take colours, not CSS variables): the app's green first. */
export const CHART = {
  primary: '#0d6b59',
  second: '#7fb8a9',
  third: '#d08a1c',
  muted: '#98a2b3',
  loss: '#b42318',
} as const;
