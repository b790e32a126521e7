// The pages' one way to call the Sentio API: JSON in and out, the header that cookie-signed requests need
// (X-Requested-With), and problem documents kept as parsed JSON for the caller to show.
(function () {
  "use strict";
  /** Returns call(method, path, body) -> Promise<{ok, status, body}> against the API at `base`. */
  window.sentioApi = function (base) {
    return function (method, path, body) {
      return fetch(base + path, {
        method: method,
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-Requested-With": "fetch" },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin"
      }).then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { ok: response.ok, status: response.status, body: json };
        });
      });
    };
  };
})();
