/**
 * Registers public/sw.js, which keeps the app shell and the reference data for a visit without signal.
 * Browsers allow service workers only in a secure context (https, or localhost / 127.0.0.1 while developing).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
