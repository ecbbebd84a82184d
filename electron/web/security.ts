/** The same policy the desktop window gets: scripts only from the app itself, nothing from the network. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its component styles into <style> tags at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');
}
