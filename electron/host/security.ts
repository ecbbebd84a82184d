import { app, session, type WebContents } from 'electron';

export const appScheme = 'app';
export const appOrigin = `${appScheme}://chitieu`;

export function isAppUrl(url: string | undefined): boolean {
  return url !== undefined && (url === appOrigin || url.startsWith(`${appOrigin}/`));
}

/** No navigation away from the app, no new windows, no webviews, no permission prompts. */
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
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  });
}
