/**
 * The demo district of DESIGN.md: 和平里小区 (community `heping`) with its departments, an elevator retrofit vote
 * for 3号楼 decided under 民法典 第二百七十八条, an open parking poll, a 微心愿 board and a garbage-room project
 * under way. Seeds only an EMPTY database, so restarting `linli serve --demo` keeps every ballot.
 */

import type { IssuedCode } from '@linli/core';
import type { Linli } from '../domain/linli';

const DEMO_COMMUNITY = 'heping';
const DEMO_DEPARTMENTS = ['房管办', '绿化市容所', '城管中队'] as const;

export type DemoResult = { seeded: false } | { seeded: true; staffToken: string; sampleCodes: IssuedCode[] };

const DAY = 24 * 3600 * 1000;

/** 3号楼: six floors, four flats per floor; the end flats are larger. Two flats are co-owned (人数 2). */
function demoRollCsv(): string {
  const areas = ['121.75', '86.20', '58.30', '93.48'];
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢';
  const given = ['建国', '秀英', '桂兰', '志强', '丽华', '国庆', '海燕', '明', '卫东', '玉梅', '德福', '晓红'];
  const lines = ['房号,姓名,面积,人数'];
  let i = 0;
  for (let floor = 1; floor <= 6; floor++) {
    for (let flat = 1; flat <= 4; flat++) {
      const unit = `${floor}0${flat}`;
      // Top-floor flats have the attic space counted in: a little more area, as on real 产权证.
      const area = floor === 6 ? (Number(areas[flat - 1]) + 6.5).toFixed(2) : areas[flat - 1]!;
      const g = given[i % given.length]!;
      const name = `${surnames[i % surnames.length]}${'*'.repeat(g.length)}`;
      const owners = unit === '302' || unit === '504' ? 2 : 1;
      lines.push(`${unit},${name},${area},${owners}`);
      i++;
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function seedDemo(service: Linli): Promise<DemoResult> {
  if (!(await service.store.isEmpty())) return { seeded: false };
  const now = Date.now();
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();

  for (const name of DEMO_DEPARTMENTS) await service.addDepartment(name);
  const staffToken = await service.createToken({ name: '和平里居委会（演示）' });

  // elevator-3 -----------------------------------------------------------------------------------------------
  await service.createConsultation({
    slug: 'elevator-3',
    title: '3号楼加装电梯',
    summary: '3号楼拟在2单元北侧加装一部电梯，资金来自业主分摊与区政府补贴，请业主表决。',
    body: [
      '3号楼建成于1996年，共六层24户，60岁以上居民占四成，上下楼困难。经听证会、协调会两轮讨论，形成以下方案：',
      '一、在楼北侧加装贴建式电梯一部，平层入户；',
      '二、总造价约78万元，区政府补贴40%，其余由二层以上业主按楼层系数分摊，一层业主不分摊；',
      '三、施工期约4个月，施工方须做好噪声与扬尘控制。',
      '依照《民法典》第二百七十八条，本事项须经参与表决的专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意。',
    ].join('\n'),
    community: DEMO_COMMUNITY,
    phase: 'voting',
    schedule: {
      hearing: { start: iso(-30), end: iso(-30) },
      coordination: { start: iso(-16), end: iso(-16) },
      voting: { start: iso(-3), end: iso(14) },
    },
    ballot: {
      method: 'yesno',
      question: '您是否同意3号楼按公示方案加装电梯？',
      eligibility: 'code',
      rule: 'civil-code-major',
      // A secret ballot (its box lists receipts only): the count is published at the close, on the result notice.
      resultsVisibility: 'after_close',
      opensAt: iso(-3),
      closesAt: iso(14),
    },
  });
  await service.importRoll('elevator-3', demoRollCsv());
  const codes = await service.issueCodes('elevator-3');
  // A few neighbours have voted already, so the tally and the ballot box are not empty.
  const votes: Record<string, 'yes' | 'no' | 'abstain'> = {
    '201': 'yes',
    '303': 'yes',
    '402': 'yes',
    '504': 'yes',
    '601': 'yes',
    '604': 'yes',
    '102': 'no',
    '503': 'abstain',
  };
  for (const { unit, code } of codes) {
    const choice = votes[unit];
    if (choice) await service.castBallot('elevator-3', { choices: [choice], code }, { idempotencyKey: `demo-${unit}` });
  }
  const sampleCodes = codes.filter((c) => !votes[c.unit]).slice(0, 6);

  // parking-2026 ---------------------------------------------------------------------------------------------
  await service.createConsultation({
    slug: 'parking-2026',
    title: '2026年小区停车方案',
    summary: '小区现有车位186个、登记车辆241辆。居委会汇总了四种方案，先做意向调查，再提交业主大会。',
    body: '本次为意向调查（不具法律效力），每个浏览器限投一次。结果将作为协调会讨论的依据。',
    community: DEMO_COMMUNITY,
    phase: 'voting',
    ballot: {
      method: 'single',
      question: '您倾向于哪种停车方案？',
      options: [
        { id: 'ground-lines', label: '重新施划地面车位（约增加24个）' },
        { id: 'stacked', label: '在东侧空地建机械立体车库（约增加60个）' },
        { id: 'sharing', label: '与邻近写字楼签约错时共享车位' },
        { id: 'status-quo', label: '维持现状' },
      ],
      eligibility: 'open',
      rule: 'plurality',
      resultsVisibility: 'live',
      closesAt: iso(21),
    },
  });
  const poll = [
    'ground-lines',
    'sharing',
    'ground-lines',
    'stacked',
    'sharing',
    'ground-lines',
    'status-quo',
    'sharing',
    'ground-lines',
    'stacked',
    'sharing',
    'ground-lines',
  ];
  for (const [i, choice] of poll.entries()) {
    await service.castBallot('parking-2026', {
      choices: [choice],
      voterKey: `demo-browser-${String(i).padStart(4, '0')}`,
    });
  }

  // wishes -----------------------------------------------------------------------------------------------------
  await service.createConsultation({
    slug: 'wishes',
    title: '和平里微心愿',
    summary: '写下一件身边的小事，党员、共建单位和热心邻居都可以认领。',
    community: DEMO_COMMUNITY,
    phase: 'collecting',
    autoPublish: true,
  });
  const wishes: Array<{ title: string; body: string; authorName: string; claimedBy?: string; supports?: number }> = [
    {
      title: '帮独居的老母亲修一下漏水的水龙头',
      body: '5号楼201，厨房水龙头一直滴水，老人自己拧不动。',
      authorName: '周阿姨',
      claimedBy: '共产党员服务队 李师傅',
      supports: 6,
    },
    {
      title: '楼道里装一排扶手',
      body: '2号楼楼梯陡，老人上下楼扶着墙走，希望能装上扶手。',
      authorName: '2号楼 陈先生',
      supports: 14,
    },
    {
      title: '周末有人陪孙子练练英语口语',
      body: '孩子上初一，每周一小时就好，可以在社区活动室。',
      authorName: '刘奶奶',
      claimedBy: '和平里小学 志愿者小组',
      supports: 3,
    },
    {
      title: '4号楼门口换个感应灯',
      body: '晚上门口太黑，上周有老人在台阶上摔了一跤。',
      authorName: '4号楼 王女士',
      supports: 21,
    },
    {
      title: '给小区流浪猫做几个过冬的猫窝',
      body: '用泡沫箱就可以，放在自行车棚边上。',
      authorName: '8号楼 小徐',
      supports: 9,
    },
  ];
  for (const wish of wishes) {
    const proposal = await service.submitProposal('wishes', {
      kind: 'wish',
      title: wish.title,
      body: wish.body,
      authorName: wish.authorName,
    });
    for (let i = 0; i < (wish.supports ?? 0); i++)
      await service.supportProposal(proposal.id, `demo-neighbour-${String(i).padStart(3, '0')}`);
    if (wish.claimedBy) await service.claimProposal(proposal.id, wish.claimedBy);
  }

  // garbage-room -----------------------------------------------------------------------------------------------
  await service.createConsultation({
    slug: 'garbage-room',
    title: '垃圾箱房改造',
    summary: '把6号楼旁的老垃圾箱房改造为四分类箱房，增设洗手池、除臭和雨棚。',
    body: '方案经2025年11月听证会和评议通过，由绿化市容所牵头、物业配合实施，预计2026年春节前完工。',
    community: DEMO_COMMUNITY,
    phase: 'implementing',
    milestones: [
      { title: '方案公示与居民意见征询', weight: 1, done: true, due: iso(-40) },
      { title: '拆除旧箱房、清运建筑垃圾', weight: 2, done: true, due: iso(-25) },
      { title: '新建四分类箱房主体', weight: 4, done: true, due: iso(-8) },
      { title: '安装洗手池、除臭设备和雨棚', weight: 2, done: false, due: iso(7) },
      { title: '竣工验收与居民评议', weight: 1, done: false, due: iso(20) },
    ],
  });
  const updates = [
    '旧箱房已拆除，建筑垃圾当天清运完毕。施工期间临时投放点设在6号楼东侧。',
    '新箱房主体完工，四类投放口已标识。感谢6号楼居民这段时间的包容。',
    '洗手池管道已预埋，除臭设备下周进场安装。',
  ];
  for (const text of updates) await service.addProgressUpdate('garbage-room', { text, by: '绿化市容所' });

  await service.submitProposal('elevator-3', {
    title: '一层住户的采光补偿',
    body: '电梯井道会挡住101、102北面的光线，建议从分摊款中拿出一部分作为补偿。',
    authorName: '3号楼 101 业主',
  });

  return { seeded: true, staffToken, sampleCodes };
}
