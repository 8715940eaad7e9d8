// The live counters of limited free-text fields (functions/web/fields.ts): progressive
// enhancement only, the page works without it. Built into a content-hashed file by
// scripts/build-assets.ts.
(() => {
  for (const field of document.querySelectorAll('[data-limit]')) {
    const max = Number(field.getAttribute('data-limit'));
    const counter = document.getElementById(`${field.id}-taeller`);
    if (!counter) continue;
    const template = counter.getAttribute('data-used-text') || '';
    let cut = false;
    const update = () => {
      const used = Array.from(field.value).length;
      counter.textContent =
        template.replace('{used}', String(used)) +
        (cut ? ` ${counter.getAttribute('data-cut-text') || ''}` : '');
      counter.classList.toggle('kk-over', used > max || cut);
    };
    // The browser shortens a paste that does not fit under maxlength; say so instead of keeping quiet.
    field.addEventListener('paste', (event) => {
      const pasted = event.clipboardData?.getData('text') || '';
      const kept = field.value.length - ((field.selectionEnd || 0) - (field.selectionStart || 0));
      cut = kept + pasted.length > max;
      if (cut) counter.setAttribute('role', 'alert');
    });
    field.addEventListener('input', () => {
      update();
      if (!cut) counter.removeAttribute('role');
    });
    field.addEventListener('keydown', () => {
      cut = false;
    });
    update();
  }
})();
