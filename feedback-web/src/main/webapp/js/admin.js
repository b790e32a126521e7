// Survey dashboard: deploy templates to touchpoints and follow the deployments.
// Everything shown comes from the API and is inserted as text, never as HTML.
(function () {
  "use strict";

  var call = window.sentioApi("../api/v1/");

  /** Calls the API; a lapsed sign-in goes back to the sign-in page. */
  function api(method, path, body) {
    return call(method, path, body).then(function (result) {
      if (result.status === 401) {
        window.location.assign("../login.html?next=" + encodeURIComponent(window.location.pathname));
        return Promise.reject(new Error("signed out"));
      }
      return result;
    });
  }

  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function problemText(body) {
    if (!body) { return "failed"; }
    var text = body.detail || body.title || "failed";
    if (body.violations) {
      text += ": " + body.violations.map(function (v) { return v.field + " " + v.reason; }).join("; ");
    }
    return text;
  }

  function loadTemplates() {
    return api("GET", "templates").then(function (result) {
      var select = document.getElementById("template");
      result.body.forEach(function (t) {
        var option = document.createElement("option");
        option.value = t.id;
        option.textContent = t.id + " — " + t.title;
        select.appendChild(option);
      });
    });
  }

  function loadDeployments() {
    return api("GET", "deployments").then(function (result) {
      var tbody = document.querySelector("#deployments tbody");
      tbody.textContent = "";
      result.body.forEach(function (d) {
        var row = document.createElement("tr");
        row.dataset.id = d.id;
        cell(row, d.title);
        cell(row, d.template + " v" + d.templateVersion);
        cell(row, d.touchpoint);
        cell(row, d.mode);
        cell(row, d.status);
        cell(row, d.responseCount, "num");
        var linkCell = cell(row, "");
        if (d.mode === "anonymous") {
          var a = document.createElement("a");
          a.href = d.link;
          a.textContent = "open";
          a.className = "respondent-link";
          a.target = "_blank";
          a.rel = "noopener";
          linkCell.appendChild(a);
        }
        var actions = cell(row, "");
        if (d.status === "open") {
          var close = document.createElement("button");
          close.type = "button";
          close.textContent = "Close";
          close.addEventListener("click", function () {
            api("POST", "deployments/" + encodeURIComponent(d.id) + "/close").then(loadDeployments);
          });
          actions.appendChild(close);
        }
        tbody.appendChild(row);
      });
    });
  }

  document.getElementById("deploy").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var languages = Array.prototype.filter.call(form.querySelectorAll("input[name=languages]"), function (c) {
      return c.checked;
    }).map(function (c) { return c.value; });
    api("POST", "deployments", {
      template: form.template.value,
      title: form.title.value || null,
      touchpoint: form.touchpoint.value,
      channel: form.channel.value,
      mode: form.mode.value,
      languages: languages
    }).then(function (result) {
      var message = document.getElementById("deploy-message");
      if (result.ok) {
        message.className = "";
        message.textContent = "Deployed: " + result.body.link;
        loadDeployments();
      } else {
        message.className = "error";
        message.textContent = problemText(result.body);
      }
    });
  });

  document.getElementById("sign-out").addEventListener("click", function () {
    api("DELETE", "session").then(function () { window.location.assign("../login.html"); });
  });

  api("GET", "session").then(function (result) {
    if (result.ok) { document.getElementById("whoami").textContent = result.body.user; }
  });
  loadTemplates().then(loadDeployments);
})();
