/*
 * An offline copy that the reader chooses. Without JavaScript, or in a browser without
 * service workers, the controls stay hidden and nothing changes.
 *
 * "Keep on this device" registers the offline worker (offline-worker.js) for this page's
 * address only and asks it to store the pages this page links with data-offline-keep (on
 * the link or around it),
 * with the files they use. On the next visit with a connection, a copy whose pages or
 * published versions differ from what the page lists is kept again. "Remove from this
 * device" deletes every cache of this site and unregisters every worker. Quick exit reads
 * the same mark in localStorage to leave through the address that clears them
 * (quick-exit.js).
 *
 * A page that the worker served from the copy carries data-offline-copy on <html> with
 * the date it was kept: the notice says so. Every text comes from the template.
 */
(function () {
  "use strict";

  var KEPT_MARK = "offline-copy-kept"; // also read by quick-exit.js

  showNoticeOfCopy();

  var controls = document.querySelector("[data-offline-copy]");
  if (!controls || !supported()) return;

  var scope = new URL(controls.getAttribute("data-offline-scope"), window.location.href).href;
  var worker = new URL(controls.getAttribute("data-offline-worker"), window.location.href).href;
  var contentsAddress = new URL("?copy=" + encodeURIComponent(scope), worker).href;
  var keepButton = controls.querySelector("[data-offline-keep-button]");
  var removeButton = controls.querySelector("[data-offline-remove-button]");
  var status = controls.querySelector("[data-offline-status]");

  function supported() {
    return window.isSecureContext && "serviceWorker" in navigator && "caches" in window;
  }

  function text(name, date) {
    var template = controls.getAttribute("data-text-" + name) || "";
    return template.replace("%s", date ? formatDate(date) : "");
  }

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    return date.toLocaleDateString(document.documentElement.lang || undefined, {
      day: "numeric",
      month: "long",
      year: "numeric",
    });
  }

  function showNoticeOfCopy() {
    var keptAt = document.documentElement.getAttribute("data-offline-copy");
    var notice = document.querySelector("[data-offline-notice]");
    if (keptAt === null || !notice) return;
    notice.textContent = (notice.getAttribute("data-template") || "").replace(
      "%s",
      formatDate(keptAt)
    );
    notice.hidden = false;
  }

  // What this page offers to keep: itself and the pages it marks, inside its scope.
  function wanted() {
    var urls = [scope];
    document.querySelectorAll("a[data-offline-keep], [data-offline-keep] a").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      url.hash = "";
      if (url.href.indexOf(scope) === 0 && urls.indexOf(url.href) === -1) urls.push(url.href);
    });
    return urls;
  }

  function versionOf(urls) {
    return controls.getAttribute("data-offline-version") + " " + urls.slice().sort().join(" ");
  }

  function storedContents() {
    return caches
      .match(contentsAddress)
      .then(function (response) {
        return response ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  function activeWorker() {
    return navigator.serviceWorker
      .register(worker, { scope: scope })
      .then(function (registration) {
        var candidate = registration.installing || registration.waiting || registration.active;
        if (candidate.state === "activated") return candidate;
        return new Promise(function (resolve) {
          candidate.addEventListener("statechange", function () {
            if (candidate.state === "activated") resolve(candidate);
          });
        });
      });
  }

  function keep() {
    var urls = wanted();
    var version = versionOf(urls);
    return activeWorker().then(function (active) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.kept) {
            markKept();
            resolve(event.data.keptAt);
          } else {
            reject(new Error("not kept"));
          }
        };
        active.postMessage({ action: "keep", urls: urls, version: version }, [channel.port2]);
      });
    });
  }

  function markKept() {
    try {
      window.localStorage.setItem(KEPT_MARK, "1");
    } catch (blocked) {
      // Without storage quick exit still leaves at once; the copy stays until removed.
    }
  }

  function removeEverything() {
    try {
      window.localStorage.removeItem(KEPT_MARK);
    } catch (blocked) {
      // nothing was stored
    }
    return Promise.all([
      caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) {
          return caches.delete(name);
        }));
      }),
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) {
          return registration.unregister();
        }));
      }),
    ]);
  }

  function show(kept, message) {
    controls.hidden = false;
    keepButton.hidden = kept;
    removeButton.hidden = !kept;
    keepButton.disabled = false;
    removeButton.disabled = false;
    status.textContent = message;
  }

  function keepAndShow(busyMessage) {
    keepButton.disabled = true;
    status.textContent = busyMessage;
    return keep().then(
      function (keptAt) {
        show(true, text("kept", keptAt));
      },
      function () {
        storedContents().then(function (contents) {
          show(Boolean(contents), text("failed"));
        });
      }
    );
  }

  keepButton.addEventListener("click", function () {
    keepAndShow(text("keeping"));
  });

  removeButton.addEventListener("click", function () {
    removeButton.disabled = true;
    removeEverything().then(
      function () {
        show(false, text("removed"));
        keepButton.focus();
      },
      function () {
        show(true, text("failed"));
      }
    );
  });

  storedContents().then(function (contents) {
    if (!contents) {
      show(false, "");
      return;
    }
    show(true, text("kept", contents.keptAt));
    var current = wanted();
    if (navigator.onLine && contents.version !== versionOf(current)) {
      keepAndShow(text("updating"));
    }
  });
})();
