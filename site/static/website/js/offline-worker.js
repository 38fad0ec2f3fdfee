/*
 * The offline copy's service worker, registered only when a reader presses "Keep on this
 * device" (offline.js), once per kept booklet or alert list: its scope is that page's
 * address, so it never controls the alert line, the quiz, search or the admin.
 *
 * - Every request that is not a GET, or goes to another origin, passes through untouched.
 * - Pages inside the scope come from the network first; a kept page that loads is stored
 *   again (the newer published version replaces the copy). Without a connection the kept
 *   copy is shown, marked with the date it was kept; a page that was not kept fails as the
 *   browser fails without a connection.
 * - Style sheets, scripts and images that kept pages use come from the copy.
 *
 * Served by website.offline at /offline-worker.js with `Cache-Control: no-cache`; VERSION
 * is replaced there by a digest of this file, so a changed worker installs itself, takes
 * the copy over into its own cache and deletes the old ones.
 */
"use strict";

var VERSION = "unversioned";
var PREFIX = "offline-copy ";
var SCOPE = self.registration.scope; // absolute, ends with "/"
var CACHE = PREFIX + VERSION + " " + SCOPE;
// What the copy holds (its pages and the version they were kept at), stored beside them
// under an address no page asks for; offline.js reads it to show the copy's state.
var CONTENTS = new URL("?copy=" + encodeURIComponent(SCOPE), self.location.href).href;
var KEPT_AT = "X-Offline-Kept-At";
var SUBRESOURCES = ["style", "script", "image", "font"];

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(takeOverOlderCopies().then(function () {
    return self.clients.claim();
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.href.indexOf(SCOPE) === 0) {
    event.respondWith(networkFirst(request));
  } else if (SUBRESOURCES.indexOf(request.destination) !== -1) {
    event.respondWith(copyFirst(request));
  }
});

self.addEventListener("message", function (event) {
  var message = event.data || {};
  var port = event.ports[0];
  if (message.action !== "keep" || !port) return;
  event.waitUntil(
    keep(message.urls || [], message.version || "").then(
      function (keptAt) {
        port.postMessage({ kept: true, keptAt: keptAt });
      },
      function () {
        port.postMessage({ kept: false });
      }
    )
  );
});

async function takeOverOlderCopies() {
  var names = await caches.keys();
  var ours = names.filter(function (name) {
    return name !== CACHE && name.indexOf(PREFIX) === 0 && name.endsWith(" " + SCOPE);
  });
  if (!ours.length) return;
  var cache = await caches.open(CACHE);
  for (var name of ours) {
    var older = await caches.open(name);
    for (var request of await older.keys()) {
      await cache.put(request, await older.match(request));
    }
    await caches.delete(name);
  }
}

async function networkFirst(request) {
  var cache = await caches.open(CACHE);
  var kept = await cache.match(request, { ignoreVary: true });
  var response;
  try {
    response = await fetch(request);
  } catch (offline) {
    if (kept) return markedAsCopy(kept);
    throw offline;
  }
  if (kept && response.status === 200 && !response.redirected) {
    await cache.put(request, await stamped(response.clone(), new Date().toISOString()));
  }
  return response;
}

async function copyFirst(request) {
  var cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreVary: true })) || fetch(request);
}

// The page says it is the kept copy, and of when: offline.js shows that to the reader.
async function markedAsCopy(response) {
  var type = response.headers.get("Content-Type") || "";
  if (type.indexOf("text/html") !== 0) return response;
  var keptAt = response.headers.get(KEPT_AT) || "";
  var html = (await response.text()).replace(
    "<html ",
    '<html data-offline-copy="' + keptAt.replace(/[^0-9TZ:.-]/g, "") + '" '
  );
  return new Response(html, { status: 200, headers: response.headers });
}

// A stored answer is rebuilt with the date it was kept (a rebuilt answer is also never
// marked as redirected, which a browser refuses for a navigation).
async function stamped(response, keptAt) {
  var headers = new Headers(response.headers);
  headers.set(KEPT_AT, keptAt);
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: headers,
  });
}

// Fetches every page first and stores them only when all arrived: a copy is whole or the
// previous copy stays as it was.
async function keep(urls, version) {
  var keptAt = new Date().toISOString();
  var pages = urls.filter(function (url) {
    return new URL(url, SCOPE).href.indexOf(SCOPE) === 0;
  });
  var answers = new Map();
  var subresources = new Set();
  for (var url of pages) {
    var response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
    if (!response.ok) throw new Error("Not kept: " + url);
    if ((response.headers.get("Content-Type") || "").indexOf("text/html") === 0) {
      subresourcesOf(await response.clone().text(), response.url).forEach(function (found) {
        subresources.add(found);
      });
    }
    answers.set(new URL(url, SCOPE).href, await stamped(response, keptAt));
  }
  for (var address of subresources) {
    if (answers.has(address)) continue;
    try {
      var file = await fetch(address, { credentials: "same-origin" });
      if (file.ok) answers.set(address, await stamped(file, keptAt));
    } catch (unreachable) {
      // A missing image leaves a gap in the copy, not a copy refused.
    }
  }
  var cache = await caches.open(CACHE);
  for (var [key, answer] of answers) {
    await cache.put(key, answer);
  }
  var contents = { version: version, keptAt: keptAt, pages: pages };
  await cache.put(CONTENTS, new Response(JSON.stringify(contents), {
    headers: { "Content-Type": "application/json" },
  }));
  for (var stored of await cache.keys()) {
    if (stored.url !== CONTENTS && !answers.has(stored.url)) await cache.delete(stored);
  }
  return keptAt;
}

// The files a page of this site loads: its style sheets and icons, scripts and images
// (every size an image offers, since the one a screen picks can change). Only this
// site's own files are kept.
var TAG = /<(img|source|script|link)\b[^>]*>/gi;
var ATTRIBUTE = /\s([a-z-]+)="([^"]*)"/gi;

function subresourcesOf(html, base) {
  var found = [];
  for (var tag of html.matchAll(TAG)) {
    var attributes = {};
    for (var attribute of tag[0].matchAll(ATTRIBUTE)) {
      attributes[attribute[1].toLowerCase()] = attribute[2].replace(/&amp;/g, "&");
    }
    var candidates = [];
    if (tag[1].toLowerCase() === "link") {
      if (/\b(stylesheet|icon)\b/.test(attributes.rel || "")) candidates.push(attributes.href);
    } else {
      candidates.push(attributes.src);
      (attributes.srcset || "").split(",").forEach(function (candidate) {
        candidates.push(candidate.trim().split(/\s+/)[0]);
      });
    }
    candidates.forEach(function (candidate) {
      if (!candidate) return;
      var url = new URL(candidate, base);
      if (url.origin === self.location.origin) found.push(url.href);
    });
  }
  return found;
}
