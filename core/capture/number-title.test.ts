import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';

/**
 * A case whose only heading is its number, its name given under a label no table knows: the page's own title meta
 * `number - name` names it (detail.ts `namedAfterNumber`). Page: us-thomas-s54-bill-status, label-blind.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;

describe('a title that is only the case number', () => {
  it('the label is unknown to the dictionary (else this test would prove nothing)', () => {
    expect(matchLabel('Xqkwx')).toBeNull();
  });

  it('yields to the name the title meta gives after the number', () => {
    const html = `<html><head><meta name="dc.title" content="S.54 - Stop Illegal Trafficking in Firearms Act of 2013" />
<title>Bill Summary &amp; Status - 113th Congress (2013 - 2014) - S.54 - All Information</title></head><body>
<div id="content"><h1 align="center">Bill Summary &amp; Status <br> 113th Congress (2013 - 2014) <br>S.54<br>All Information</h1>
<hr/><p><a href="/cgi-bin/bdquery/z?d113:S.54:">Back to Bill Summary and Status</a></p><br /><b>S.54</b>
<br /><b>Xqkwx:</b> Stop Illegal Trafficking in Firearms Act of 2013
<br /><b>Xqjzx: </b><a href="/member/leahy">Sen Leahy, Patrick J.</a> [VT] (introduced 1/22/2013)
<br /><b>Xqkvx: </b>2/12/2013 Senate committee/subcommittee actions. Hearings held.<hr/></div></body></html>`;
    const issue = extract(html, 'http://thomas.loc.gov/cgi-bin/bdquery/z?d113:SN00054:@@@L&summ2=m&')[0]!;
    expect(issue.title).toBe('Stop Illegal Trafficking in Firearms Act of 2013');
  });

  it('keeps a title that is more than the number', () => {
    const html = (meta: string, heading: string) =>
      `<html><head><meta name="dc.title" content="${meta}" /><title>Record</title></head><body><div id="content">
<h1>${heading}</h1><p><b>Xqjzx:</b> 2/12/2013</p><p>The committee held hearings on the measure and reported it.</p></div></body></html>`;
    expect(
      extract(
        html('S.54 - Stop Illegal Trafficking in Firearms Act', 'Firearms bill S.54'),
        'http://example.gov/s54',
      )[0]!.title,
    ).toBe('Firearms bill S.54');
  });
});
