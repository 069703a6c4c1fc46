import type { IssueStatus } from '../models/issue';
import { toSimplified } from './labels';

/** Status words on portal pages (simplified; traditional is folded to simplified first) and in English. */
/** `|`-separated words (English ones may contain spaces). */
const w = (words: string): string[] => words.split('|');

const WORDS: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  [
    'rejected',
    w(
      '不予受理|已退回|驳回|已驳回|不受理|退回|退件|不予处理|已退件|不予立案|已拒绝|拒绝受理|无效工单|rejected|declined|unable to fix|not responsible|refused|denied|invalid|dismissed|not approved|not granted|refusal|不予采纳|审核未通过|未通过',
    ),
  ],
  [
    'closed',
    w(
      '已关闭|已归档|已评价|已结案|结案|关闭|归档|已销号|销号|已终结|closed|duplicate|archived|no further action|withdrawn|cancelled|canceled|abandoned|已撤回|撤回|已撤销|撤销|已撤诉|已撤件|已过期|expired|void|voided',
    ),
  ],
  [
    'resolved',
    w(
      '已办结|已解决|已处理|已回复|已完成|已答复|已办理|已处置|已反馈|办结|已整改|处理完毕|办理完毕|已修复|完成|已回覆|已处理完成|fixed|resolved|completed|complete|done|answered|repaired|determined|decided|granted|finalised|finalized|issued|finaled|已完结|待评价|已采纳',
    ),
  ],
  [
    'in_progress',
    w(
      '办理中|处理中|正在办理|跟进中|处置中|整改中|正在处理|待反馈|待办结|核查中|调查中|维修中|施工中|办理|处置|in progress|investigating|action scheduled|under investigation|work scheduled|in hand|pending action|planned|under review|in review|being processed|processing|awaiting decision|on hold|under consideration|plan review|in plan check|escalated|scheduled|reopened|转办中|受理中',
    ),
  ],
  [
    'accepted',
    w(
      '已受理|已派单|已签收|已转办|已分派|已派遣|已立案|已交办|已派发|已转交|已分拨|已接单|受理|立案|派遣|派单|转办|acknowledged|assigned|accepted|confirmed|internal referral|referred|received|registered|审核通过',
    ),
  ],
  [
    // 待回复 / 待答复: nobody has answered yet, the first of a board's states (人民网 领导留言板: 待回复 → 办理中 →
    // 已办理). Page: cn-people-liuyan-mps-message-9233844.
    'new',
    w(
      '待回复|待答复|待受理|未受理|待处理|已提交|待审核|未处理|待签收|待派单|待分派|新建|未办理|待办|审核中|上报|新提交|未回复|未答复|待办理|submitted|open|new|pending|unconfirmed|reported|awaiting',
    ),
  ],
];

/**
 * The request states of Alaveteli FOI sites (WhatDoTheyKnow, Right To Know, FYI, AsktheEU…), as their request lists
 * print them in each row's badge (`<strong>Successful.</strong>`). Page: uk-wdtk-birmingham-foi-requests-p4.
 */
const FOI_REQUEST_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  ['resolved', w('successful|partially successful')],
  ['closed', w('information not held|withdrawn by the requester')],
  [
    'in_progress',
    w('awaiting classification|waiting clarification|awaiting internal review|response overdue|long overdue'),
  ],
  ['new', w('awaiting response')],
];

/**
 * The stages of a planning application on Australian council registers (TechnologyOne eProperty, Civica
 * e-Services): lodged, held for more information or advertising, then decided. Pages:
 * au-wangaratta-t1-submitted-last-28-days (`Application Lodged`, `More Information Required`, `Referred & Advertised`,
 * `Permit Granted`), au-southperth-civica-advertised-applications (`Approved under delegated authority`); Queensland's
 * stages (`Public Notification`, `Information Request`, `Decision Stage`): au-goldcoast-epathway-mcu-2018-1167-details.
 */
const PLANNING_REGISTER_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  [
    'resolved',
    w(
      'permit granted|permit issued|consent granted|approved under delegated authority|approved by council|approved with conditions|determined - approved|approved',
    ),
  ],
  ['rejected', w('permit refused|refused by council|determined - refused|notice of refusal')],
  ['closed', w('application withdrawn|application lapsed|lapsed')],
  [
    'in_progress',
    w(
      'more information required|further information required|further information requested|referred & advertised|referred and advertised|on public exhibition|on exhibition|advertised|under assessment|assessment in progress|public notification|notification period|information request|decision stage',
    ),
  ],
  ['new', w('application lodged|application received|lodged')],
];

