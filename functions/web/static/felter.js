// The live counters of limited free-text fields (functions/web/fields.ts): progressive
// enhancement only, the page works without it. Built into a content-hashed file by
// scripts/build-assets.ts.
(() => {
  for (const field of document.querySelectorAll('[data-limit]')) {
    const max = Number(field.getAttribute('data-limit'));
    const counter = document.getElementById(`${field.id}-taeller`);
    if (!counter) continue;
    const template = counter.getAttribute('data-used-text') || '';
    const update = () => {
      const used = Array.from(field.value).length;
      counter.textContent = template.replace('{used}', String(used));
      counter.classList.toggle('kk-over', used > max);
    };
    field.addEventListener('input', update);
    update();
  }
})();
