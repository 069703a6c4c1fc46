import { describe, expect, it } from 'vitest';
import { BallotDefinition } from './ballot';
import { isBinding } from './ballot-rules';
import { Consultation, effectiveProgress, milestoneProgress, PHASES, phaseChangeError } from './consultation';
import { Issue, open311Status } from './issue';
import { Proposal } from './proposal';

const now = '2026-05-28T14:30:00+08:00';

describe('Issue', () => {
  const minimal = { id: 'iss-1', title: '井盖破损', source: { capturedAt: now }, createdAt: now, updatedAt: now };

  it('fills defaults a freshly clipped issue needs', () => {
    const issue = Issue.parse(minimal);
    expect(issue).toMatchObject({
      status: 'new',
      tags: [],
      updates: [],
      attachments: [],
      description: '',
      schemaVersion: 1,
    });
  });

  it('refuses an unmasked phone number', () => {
    const result = Issue.safeParse({ ...minimal, reporter: { phone: '13812345678' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['reporter', 'phone']);
    expect(Issue.parse({ ...minimal, reporter: { phone: '138****5678' } }).reporter.phone).toBe('138****5678');
    expect(Issue.parse({ ...minimal, reporter: { phone: '021-6487****' } }).reporter.phone).toBe('021-6487****');
    for (const unmasked of ['138 1234 5678', '021-64871325', '6487132', '13812345678 / 138****5678']) {
      expect(Issue.safeParse({ ...minimal, reporter: { phone: unmasked } }).success, unmasked).toBe(false);
    }
  });

  it('refuses a time without an offset', () => {
    expect(Issue.safeParse({ ...minimal, reportedAt: '2026-05-28T14:30:00' }).success).toBe(false);
  });

  it('maps statuses onto Open311 open/closed', () => {
    expect(['new', 'accepted', 'in_progress'].map((s) => open311Status(s as never))).toEqual(['open', 'open', 'open']);
    expect(['resolved', 'closed', 'rejected'].map((s) => open311Status(s as never))).toEqual([
      'closed',
      'closed',
      'closed',
    ]);
  });
});

describe('BallotDefinition', () => {
  it('gives a yesno ballot its three options', () => {
    const def = BallotDefinition.parse({ method: 'yesno', eligibility: 'code', rule: 'civil-code-major' });
    expect(def.options.map((o) => o.id)).toEqual(['yes', 'no', 'abstain']);
    expect(def.rule).toEqual({ preset: 'civil-code-major' });
    // A code vote keeps its box secret by default, and so shows its results only after the close.
    expect(def.ballotBox).toBe('receipts');
    expect(def.resultsVisibility).toBe('after_close');
  });

  it('shows an open poll and a public box live, and refuses live results for a secret box, naming the field', () => {
    const poll = {
      method: 'single',
      eligibility: 'open',
      rule: 'plurality',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    expect(BallotDefinition.parse(poll).resultsVisibility).toBe('live');
    const vote = { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' } as const;
    expect(BallotDefinition.parse({ ...vote, ballotBox: 'public' }).resultsVisibility).toBe('live');
    for (const secret of [
      { ...vote, resultsVisibility: 'live' },
      { ...poll, ballotBox: 'receipts', resultsVisibility: 'live' },
    ]) {
      const result = BallotDefinition.safeParse(secret);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['resultsVisibility']);
      expect(result.error?.issues[0]?.message).toMatch(/secret ballot.*after_close/);
    }
  });

  it('refuses a civil-code rule on an open vote, naming rule.preset', () => {
    const result = BallotDefinition.safeParse({
      method: 'yesno',
      eligibility: 'open',
      rule: { preset: 'civil-code-ordinary' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['rule', 'preset']);
  });

  it('refuses repeated option ids and too few options', () => {
    const repeated = BallotDefinition.safeParse({
      method: 'single',
      eligibility: 'open',
      rule: 'plurality',
      options: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
      ],
    });
    expect(repeated.error?.issues[0]?.message).toMatch(/repeated/);
    const one = BallotDefinition.safeParse({
      method: 'single',
      eligibility: 'open',
      rule: 'plurality',
      options: [{ id: 'a', label: 'A' }],
    });
    expect(one.success).toBe(false);
  });

  it('needs points for a budget ballot and treats open ballots as non-binding', () => {
    const budget = {
      method: 'budget',
      eligibility: 'open',
      rule: 'plurality',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    expect(BallotDefinition.safeParse(budget).error?.issues[0]?.path).toEqual(['budget']);
    expect(isBinding({ eligibility: 'open' })).toBe(false);
    expect(isBinding({ eligibility: 'code' })).toBe(true);
  });
});

describe('Consultation phases', () => {
  it('lists the 三会 phases in order', () => {
    expect(PHASES).toEqual([
      'draft',
      'collecting',
      'hearing',
      'coordination',
      'voting',
      'implementing',
      'evaluation',
      'closed',
    ]);
  });

  it('allows skipping forward and refuses going back or staying', () => {
    expect(phaseChangeError('hearing', 'voting')).toBeNull();
    expect(phaseChangeError('draft', 'closed')).toBeNull();
    expect(phaseChangeError('voting', 'hearing')).toMatch(/backwards/);
    expect(phaseChangeError('voting', 'voting')).toMatch(/already/);
  });

  it('derives progress from weighted milestones unless set by hand', () => {
    const milestones = [
      { done: true, weight: 1 },
      { done: false, weight: 2 },
    ];
    expect(milestoneProgress(milestones)).toBe(33);
    expect(milestoneProgress([])).toBe(0);
    expect(effectiveProgress(milestones, 80)).toBe(80);
    expect(effectiveProgress(milestones, null)).toBe(33);
  });

  it('validates a slug and names the field', () => {
    const result = Consultation.safeParse({ id: 'c1', slug: 'Elevator 3', title: 'x', createdAt: now, updatedAt: now });
    expect(result.error?.issues[0]?.path).toEqual(['slug']);
    const ok = Consultation.parse({
      id: 'c1',
      slug: 'elevator-3',
      title: '3号楼加装电梯',
      createdAt: now,
      updatedAt: now,
    });
    expect(ok).toMatchObject({ phase: 'draft', progress: 0, milestones: [], meetings: [] });
  });
});

describe('Proposal', () => {
  it('defaults to a pending proposal with no supports', () => {
    const p = Proposal.parse({ id: 'p1', title: '增设休息座椅', authorName: '张阿姨', createdAt: now });
    expect(p).toMatchObject({ kind: 'proposal', status: 'pending', supports: 0 });
    expect(Proposal.safeParse({ id: 'p1', title: '', authorName: '张', createdAt: now }).success).toBe(false);
  });
});