/**
 * French status words: what became of a petition, a request or a parliamentary amendment (`Adopté`, `Non soutenu`:
 * its movers did not defend it, so it closed undecided; `Rejeté`, `Irrecevable`: refused, as `refused` and 不予受理
 * read). Pages: fr-assemblee-nationale-amendement-cl4-996, fr-assemblee-nationale-amendement-406-922.
 */
const FRENCH_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  ['rejected', w('rejeté|rejetée|rejetés|irrecevable|refusé|refusée|non adopté|non adoptée|non retenu|non retenue')],
  [
    'closed',
    w(
      'non soutenu|non soutenue|retiré|retirée|tombé|tombée|clôturé|clôturée|fermé|fermée|sans objet|caduc|caduque|classé sans suite|archivé|archivée',
    ),
  ],
  [
    'resolved',
    w(
      'adopté|adoptée|adoptés|adopté définitivement|accepté|acceptée|résolu|résolue|terminé|terminée|promulgué|promulguée',
    ),
  ],
  ['in_progress', w('en cours|en cours de traitement|en cours d’examen|en discussion|en examen|en navette')],
  ['accepted', w('enregistré|enregistrée|pris en compte|prise en compte')],
  ['new', w('déposé|déposée|en attente')],
];

/**
 * German parliament documentation systems (J3S ParlDok, STARWeb, PARIS) name a question's document type by whether it
 * was answered: `Kleine Anfrage und Antwort`, `Große Anfrage mit Antwort`, `beantwortet`. Page:
 * de-mv-parldok-kleine-anfragen-search-results.
 */
const GERMAN_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  ['resolved', w('und antwort|mit antwort|beantwortet')],
];

/**
 * What a house's vote made of a motion, an amendment or a bill (`Besluit: Verworpen.` under the Tweede Kamer's
 * Stemmingsuitslag; `abgelehnt`/`angenommen` in the Bundestag's and Landtage's Beschlussempfehlungen; `否决`/`表决通过`
 * in 人大 records): carried is decided, lost is refused; held over or withdrawn as a bill's history reads them.
 * Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen.
 */
const PARLIAMENT_VOTE_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  ['rejected', w('verworpen|abgelehnt|negatived|motion lost|否决|被否决|已否决|未获通过')],
  ['resolved', w('aangenomen|angenommen|adopted|carried|motion carried|表决通过|获得通过|已通过')],
  ['in_progress', w('aangehouden|vertagt')],
  ['closed', w('ingetrokken|vervallen|zurückgezogen|erledigt')],
];

/**
 * What became of a public meeting, as the City Bureau city-scrapers (meeting agendas of some 40 US cities) read it
 * from the pages: `Cancelled`, `Meeting Cancelled`, `Rescheduled`, `Postponed`. A meeting moved to another day is still
 * to be held.
 */
const MEETING_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  ['closed', w('meeting cancelled|meeting canceled|cancelled meeting|canceled meeting|cancellation|no meeting')],
  ['in_progress', w('rescheduled|postponed|deferred')],
  // A bill `indefinitely postponed` is killed (as BILL_ACTIONS read it), not moved to another day.
  ['rejected', w('indefinitely postponed|postponed indefinitely')],
];

/**
 * UK planning registers' decision and status values (Idox Public Access, Northgate, as the UKPlanning scrapers'
 * councils print them): `Grant Permission`, `Refuse`, `Pending Consideration`, `Awaiting Decision`, `Not Proceeded With`.
 */
const UK_PLANNING_STATES: ReadonlyArray<readonly [IssueStatus, readonly string[]]> = [
  [
    'resolved',
    w(
      'grant permission|grant planning permission|granted subject to conditions|grant with conditions|approve with conditions|conditional permission|permitted|prior approval not required|prior approval granted|no objection',
    ),
  ],
  [
    'rejected',
    w('refuse|refuse permission|refuse planning permission|prior approval refused|prior approval required and refused'),
  ],
  ['closed', w('not proceeded with|finally disposed of|disposed of|returned application|application returned')],
  [
    'in_progress',
    w(
      'pending consideration|pending decision|awaiting determination|under assessment|appeal lodged|appeal in progress|undecided|not yet decided',
    ),
  ],
];

