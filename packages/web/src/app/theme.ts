import {
  createTheme,
  DEFAULT_THEME,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Mantine's palette with shade 9 (the one filled, light and outline variants and `c="orange"` text
 * use, see primaryShade) darkened where it fails WCAG AA's 4.5:1: on its own light tint (shade 1:
 * teal 4.3:1, green 3.8:1, orange 3.6:1, yellow 2.7:1, lime 3.3:1), under white text (green 4.4:1,
 * orange 4.3:1, yellow 3:1) or on white. The replacements are each at least 4.6:1 on white, on
 * gray 0-1 and on their shades 0-1.
 */
function withShade9(defaults: MantineColorsTuple | undefined, shade9: string): MantineColorsTuple {
  if (defaults === undefined) throw new Error('Mantine has no such default colour');
  const [s0, s1, s2, s3, s4, s5, s6, s7, s8] = defaults;
  return [s0, s1, s2, s3, s4, s5, s6, s7, s8, shade9];
}

export const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 (darkened above where needed) keeps white button text and teal links at 4.5:1 or more
  // on white, as WCAG AA asks; Mantine's default shade 6 gives 2.6:1.
  primaryShade: { light: 9, dark: 7 },
  colors: {
    teal: withShade9(DEFAULT_THEME.colors.teal, '#087956'),
    green: withShade9(DEFAULT_THEME.colors.green, '#257535'),
    orange: withShade9(DEFAULT_THEME.colors.orange, '#b83d0d'),
    yellow: withShade9(DEFAULT_THEME.colors.yellow, '#a15300'),
    lime: withShade9(DEFAULT_THEME.colors.lime, '#4a760a'),
  },
  // Keyboard users always see where focus is; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  defaultRadius: 'sm',
  components: {
    // Mantine's close button on a notification has no name of its own: screen readers would
    // announce only "button" (axe: button-name).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } },
    }),
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
});

/**
 * Darker defaults for small text: "dimmed" gray 6 is 3.3:1 on white (gray 7: 8:1), and field
 * errors in red 6 are 3.3:1 (red 9: 5.6:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolvedTheme.colors.gray[7],
    '--mantine-color-error': resolvedTheme.colors.red[9],
  },
  dark: {},
});
