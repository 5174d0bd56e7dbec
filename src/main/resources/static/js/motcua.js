// MotCua: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  var meta = function (n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; };
  // CSRF token on every htmx request
  document.addEventListener("htmx:configRequest", function (e) {
    var h = meta("_csrf_header"), t = meta("_csrf");
    if (h && t) { e.detail.headers[h] = t; }
  });
  // Uploads with a progress bar: <input type=file data-upload-url=... data-target=hiddenInputId data-progress=progressId>
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[type=file][data-upload-url]") || !input.files.length) { return; }
    var file = input.files[0];
    var progress = document.getElementById(input.dataset.progress);
    var status = document.getElementById(input.dataset.status);
    var target = document.getElementById(input.dataset.target);
    var data = new FormData();
    data.append("file", file);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", input.dataset.uploadUrl);
    var h = meta("_csrf_header"), t = meta("_csrf");
    if (h && t) { xhr.setRequestHeader(h, t); }
    xhr.setRequestHeader("Accept", "application/json");
    if (progress) { progress.hidden = false; progress.value = 0; }
    xhr.upload.onprogress = function (ev) { if (progress && ev.lengthComputable) { progress.value = Math.round(100 * ev.loaded / ev.total); } };
    xhr.onload = function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (target) { target.value = body.fileId; }
        // uploaded already: the no-JavaScript fallback must not send the file a second time
        if (input.name) { input.dataset.name = input.name; input.removeAttribute("name"); }
        if (status) { status.textContent = (input.dataset.okText || "✓") + " " + body.name; }
        input.removeAttribute("aria-invalid");
      } else {
        if (target) { target.value = ""; }
        var msg = body.errors && body.errors.length ? body.errors[0].message : (body.detail || xhr.statusText);
        if (status) { status.textContent = msg; }
        input.setAttribute("aria-invalid", "true");
      }
    };
    xhr.send(data);
  });
  // Charts: <div class="chart" data-chart='{"...echarts option..."}'> when echarts is on the page
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      try { window.echarts.init(el).setOption(JSON.parse(el.dataset.chart)); } catch (err) { el.textContent = ""; }
    });
  });
})();
