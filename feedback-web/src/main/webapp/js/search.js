// Comment search for CX managers: query, filters, facet counts, highlighted snippets and "more" by cursor.
// Everything from the API is inserted as text nodes; a snippet's <mark> highlights are rebuilt as elements,
// never parsed into the page (the API escapes the comment text, and this page trusts nothing else either).
(function () {
  "use strict";

  var call = window.sentioApi("../api/v1/");
  var FILTERS = ["touchpoint", "language", "sentiment", "source", "from", "to"];
  var DIMENSIONS = { touchpoint: "Touchpoint", language: "Language", sentiment: "Sentiment", source: "Source" };
  var next = null;
  var lastQuery = null;
  var generation = 0; // answers of an earlier search or page arriving late are dropped

  function api(path) {
    return call("GET", path).then(function (result) {
      if (result.status === 401) {
        window.location.assign("../login.html?next=" + encodeURIComponent(window.location.pathname));
        return Promise.reject(new Error("signed out"));
      }
      return result;
    });
  }

  var snippet = window.sentioSnippet;

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) { element.className = className; }
    return element;
  }

  /** The query string of the form's current values (empty ones left out). */
  function query() {
    var parts = ["size=20"];
    var q = document.getElementById("q").value.trim();
    if (q) { parts.push("q=" + encodeURIComponent(q)); }
    FILTERS.forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) { parts.push(name + "=" + encodeURIComponent(value)); }
    });
    return parts.join("&");
  }

  function showHits(hits) {
    var list = document.getElementById("hits");
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      li.className = "hit";
      var meta = [hit.date.substring(0, 10), hit.source, hit.touchpoint, hit.language, hit.sentiment];
      li.appendChild(text("div", meta.join(" · "), "muted"));
      li.appendChild(snippet(hit.snippet));
      li.appendChild(text("div", hit.responseId ? "response " + hit.responseId : hit.id, "muted id"));
      list.appendChild(li);
    });
  }

  /** Facet counts; choosing a value sets that filter and searches again. */
  function showFacets(facets) {
    var box = document.getElementById("facets");
    box.replaceChildren();
    Object.keys(DIMENSIONS).forEach(function (dimension) {
      var values = facets[dimension] || {};
      var group = document.createElement("div");
      group.className = "facet";
      group.appendChild(text("h3", DIMENSIONS[dimension]));
      var list = document.createElement("ul");
      list.dataset.dimension = dimension;
      Object.keys(values).forEach(function (value) {
        var li = document.createElement("li");
        var button = text("button", value + " (" + values[value] + ")", "facet-value");
        button.type = "button";
        button.addEventListener("click", function () {
          var field = document.getElementById(dimension);
          field.value = value;
          search();
        });
        li.appendChild(button);
        list.appendChild(li);
      });
      group.appendChild(list);
      box.appendChild(group);
    });
  }

  function show(result, append) {
    var total = document.getElementById("search-total");
    var more = document.getElementById("more");
    if (!result.ok) {
      var problem = result.body || {};
      var field = problem.violations && problem.violations[0] ? problem.violations[0].field + ": " : "";
      total.textContent = problem.detail ? problem.detail : field + "Search failed (" + result.status + ").";
      total.className = "error";
      more.hidden = true;
      return;
    }
    total.className = "muted";
    total.textContent = result.body.total + (result.body.total === 1 ? " comment" : " comments");
    if (!append) {
      document.getElementById("hits").replaceChildren();
      showFacets(result.body.facets);
    }
    showHits(result.body.hits);
    next = result.body.next || null;
    more.hidden = next === null;
  }

  function search() {
    var mine = ++generation;
    lastQuery = query();
    next = null;
    document.getElementById("more").hidden = true;
    api("search/comments?" + lastQuery).then(function (result) {
      if (mine === generation) { show(result, false); }
    });
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  document.getElementById("more").addEventListener("click", function () {
    if (next !== null && lastQuery !== null) {
      var mine = ++generation;
      document.getElementById("more").hidden = true;
      api("search/comments?" + lastQuery + "&after=" + encodeURIComponent(next)).then(function (result) {
        if (mine === generation) { show(result, true); }
      });
    }
  });
  var initial = new URLSearchParams(window.location.search);
  ["q"].concat(FILTERS).forEach(function (name) {
    if (initial.get(name)) { document.getElementById(name).value = initial.get(name); }
  });
  search();
})();
