/*
 * Loaded in <head> of every page, before it is first drawn: the `js` class on <html> lets
 * the style sheet keep room for what scripts add later (the urgent banner's Hide button),
 * so nothing moves when they do (no layout shift). Without JavaScript nothing changes.
 */
document.documentElement.classList.add("js");
// Where an offline copy can be kept, its controls will show (offline.js): keep their place.
if (window.isSecureContext && "serviceWorker" in navigator && "caches" in window) {
  document.documentElement.classList.add("offline-capable");
}
