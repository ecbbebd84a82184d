import { isAppUrl } from './app-url';

/**
 * What the ChiTieu window may ask of Chromium. The only web permission the UI uses is writing text to the
 * clipboard (Báo cáo: "Sao chép"); reading the clipboard, camera, microphone, location, notifications, USB,
 * serial and the rest stay refused, and nothing at all is granted to a page that is not the app's own.
 */
const permissionsOfTheApp: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** `from`: the URL (or origin) of the page asking. */
export function isPermissionGranted(permission: string, from: string | undefined): boolean {
  return permissionsOfTheApp.has(permission) && isAppUrl(from);
}
