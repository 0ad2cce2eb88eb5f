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
