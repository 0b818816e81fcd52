// The Content-Security-Policy for the app's pages. The Electron shell derives its own from this
// (adding its media scheme), so the two hosts never drift apart.
export const SERVE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "media-src 'self' blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
  "frame-ancestors 'none'", "form-action 'none'",
].join('; ');
