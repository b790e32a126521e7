// The pages' one way to call the Sentio API: JSON in and out, the header that cookie-signed requests need
// (X-Requested-With), and problem documents kept as parsed JSON for the caller to show; and their one way to show
// a search snippet.
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

  /**
   * A search snippet is HTML-escaped text with <mark> tags: rebuilt from text nodes and marks only, so nothing
   * else in it can ever become markup (DOMParser does not run scripts; only text and <mark> are copied).
   */
  window.sentioSnippet = function (html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var out = document.createElement("span");
    out.className = "snippet";
    (function copy(from, to) {
      Array.prototype.forEach.call(from.childNodes, function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.textContent));
        } else if (node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          copy(node, mark);
          to.appendChild(mark);
        } else {
          copy(node, to);
        }
      });
    })(parsed, out);
    return out;
  };
})();
