// Shows the 委托书 fields only for 受委托组织, and confirms dangerous actions.
document.addEventListener('DOMContentLoaded', function () {
  var kind = document.getElementById('kind');
  var box = document.getElementById('entrustment-box');
  function sync() { if (kind && box) { box.hidden = kind.value !== 'ENTRUSTED_ORGANIZATION'; } }
  if (kind) { kind.addEventListener('change', sync); sync(); }
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); } });
  });
  // a choice that loads another page (e.g. the procedure numbers of another domain)
  document.querySelectorAll('select[data-navigate]').forEach(function (s) {
    s.addEventListener('change', function () { window.location = s.getAttribute('data-navigate') + encodeURIComponent(s.value); });
  });
  document.querySelectorAll('[data-copy]').forEach(function (b) {
    b.addEventListener('click', function () {
      var el = document.getElementById(b.getAttribute('data-copy'));
      if (navigator.clipboard && el) { navigator.clipboard.writeText(el.textContent.trim()); b.textContent = '已复制'; }
    });
  });
});

// CSRF header for htmx requests; exam countdown (the server keeps the real clock and refuses late answers).
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
document.addEventListener('DOMContentLoaded', function () {
  var clock = document.getElementById('countdown');
  if (!clock) { return; }
  var left = parseInt(clock.getAttribute('data-seconds-left'), 10);
  var form = document.getElementById('paper-form');
  function tick() {
    if (left <= 0) { clock.textContent = '时间到，正在交卷…'; if (form) { form.submit(); } return; }
    var m = Math.floor(left / 60), s = left % 60;
    clock.textContent = '剩余 ' + m + ' 分 ' + (s < 10 ? '0' : '') + s + ' 秒';
    left -= 1;
    setTimeout(tick, 1000);
  }
  tick();
});

