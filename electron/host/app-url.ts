/** The app's own pages are served under app://chitieu/ (main.ts); anything else is a stranger. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://chitieu`;

export function isAppUrl(url: string | undefined): boolean {
  return url !== undefined && (url === appOrigin || url.startsWith(`${appOrigin}/`));
}
