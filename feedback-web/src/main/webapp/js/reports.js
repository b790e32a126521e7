// Touchpoint reports: satisfaction index, NPS, paths, trend, key terms and comment search for one touchpoint.
// Values from the API are inserted as text; comment snippets keep only their <mark> highlights.
(function () {
  "use strict";

  var call = window.sentioApi("../api/v1/");
  var charts = {};

  function api(method, path) {
    return call(method, path).then(function (result) {
      if (result.status === 401) {
        window.location.assign("../login.html?next=" + encodeURIComponent(window.location.pathname));
        return Promise.reject(new Error("signed out"));
      }
      return result;
    });
  }

  function fixed(value, digits) {
    return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
  }

  function interval(ci, digits) {
    return ci && ci.length === 2 && ci[0] !== null ? " [" + fixed(ci[0], digits) + ", " + fixed(ci[1], digits) + "]" : "";
  }

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text;
    if (className) { td.className = className; }
    row.appendChild(td);
  }

  var snippet = window.sentioSnippet;

  function chart(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function showReport(touchpoint) {
    var tp = encodeURIComponent(touchpoint);
    document.getElementById("report").hidden = false;
    document.getElementById("report-touchpoint").textContent = touchpoint;
    api("GET", "touchpoints/" + tp + "/report").then(function (result) {
      var r = result.body;
      document.getElementById("responses").textContent = r.responses;
      var acsi = r.acsi || {};
      document.getElementById("acsi").textContent = fixed(acsi.index, 1) + interval(acsi.ci95, 1);
      var nps = r.nps || {};
      document.getElementById("nps").textContent = fixed(nps.score, 1) + interval(nps.ci95, 1);
      document.getElementById("gap").textContent = fixed(r.expectationGap, 1);
      var warnings = document.getElementById("warnings");
      warnings.textContent = "";
      (r.warnings || []).concat(acsi.warnings || []).forEach(function (w) {
        var li = document.createElement("li");
        li.textContent = w;
        warnings.appendChild(li);
      });
      var indexes = acsi.indexes || {};
      chart("indexes-chart", { type: "bar", data: { labels: Object.keys(indexes),
        datasets: [{ label: "index (0–100)", data: Object.keys(indexes).map(function (k) { return indexes[k]; }),
          backgroundColor: "#457b9d" }] }, options: { scales: { y: { min: 0, max: 100 } } } });
      var paths = document.querySelector("#paths tbody");
      paths.textContent = "";
      (acsi.paths || []).forEach(function (p) {
        var row = document.createElement("tr");
        cell(row, p.from);
        cell(row, p.to);
        cell(row, fixed(p.coefficient, 3), "num");
        cell(row, interval(p.ci95, 3), "num");
        paths.appendChild(row);
      });
    });
    api("GET", "touchpoints/" + tp + "/trend?period=month").then(function (result) {
      var series = result.body && result.body.series ? result.body.series : [];
      chart("trend-chart", { type: "line", data: { labels: series.map(function (p) { return p.period; }), datasets: [
        { label: "ACSI", data: series.map(function (p) { return p.acsi ? p.acsi.index : null; }), borderColor: "#1d3557" },
        { label: "NPS", data: series.map(function (p) { return p.nps ? p.nps.score : null; }), borderColor: "#e63946" }
      ] } });
    });
    api("GET", "touchpoints/" + tp + "/terms?size=15").then(function (result) {
      var terms = result.ok && result.body ? result.body.terms : [];
      document.getElementById("terms").textContent = terms.length
        ? terms.map(function (t) { return t.term + " (" + t.count + ")"; }).join(" · ") : "No distinctive terms yet.";
    });
    search(touchpoint, "");
  }

  function search(touchpoint, q) {
    var path = "search/comments?size=20&touchpoint=" + encodeURIComponent(touchpoint) + (q ? "&q=" + encodeURIComponent(q) : "");
    api("GET", path).then(function (result) {
      var list = document.getElementById("comments");
      list.textContent = "";
      if (!result.ok) {
        document.getElementById("search-total").textContent = result.body && result.body.detail ? result.body.detail : "Search failed.";
        return;
      }
      document.getElementById("search-total").textContent = result.body.total + " comments";
      result.body.hits.forEach(function (hit) {
        var li = document.createElement("li");
        li.appendChild(snippet(hit.snippet));
        var meta = document.createElement("span");
        meta.className = "muted";
        meta.textContent = " — " + hit.language + ", " + hit.sentiment + ", " + hit.date.substring(0, 10);
        li.appendChild(meta);
        list.appendChild(li);
      });
    });
  }

  var current = null;
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    if (current) { search(current, document.getElementById("q").value); }
  });

  api("GET", "touchpoints").then(function (result) {
    var tbody = document.querySelector("#touchpoints tbody");
    (result.body || []).forEach(function (t) {
      var row = document.createElement("tr");
      row.dataset.touchpoint = t.touchpoint;
      cell(row, t.touchpoint);
      cell(row, t.responses, "num");
      cell(row, fixed(t.acsi, 1), "num");
      cell(row, fixed(t.nps, 1), "num");
      cell(row, t.lastDay || "");
      row.addEventListener("click", function () {
        Array.prototype.forEach.call(tbody.children, function (r) { r.classList.remove("selected"); });
        row.classList.add("selected");
        current = t.touchpoint;
        showReport(t.touchpoint);
      });
      tbody.appendChild(row);
    });
    document.body.dataset.ready = "true";
  });
})();
