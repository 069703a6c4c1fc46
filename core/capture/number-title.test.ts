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

describe("a parliament paper's kind and number on a line of their own", () => {
  it('numbers the case: a heading subtitle `Proposition 2025/26:14`, a title line `Proposta de Lei 118/XVI/2`', () => {
    const swedish = `<html><head><title>Skärpta straff för bidragsbrott | Riksdag</title></head><body><main>
<hgroup><h1>Skärpta straff för bidragsbrott</h1><p><span>Proposition</span> 2025/26:14</p></hgroup>
<p>Propositionen innehåller förslag om skärpta straff för den som genom oriktiga uppgifter får ut bidrag.</p>
</main></body></html>`;
    expect(
      extract(swedish, 'https://riksdag.example.se/dokument/proposition/bidrag_hd0314/')[0]!.source.caseNumber,
    ).toBe('2025/26:14');
    const portuguese = `<html><head><title>Iniciativa</title></head><body><div class="page">
<div class="Titulo-Cinzento"><span>Proposta de Lei 118/XVI/2</span></div>
<div><span class="TextoRegular">Altera o regime jurídico da reabilitação urbana e simplifica os procedimentos de licenciamento</span></div>
<p>A proposta foi admitida e baixou à comissão competente para apreciação na generalidade.</p>
</div></body></html>`;
    expect(extract(portuguese, 'https://parlamento.example.pt/iniciativa?BID=9')[0]!.source.caseNumber).toBe(
      '118/XVI/2',
    );
  });
});