// Longest words first, so `不予受理` wins over `受理` and `已处理完成` over `完成`.
const ORDERED: Array<[string, IssueStatus]> = [
  ...WORDS,
  ...FOI_REQUEST_STATES,
  ...PLANNING_REGISTER_STATES,
  ...FRENCH_STATES,
  ...GERMAN_STATES,
  ...PARLIAMENT_VOTE_STATES,
  ...MEETING_STATES,
  ...UK_PLANNING_STATES,
]
  .flatMap(([status, words]) => words.map((w) => [w, status] as [string, IssueStatus]))
  .sort((a, b) => b[0].length - a[0].length);
/**
 * Words that are a status only as the whole value (`Status: Current`, XC.Track's register: `Current` until the
 * application is decided); inside a phrase they say something else (`current status: approved`, `the current
 * plan`). Page: au-boroondara-xctrack-pp13-00799-application-details.
 */
const WHOLE_VALUE_ONLY: ReadonlyArray<readonly [string, IssueStatus]> = [['current', 'in_progress']];
const EXACT = new Map([...ORDERED, ...WHOLE_VALUE_ONLY]);
const WORD_RE = new Map(
  ORDERED.filter(([w]) => /^[a-z ]+$/.test(w)).map(([w]) => [w, new RegExp(`(?:^|[^a-z])${w}(?:$|[^a-z])`)]),
);

function norm(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/^[\s[【(（"“'‘]+|[\s\]】)）"”'’.。!！]+$/g, '')
    .trim();
}

/**
 * A status word → the Issue status. `exact` only accepts the whole text being a status word (badges in cards);
 * otherwise the text may be a short phrase (`State changed to: Investigating`, `该件已办结`).
 */
export function mapStatus(text: string | null | undefined, exact = false): IssueStatus | undefined {
  if (!text) return undefined;
  const quick = EXACT.get(text.trim());
  if (quick) return quick;
  const t = norm(text);
  if (!t || t.length > 60) return undefined;
  const hit = EXACT.get(t);
  if (hit || exact) return hit;
  const en = /[a-z]/.test(t);
  for (const [word, status] of ORDERED) {
    // A plain substring test first: most words are absent, and it is far cheaper than the word-bound regex.
    if (word.length < 2 || !t.includes(word)) continue;
    const re = WORD_RE.get(word);
    if (!re) return status;
    if (en && re.test(t)) return negated(t, word) ?? status;
  }
  return undefined;
}

// "not fixed" is not fixed: FixMyStreet's wording for a reopened report.
function negated(t: string, word: string): IssueStatus | undefined {
  return new RegExp(`\\bnot\\s+${word}\\b`).test(t) ? 'in_progress' : undefined;
}

/**
 * What a legislature's bill history says a bill has come to, read from its latest actions (`Governor signed.`,
 * `Chapter 65, (2010 Laws): Effective date …`, `Referred to Rules.`). A bill sent to a committee is being worked
 * on, not merely accepted. Page: us-oregon-leg-hb3623-bill-history.
 */
const BILL_ACTIONS: ReadonlyArray<readonly [IssueStatus, RegExp]> = [
  [
    'resolved',
    /\b(?:governor signed|signed by (?:the )?governor|approved by (?:the )?governor|became law|became public law|chaptered|enacted|chapter \d+,? \(\d{4} laws\))/i,
  ],
  ['rejected', /\b(?:vetoed|failed|disagreed to|not agreed to|indefinitely postponed)\b/i],
  // A resolution is `agreed to` where a bill is passed (`On agreeing to the resolution Agreed to without objection.`);
  // a procedural motion agreed to (`Motion to reconsider laid on the table Agreed to`) decides nothing.
  // Pages: us-thomas-hconres74-bill-status, us-thomas-sres84-bill-status.
  ['resolved', /^(?!.*\bmotion\b)(?=.*(?<!dis|not )\bagreed to\b)/i],
  ['closed', /\b(?:in committee upon adjournment|died in committee)\b/i],
  [
    'in_progress',
    // `Read the second time. Placed on Senate Legislative Calendar …` (us-thomas-s1-111-bill-status, b4-en).
    /\b(?:(?:first|second|third) reading|read the (?:first|second|third) time|placed on .{0,40}calendar|referred to|public hearing|work session|recommendation:|in committee)/i,
  ],
];

export function mapBillAction(text: string): IssueStatus | undefined {
  return BILL_ACTIONS.find(([, re]) => re.test(text))?.[0];
}
