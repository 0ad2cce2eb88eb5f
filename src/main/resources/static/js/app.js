// Shows the 委托书 fields only for 受委托组织, and confirms dangerous actions.
document.addEventListener('DOMContentLoaded', function () {
  var kind = document.getElementById('kind');
  var box = document.getElementById('entrustment-box');
  function sync() { if (kind && box) { box.hidden = kind.value !== 'ENTRUSTED_ORGANIZATION'; } }
  if (kind) { kind.addEventListener('change', sync); sync(); }
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); } });
  });
  document.querySelectorAll('[data-copy]').forEach(function (b) {
    b.addEventListener('click', function () {
      var el = document.getElementById(b.getAttribute('data-copy'));
      if (navigator.clipboard && el) { navigator.clipboard.writeText(el.textContent.trim()); b.textContent = '已复制'; }
    });
  });
});
