/** The local pages show a job's result as words, not as raw JSON. */
import { describe, expect, it } from 'vitest';
import { resultView } from '../../local/pages.ts';

describe("a job's result on /local/jobs", () => {
  it('lists fields by readable name with their values, lists as lists', () => {
    const view = resultView(
      { sentCount: 3, quarter: '2026-Q3', recipients: ['a@x.dk', 'b@x.dk'], failed: [] },
      'da',
    ).value;
    expect(view).toContain('<dt>sent count</dt><dd>3</dd>');
    expect(view).toContain('<dt>quarter</dt><dd>2026-Q3</dd>');
    expect(view).toContain('<ul><li>a@x.dk</li><li>b@x.dk</li></ul>');
    expect(view).toContain('<dt>failed</dt><dd><p>Ingen.</p></dd>');
    expect(view).not.toContain('{');
  });

  it('says when there is nothing to report, in the page language', () => {
    expect(resultView(null, 'da').value).toBe('<p>Intet at rapportere.</p>');
    expect(resultView({}, 'en').value).toBe('<p>Nothing to report.</p>');
  });
});
