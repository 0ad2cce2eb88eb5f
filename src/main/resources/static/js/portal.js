// 大字模式: a button on every portal page switches it; the choice is kept in this browser
(function () {
  var key = 'portal-large';
  function apply(on) {
    document.documentElement.classList.toggle('portal-large', on);
    var b = document.getElementById('large-text');
    if (b) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); b.textContent = on ? '标准字号' : '大字模式'; }
  }
  var on = false;
  try { on = localStorage.getItem(key) === '1'; } catch (e) { on = false; }
  apply(on);
  document.addEventListener('DOMContentLoaded', function () {
    apply(on);
    var b = document.getElementById('large-text');
    if (!b) { return; }
    b.addEventListener('click', function () {
      on = !on;
      try { localStorage.setItem(key, on ? '1' : '0'); } catch (e) { /* the page still works */ }
      apply(on);
    });
  });
})();
