// MotCua: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  var meta = function (n) { var m = document.querySelector('meta[name="' + n + '"]'); return m ? m.content : null; };
  // CSRF token on every htmx request
  document.addEventListener("htmx:configRequest", function (e) {
    var h = meta("_csrf_header"), t = meta("_csrf");
    if (h && t) { e.detail.headers[h] = t; }
  });
  // Uploads checked before sending (issue 18): <input type=file data-max-bytes=... accept=... data-too-large=...
  // data-bad-type=...>. A file too large or of a type not taken is never sent: the input is emptied, the message
  // shown in red next to the field (GOV.UK error message) and the form's submit lists it in an error summary.
  // The server checks again (by content) and stays the authority.
  var fieldError = function (input, text) {
    var id = "error-" + input.id, span = document.getElementById(id);
    if (!text) {
      if (span) { span.hidden = true; span.textContent = ""; }
      input.removeAttribute("aria-invalid");
      delete input.dataset.clientError;
      return;
    }
    if (!span) {
      span = document.createElement("span");
      span.id = id;
      span.className = "field-error";
      input.parentNode.insertBefore(span, input);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (described.indexOf(id) < 0) { described.push(id); input.setAttribute("aria-describedby", described.join(" ")); }
    }
    span.hidden = false;
    span.textContent = text;
    input.setAttribute("aria-invalid", "true");
  };
  // The accept attribute's entries are extensions (".pdf"), media types ("application/pdf") or wildcards
  // ("image/*"), as in HTML: a file is taken when one entry matches. A phone that sends no type (or
  // application/octet-stream) is judged by the file's extension alone.
  var TYPES = { ".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                ".csv": "text/csv", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
  var acceptable = function (input, file) {
    var accept = (input.getAttribute("accept") || "").toLowerCase().split(",").map(function (a) { return a.trim(); }).filter(Boolean);
    if (!accept.length) { return true; }
    var name = file.name.toLowerCase(), dot = name.lastIndexOf(".");
    var ext = dot < 0 ? "" : name.substring(dot);
    var type = (file.type || "").toLowerCase();
    if (!type || type === "application/octet-stream") { type = TYPES[ext] || ""; }
    return accept.some(function (a) {
      if (a.charAt(0) === ".") { return a === ext; }
      if (a.slice(-2) === "/*") { return type.indexOf(a.slice(0, -1)) === 0; }
      return a === type;
    });
  };
  var page = function (key, fallback) { return (document.body && document.body.dataset[key]) || fallback; };
  var checkFile = function (input) {
    var file = input.files[0];
    var max = parseInt(input.dataset.maxBytes || "0", 10);
    var problem = null;
    if (max > 0 && file.size > max) {
      problem = input.dataset.tooLarge || "Too large";
    } else if (file.size === 0) {
      problem = input.dataset.empty || page("uploadEmpty", "Empty");
    } else if (!acceptable(input, file)) {
      problem = input.dataset.badType || page("uploadBadType", "Type not accepted");
    }
    if (problem) {
      fieldError(input, "\u201C" + file.name + "\u201D: " + problem);
      input.dataset.clientError = "true";
      input.value = "";                       // never sent, not even by the no-JavaScript fallback
      var target = document.getElementById(input.dataset.target);
      if (target) { target.value = ""; }
      var progress = document.getElementById(input.dataset.progress);
      if (progress) { progress.hidden = true; progress.value = 0; }
      var status = document.getElementById(input.dataset.status);
      if (status) { status.textContent = ""; }
      return false;
    }
    fieldError(input, null);
    return true;
  };
  // On submit, the fields found wrong before sending are listed at the top, each a link to its field.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    var wrong = Array.prototype.slice.call(form.querySelectorAll("input[type=file][data-client-error]"));
    if (!wrong.length) { return; }
    e.preventDefault();
    var summary = form.querySelector(".error-summary.client");
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "error-summary client";
      summary.setAttribute("role", "alert");
      summary.tabIndex = -1;
      form.insertBefore(summary, form.firstChild);
    }
    summary.textContent = "";
    var h = document.createElement("h2");
    h.textContent = form.dataset.errorsTitle
      || (document.documentElement.lang === "en" ? "There is a problem" : "Vui l\u00F2ng s\u1EEDa c\u00E1c l\u1ED7i sau");
    summary.appendChild(h);
    var ul = document.createElement("ul");
    wrong.forEach(function (input) {
      var label = form.querySelector("label[for='" + input.id + "']");
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + input.id;
      a.textContent = (label ? label.textContent.replace(/\s+/g, " ").trim() + ": " : "")
        + document.getElementById("error-" + input.id).textContent;
      li.appendChild(a);
      ul.appendChild(li);
    });
    summary.appendChild(ul);
    summary.focus();
  });
  // Uploads with a progress bar: <input type=file data-upload-url=... data-target=hiddenInputId data-progress=progressId>
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[type=file]") || !input.files.length) { return; }
    if (!checkFile(input) || !input.matches("[data-upload-url]")) { return; }
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
        if (status) { status.textContent = (input.dataset.okText || "\u2713") + " " + body.name; }
        fieldError(input, null);
      } else {
        if (target) { target.value = ""; }
        if (progress) { progress.hidden = true; }
        if (status) { status.textContent = ""; }
        var msg = body.errors && body.errors.length ? body.errors[0].message : (body.detail || xhr.statusText);
        fieldError(input, "\u201C" + file.name + "\u201D: " + msg);
        input.dataset.clientError = "true";
        input.value = "";
      }
    };
    xhr.send(data);
  });
})();
