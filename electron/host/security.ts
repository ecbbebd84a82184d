import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { isPermissionGranted } from './permissions';

/**
 * No navigation away from the app, no new windows, no webviews, and no permission but the few the app uses
 * (permissions.ts): Chromium checks a permission before it asks for it, so both handlers give the same answer.
 */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      isPermissionGranted(permission, requestingOrigin),
    );
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
      callback(isPermissionGranted(permission, details.requestingUrl)),
    );
  });
}
