import { APP_HOST, APP_SCHEME } from '../../renderer/platform/contract';

/** True for an address on the app's own origin (app://gapbridge), parsed, never string-matched. */
export function isAppUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}
