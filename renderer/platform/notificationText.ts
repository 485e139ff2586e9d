/** The longest notification title or body that Gapbridge sends to the system (and the IPC accepts). */
export const MAX_NOTIFICATION_TEXT = 500;

/**
 * Text cut to fit a notification: whole characters (graphemes) and an ellipsis. A reminder is
 * shortened for display, never refused for its length.
 */
export function fitNotificationText(text: string, maximum = MAX_NOTIFICATION_TEXT): string {
  if (text.length <= maximum) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (kept.length + segment.length > maximum - 1) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}