// After a refusal the server gives back what was typed (PageActions.keep): fill the form with the same address again,
// open the section it sits in and bring it into view, so that nothing typed is lost.
document.addEventListener('DOMContentLoaded', function () {
  var kept = document.getElementById('kept-input');
  if (!kept) { return; }
  var values;
  try { values = JSON.parse(kept.getAttribute('data-kept')); } catch (e) { return; }
  var action = kept.getAttribute('data-action');
  // only a form that posts: a search form with the same address (GET) is not the one that was refused
  var candidates = Array.prototype.filter.call(document.forms, function (f) {
    if ((f.getAttribute('method') || 'get').toLowerCase() !== 'post') { return false; }
    try { return new URL(f.action, window.location.href).pathname === action; } catch (e) { return false; }
  });
  // several forms may post to one address (e.g. 放弃陈述申辩 / 放弃听证, 上传证据 / 送达回证扫描件): the one whose fixed
  // fields match and that has the most of the fields that were sent (the first such on the page)
  var matching = candidates.filter(function (f) {
    return Array.prototype.every.call(f.querySelectorAll('input[type=hidden][name]'), function (h) {
      return h.name === '_csrf' || !values[h.name] || values[h.name].indexOf(h.value) >= 0;
    });
  });
  var sent = Object.keys(values);
  // a form scores by the fields sent that it has, less the fields it would always have sent (text, choices) that were not
  var score = function (f) {
    var has = sent.filter(function (n) { return Array.prototype.some.call(f.elements, function (el) { return el.name === n; }); }).length;
    var missing = Array.prototype.filter.call(f.elements, function (el) {
      return el.name && !el.disabled && el.name !== '_csrf' && ['hidden', 'file', 'submit', 'checkbox', 'radio', 'button'].indexOf(el.type) < 0
        && !Object.prototype.hasOwnProperty.call(values, el.name);
    }).length;
    return has - missing;
  };
  var form = matching.reduce(function (best, f) { return best === null || score(f) > score(best) ? f : best; }, null) || candidates[0];
  if (!form) { return; }
  // a name that repeats (the rows of a table, such as instalments) gives its values back in order, one to each field
  var seen = {};
  Array.prototype.forEach.call(form.elements, function (el) {
    if (!el.name || !Object.prototype.hasOwnProperty.call(values, el.name)) { return; }
    var v = values[el.name];
    if (el.type === 'hidden' || el.type === 'file' || el.type === 'password' || el.type === 'submit') { return; }
    if (el.type === 'checkbox' || el.type === 'radio') { el.checked = v.indexOf(el.value) >= 0; }
    else if (el.tagName === 'SELECT' && el.multiple) {
      Array.prototype.forEach.call(el.options, function (o) { o.selected = v.indexOf(o.value) >= 0; });
    } else {
      var i = seen[el.name] || 0;
      seen[el.name] = i + 1;
      var kept = i < v.length ? v[i] : '';
      if (!(kept && el.value && el.value.length > kept.length && el.value.indexOf(kept) === 0)) {
        // the page may already give back a long text in full (a kept value is cut at 20,000 characters); a field sent
        // empty stays empty, whatever the page fills in by default
        el.value = kept;
      }
    }
  });
  // unchecked boxes are not sent: a box that was not ticked stays unticked
  Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox][name]'), function (b) {
    if (!Object.prototype.hasOwnProperty.call(values, b.name)) { b.checked = false; }
  });
  // a chosen file is the one thing a browser cannot give back: say so next to it
  Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (f) {
    var note = document.createElement('div');
    note.className = 'small text-danger kept-file-note';
    note.textContent = '如已选择过文件，请重新选择（浏览器不能保留上次选择的文件）';
    f.insertAdjacentElement('afterend', note);
  });
  for (var p = form.parentElement; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
  form.classList.add('kept-input');
  form.scrollIntoView({ block: 'center' });
});
document.addEventListener('DOMContentLoaded', function () {
  // the refusal next to what it concerns: under each field it names (PageActions.refuse); a refusal that names no
  // field of the form (a rule of the case, not of one input) is repeated at the top of the form
  var form = document.querySelector('form.kept-input');
  var alert = document.querySelector('.alert-danger[role=alert]');
  var kept = document.getElementById('kept-input');
  var errors = {};
  try { errors = JSON.parse((kept && kept.getAttribute('data-errors')) || '{}') || {}; } catch (e) { errors = {}; }
  var placed = 0;
  var names = Object.keys(errors);
  if (form) {
    names.forEach(function (name) {
      // an amount is refused by its name in fen ("fine") and typed in yuan ("fineYuan")
      var fields = Array.prototype.filter.call(form.elements, function (el) {
        return (el.name === name || el.name === name + 'Yuan') && el.type !== 'hidden';
      });
      if (!fields.length) { return; }
      fields.forEach(function (el) { el.classList.add('is-invalid'); el.setAttribute('aria-invalid', 'true'); });
      var last = fields[fields.length - 1];
      var anchor = last.closest('.form-check, .input-group') || last;
      var note = document.createElement('div');
      note.className = 'invalid-feedback d-block field-refusal';
      note.id = 'refusal-' + name;
      note.textContent = errors[name];
      anchor.insertAdjacentElement('afterend', note);
      fields.forEach(function (el) { el.setAttribute('aria-describedby', note.id); });
      placed++;
    });
  }
  // (not when the refusal already stands right above the form, as on the public complaint page)
  var above = form && form.previousElementSibling === alert;
  if (form && alert && !above && !form.contains(alert) && (names.length === 0 || placed < names.length)) {
    var copy = alert.cloneNode(true);
    copy.removeAttribute('role');
    copy.classList.add('small', 'py-1', 'px-2', 'mb-2');
    form.insertBefore(copy, form.firstChild);
  }
});
// forms used on site (class keep-offline): what is typed stays in this browser until the form is sent and the page
// shows it recorded; without a connection the form is not sent and says so, the entries stay
document.addEventListener('DOMContentLoaded', function () {
  var forms = document.querySelectorAll('form.keep-offline');
  var prefix = 'keep:' + location.pathname + ':';
  var present = {};
  Array.prototype.forEach.call(forms, function (form) {
    var idField = form.querySelector('input[type=hidden][name=itemId]');
    var key = prefix + form.getAttribute('action') + ':' + (idField ? idField.value : '');
    present[key] = true;
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    if (saved) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.type === 'hidden' || !Object.prototype.hasOwnProperty.call(saved, el.name)) { return; }
        if (el.type === 'radio') { el.checked = el.value === saved[el.name]; } else { el.value = saved[el.name]; }
      });
    }
    form.addEventListener('input', function () {
      var data = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.type === 'hidden') { return; }
        if (el.type === 'radio') { if (el.checked) { data[el.name] = el.value; } } else { data[el.name] = el.value; }
      });
      try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or disabled: the page still works */ }
    });
    form.addEventListener('submit', function (ev) {
      if (navigator.onLine === false) {
        ev.preventDefault();
        var note = form.querySelector('.offline-note') || document.createElement('div');
        note.className = 'offline-note alert alert-warning small py-1 px-2 mt-2';
        note.textContent = '网络已断开：填写的内容已保存在本机，恢复网络后再点“记录结果”。';
        form.appendChild(note);
      }
    });
  });
  // a form no longer on the page was recorded: its saved entries go
  for (var i = localStorage.length - 1; i >= 0; i--) {
    var k = localStorage.key(i);
    if (k && k.indexOf(prefix) === 0 && !present[k]) { localStorage.removeItem(k); }
  }
});

// a choice that decides which fields apply (送达方式: 见证人 for 留置送达, 邮件单号 for 邮寄送达…): the fields of the other
// choices are hidden (data-for lists the choices a field belongs to); without script every field shows
document.addEventListener('DOMContentLoaded', function () {
  Array.prototype.forEach.call(document.querySelectorAll('select[data-shows]'), function (select) {
    var form = select.form;
    if (!form) { return; }
    var apply = function () {
      Array.prototype.forEach.call(form.querySelectorAll('[data-for]'), function (el) {
        var shown = el.getAttribute('data-for').split(' ').indexOf(select.value) >= 0 || el.querySelector('.field-refusal, .is-invalid') !== null;
        el.hidden = !shown;
        // a hidden field is not sent either (what was typed for another method is not this one's)
        Array.prototype.forEach.call(el.querySelectorAll('input, select, textarea'), function (input) { input.disabled = !shown; });
      });
    };
    select.addEventListener('change', apply);
    apply();
  });
});
