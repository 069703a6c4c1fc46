import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed';
import type { Linli } from './linli';
import type { DomainError, DomainEvent } from './service';
import { type TempDb, tempDb } from './test-helpers';

let db: TempDb;
let service: Linli;
afterEach(async () => {
  await service.close();
  db.cleanup();
});

async function open() {
  db = tempDb();
  service = await db.open();
  return service;
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DomainError) => [e.code, e.field],
  );

describe('consultations', () => {
  it('validates input naming the field, refuses a duplicate slug, hides drafts from the public', async () => {
    const s = await open();
    expect(await code(s.createConsultation({ slug: 'Bad Slug', title: 'x' }))).toEqual(['invalid', 'slug']);
    expect(
      await code(
        s.createConsultation({
          slug: 'ok',
          title: 'x',
          ballot: { method: 'single', eligibility: 'open', rule: 'plurality', options: [] } as never,
        }),
      ),
    ).toEqual(['invalid', 'ballot.options']);
    await s.createConsultation({ slug: 'draft-one', title: '草稿' });
    expect(await code(s.createConsultation({ slug: 'draft-one', title: 'again' }))).toEqual(['conflict', 'slug']);
    expect(await code(s.getConsultation('draft-one'))).toEqual(['not_found', 'slug']);
    expect((await s.getConsultation('draft-one', { staff: true })).phase).toBe('draft');
    expect(await s.listConsultations()).toEqual([]);
    expect((await s.listConsultations({ staff: true })).map((c) => c.slug)).toEqual(['draft-one']);
    const updated = await s.updateConsultation('draft-one', { title: '新标题', summary: '摘要' });
    expect([updated.title, updated.summary]).toEqual(['新标题', '摘要']);
    // A patch naming `phase` is refused at the edge (strict ConsultationPatchRequest: test/server/errors.test.ts).
  });

  it('derives progress from milestone weights unless set by hand, and emits progress events', async () => {
    const s = await open();
    await s.createConsultation({ slug: 'works', title: '改造', phase: 'implementing' });
    const events: DomainEvent[] = [];
    s.events.subscribe((e) => events.push(e));
    const a = await s.addMilestone('works', { title: '拆除', weight: 1 });
    await s.addMilestone('works', { title: '新建', weight: 3 });
    await s.updateMilestone('works', a.id, { done: true });
    expect((await s.getConsultation('works')).progress).toBe(25);
    await s.addProgressUpdate('works', { text: '手动调整', progress: 60 });
    const view = await s.getConsultation('works');
    expect([view.progress, view.progressManual, view.updates.length]).toEqual([60, true, 1]);
    await s.addProgressUpdate('works', { text: '恢复按节点计算', progress: null });
    expect((await s.getConsultation('works')).progress).toBe(25);
    expect(events.map((e) => e.type)).toEqual(['progress', 'progress', 'progress', 'progress', 'progress']);
    expect(await code(s.updateMilestone('works', 'nope', { done: true }))).toEqual(['not_found', 'milestoneId']);
    expect(await code(s.updateMilestone('works', a.id, { weight: 0 }))).toEqual(['invalid', 'weight']);
  });
});

describe('proposals and 微心愿', () => {
  it('holds submissions for moderation, supports once per browser, claims a wish once', async () => {
    const s = await open();
    await s.createConsultation({ slug: 'ideas', title: '意见征集', phase: 'collecting' });
    await s.createConsultation({ slug: 'board', title: '微心愿', phase: 'collecting', autoPublish: true });
    const p = await s.submitProposal('ideas', { title: '增加晾衣架', authorName: '张阿姨' });
    expect(p.status).toBe('pending');
    expect(await s.listProposals('ideas')).toEqual([]);
    expect(await code(s.listProposals('ideas', { status: ['pending'] }))).toEqual(['forbidden', 'status']);
    expect((await s.listProposals('ideas', { status: ['pending'], staff: true })).length).toBe(1);
    expect(await code(s.supportProposal(p.id, 'browser-0001'))).toEqual(['not_found', undefined]);
    await s.moderateProposal(p.id, { action: 'publish' });
    expect((await s.supportProposal(p.id, 'browser-0001')).supports).toBe(1);
    expect(await code(s.supportProposal(p.id, 'browser-0001'))).toEqual(['conflict', 'voterKey']);
    expect(await code(s.claimProposal(p.id, '志愿者'))).toEqual(['conflict', 'id']);
    const wish = await s.submitProposal('board', { kind: 'wish', title: '修水龙头', authorName: '周阿姨' });
    expect(wish.status).toBe('published');
    expect((await s.claimProposal(wish.id, '李师傅')).claimedBy).toBe('李师傅');
    expect(await code(s.claimProposal(wish.id, '王师傅'))).toEqual(['conflict', 'id']);
    expect((await s.moderateProposal(wish.id, { action: 'done' })).status).toBe('done');
    const q = await s.submitProposal('ideas', { title: '晾衣架', authorName: '李' });
    expect(await code(s.moderateProposal(q.id, { action: 'merge', into: q.id }))).toEqual(['invalid', 'into']);
    expect((await s.moderateProposal(q.id, { action: 'merge', into: p.id })).status).toBe('merged');
    expect(await code(s.moderateProposal(q.id, { action: 'publish' }))).toEqual(['conflict', 'action']);
    expect(await code(s.submitProposal('ideas', { title: '', authorName: 'x' }))).toEqual(['invalid', 'title']);
  });
});

describe('demo seed', () => {
  it('seeds an empty database once, with an auditable ballot box and working codes', async () => {
    const s = await open();
    const seeded = await seedDemo(s);
    expect(seeded.seeded).toBe(true);
    if (!seeded.seeded) return;
    expect(await s.authenticate(seeded.staffToken)).toEqual({ name: '和平里居委会（演示）' });
    expect((await s.listConsultations()).map((c) => c.slug).sort()).toEqual([
      'elevator-3',
      'garbage-room',
      'parking-2026',
      'wishes',
    ]);
    expect(await s.listDepartments()).toEqual(['房管办', '绿化市容所', '城管中队']);
    const elevator = await s.getConsultation('elevator-3');
    expect(elevator.electorate?.units).toBe(24);
    expect((await s.auditVerify('elevator-3')).ok).toBe(true);
    const { receipt } = await s.castBallot('elevator-3', { choices: ['yes'], code: seeded.sampleCodes[0]!.code });
    expect(receipt.seq).toBe(elevator.ballots + 1);
    expect((await s.getConsultation('garbage-room')).progress).toBe(70);
    expect((await s.listProposals('wishes')).some((p) => p.status === 'claimed')).toBe(true);
    expect(await seedDemo(s)).toEqual({ seeded: false });
  });
});
