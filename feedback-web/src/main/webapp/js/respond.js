// Respondent page: shows one deployment's survey with SurveyJS and submits it to the collection API.
// Every submission carries an id generated here and kept in sessionStorage, so a retry (network error,
// double click, reload after submit) is recognised by the server and never stored twice.
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var deploymentId = params.get("d");
  var token = params.get("t");
  var statusBox = document.getElementById("status");

  // Sentio language tags -> SurveyJS locale codes ("" is the default locale, English).
  var SURVEYJS_LOCALE = { "en": "", "zh-CN": "zh-cn", "zh-TW": "zh-tw" };
  var LABELS = {
    "en": { language: "Language", names: { "en": "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" },
            saveLater: "Save and continue later", saved: "Saved. Open your invitation link again to continue.",
            sending: "Sending your answers…", failed: "Your answers could not be sent: ", retry: "Please try again.",
            closed: "This survey is not open.", missing: "This survey link is incomplete." },
    "zh-CN": { language: "语言", names: { "en": "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" },
            saveLater: "保存，稍后继续", saved: "已保存。再次打开邀请链接即可继续。",
            sending: "正在提交您的回答…", failed: "您的回答未能提交：", retry: "请重试。",
            closed: "本调查当前未开放。", missing: "调查链接不完整。" },
    "zh-TW": { language: "語言", names: { "en": "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" },
            saveLater: "儲存，稍後繼續", saved: "已儲存。再次開啟邀請連結即可繼續。",
            sending: "正在提交您的回答…", failed: "您的回答未能提交：", retry: "請重試。",
            closed: "本調查目前未開放。", missing: "調查連結不完整。" }
  };

  function show(message, isError) {
    statusBox.textContent = message;
    statusBox.className = isError ? "error" : "";
  }

  function labels(language) {
    return LABELS[language] || LABELS.en;
  }

  /** The language to start in: ?lang= if offered, else the browser's preference, else the first offered. */
  function pickLanguage(offered) {
    var wanted = [params.get("lang")].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var tag = wanted[i];
      if (!tag) { continue; }
      var lower = tag.toLowerCase();
      var candidate = lower.indexOf("zh") === 0
        ? (/^zh-(tw|hk|mo|hant)/.test(lower) ? "zh-TW" : "zh-CN")
        : (lower.indexOf("en") === 0 ? "en" : tag);
      if (offered.indexOf(candidate) >= 0) { return candidate; }
    }
    return offered[0];
  }

  /** A v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function responseId() {
    var key = "sentio.response." + deploymentId + "." + (token || "");
    var id = sessionStorage.getItem(key);
    if (!id) {
      id = uuid();
      sessionStorage.setItem(key, id);
    }
    return id;
  }

  function problemText(body) {
    if (!body) { return ""; }
    var text = body.detail || body.title || "";
    if (body.violations && body.violations.length) {
      text += " (" + body.violations.map(function (v) { return v.field + ": " + v.reason; }).join("; ") + ")";
    }
    return text;
  }

  var api = window.sentioApi("api/v1/");

  /** Submits with retries on network errors and 5xx; the same id each time keeps it idempotent. */
  function submit(language, answers, attempt) {
    var body = { id: responseId(), language: language, answers: answers };
    if (token) { body.token = token; }
    return api("POST", "deployments/" + encodeURIComponent(deploymentId) + "/responses", body)
      .then(function (result) {
        if (result.status >= 500 && attempt < 3) { return retryLater(language, answers, attempt); }
        return result;
      }, function () {
        if (attempt < 3) { return retryLater(language, answers, attempt); }
        return { ok: false, status: 0, body: null };
      });
  }

  function retryLater(language, answers, attempt) {
    return new Promise(function (resolve) { setTimeout(resolve, 500 * (attempt + 1)); })
      .then(function () { return submit(language, answers, attempt + 1); });
  }

  // Sentio's measurement metadata on questions and surveys; declared so SurveyJS keeps it without warnings.
  ["construct", "measure", "aspect", "scaleMin:number", "scaleMax:number"].forEach(function (name) {
    Survey.Serializer.addProperty("question", { name: name, visible: false });
  });
  Survey.Serializer.addProperty("survey", { name: "sentio", visible: false });

  function start(form) {
    var language = pickLanguage(form.languages);
    var survey = new Survey.Model(form.survey);
    survey.locale = SURVEYJS_LOCALE[language] || "";
    survey.checkErrorsMode = "onValueChanged";
    survey.textUpdateMode = "onTyping";
    if (form.progress && Object.keys(form.progress).length) { survey.data = form.progress; }
    document.documentElement.lang = language;

    var select = document.getElementById("language");
    if (form.languages.length > 1) {
      form.languages.forEach(function (code) {
        var option = document.createElement("option");
        option.value = code;
        option.textContent = labels(language).names[code] || code;
        option.selected = code === language;
        select.appendChild(option);
      });
      select.parentElement.hidden = false;
    }
    function relabel() {
      var l = labels(language);
      document.getElementById("language-label").textContent = l.language;
      document.getElementById("save-button").textContent = l.saveLater;
    }
    relabel();
    select.addEventListener("change", function () {
      language = select.value;
      survey.locale = SURVEYJS_LOCALE[language] || "";
      document.documentElement.lang = language;
      relabel();
    });

    survey.onComplete.add(function (sender, options) {
      options.showSaveInProgress(labels(language).sending);
      document.getElementById("save-later").hidden = true;
      submit(language, sender.data, 0).then(function (result) {
        if (result.ok) {
          options.showSaveSuccess();
          document.body.dataset.submitted = "true";
        } else {
          options.showSaveError(labels(language).failed + (problemText(result.body) || labels(language).retry));
          document.body.dataset.submitted = "error";
        }
      });
    });

    if (token) {
      var saveBox = document.getElementById("save-later");
      saveBox.hidden = false;
      document.getElementById("save-button").addEventListener("click", function () {
        api("PUT", "deployments/" + encodeURIComponent(deploymentId) + "/progress?t=" + encodeURIComponent(token),
            { answers: survey.data }).then(function (result) {
          document.getElementById("save-status").textContent = result.ok
            ? labels(language).saved : labels(language).failed + problemText(result.body);
        });
      });
    }

    SurveyUI.renderSurvey(survey, document.getElementById("survey"));
    document.body.dataset.ready = "true";
  }

  if (!deploymentId) {
    show(labels(pickLanguage(["en", "zh-CN", "zh-TW"])).missing, true);
    return;
  }
  var formPath = "deployments/" + encodeURIComponent(deploymentId) + "/form" + (token ? "?t=" + encodeURIComponent(token) : "");
  api("GET", formPath).then(function (result) {
    if (!result.ok) {
      var l = labels(pickLanguage(["en", "zh-CN", "zh-TW"]));
      show(result.status === 409 ? l.closed : (problemText(result.body) || l.missing), true);
      return;
    }
    start(result.body);
  }, function () {
    show(labels(pickLanguage(["en", "zh-CN", "zh-TW"])).retry, true);
  });
})();
