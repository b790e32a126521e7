// Sign-in page: trades user name and password for a session cookie, then goes where the user was headed.
(function () {
  "use strict";
  var form = document.getElementById("sign-in");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch("api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Requested-With": "fetch" },
      body: JSON.stringify({ user: form.user.value, password: form.password.value }),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        var next = new URLSearchParams(window.location.search).get("next") || "";
        // Only same-site paths: an open redirect would let a phishing link bounce through Sentio.
        window.location.assign(/^\/[^\/\\]/.test(next) ? next : "admin/index.html");
      } else {
        document.getElementById("message").textContent = "Wrong user name or password.";
      }
    });
  });
})();
