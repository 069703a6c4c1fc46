import { describeThreshold, type Threshold } from './exact';

export type Lang = 'zh-CN' | 'en';

/** Why a count came out as it did, as data; `formatReason` turns it into words in either language. */
export type Reason =
  | { code: 'no-ballots' }
  | {
      code: 'participation';
      dimension: 'area' | 'count';
      part: string;
      total: string;
      share: string;
      threshold: Threshold;
      met: boolean;
    }
  | {
      code: 'approval';
      dimension: 'area' | 'count';
      option: string;
      part: string;
      total: string;
      share: string;
      threshold: Threshold;
      met: boolean;
    }
  | { code: 'majority'; option: string; votes: string; of: string; share: string; met: boolean }
  | { code: 'leader'; option: string; votes: string; unit: 'votes' | 'points' }
  | { code: 'tie'; options: string[]; votes: string; unit: 'votes' | 'points' }
  | { code: 'approved'; options: string[] }
  | { code: 'irv-round'; round: number; counts: string; eliminated: string[] }
  | { code: 'irv-winner'; option: string; round: number; votes: string; of: string }
  | { code: 'funded'; options: string[]; spent: string; funds: string }
  | {
      code: 'outcome';
      passed: boolean | null;
      winner: string | null;
      abstentionsNote: boolean;
      /**
       * Set while the count can still change: the outcome is then worded as the current standing ("so far …"),
       * never as a result, because residents read "结果：未通过" as the decision itself.
       */
      standing?: Standing;
    };

/** Why a count is not final yet: voting is under way, or has not begun. */
export type Standing = 'voting-open' | 'not-started';

const list = (ids: string[], lang: Lang) => ids.join(lang === 'en' ? ', ' : '、');

function dimensionWord(dimension: 'area' | 'count', lang: Lang) {
  if (lang === 'en') return dimension === 'area' ? 'area' : 'owners';
  return dimension === 'area' ? '专有部分面积' : '业主人数';
}

function standingEnglish(passed: boolean | null, winner: string | null, standing: Standing): string {
  const note =
    standing === 'voting-open'
      ? passed === true
        ? 'voting is open; the result is decided when voting closes'
        : 'voting is open'
      : 'voting has not started';
  if (passed === true) return `So far the conditions to pass are met${winner ? ` ("${winner}")` : ''} (${note}).`;
  if (passed === false) return `So far the conditions to pass are not met (${note}).`;
  return winner ? `So far "${winner}" leads (${note}).` : `So far no option leads (${note}).`;
}

function standingChinese(passed: boolean | null, winner: string | null, standing: Standing): string {
  const note =
    standing === 'voting-open'
      ? passed === true
        ? '投票进行中，以投票结束时的结果为准'
        : '投票进行中'
      : '投票尚未开始';
  if (passed === true) return `目前已达到通过条件${winner ? `（“${winner}”）` : ''}（${note}）。`;
  if (passed === false) return `目前尚未达到通过条件（${note}）。`;
  return winner ? `目前“${winner}”领先（${note}）。` : `目前没有领先选项（${note}）。`;
}

function formatEnglish(r: Reason): string {
  switch (r.code) {
    case 'no-ballots':
      return 'No ballots were cast.';
    case 'participation': {
      const unit = r.dimension === 'area' ? ' m²' : '';
      const verdict = r.met ? 'meets' : 'does not meet';
      return `Participation by ${dimensionWord(r.dimension, 'en')}: ${r.part}${unit} of ${r.total}${unit} (${r.share}) ${verdict} the required ${describeThreshold(r.threshold, 'en')}.`;
    }
    case 'approval': {
      const unit = r.dimension === 'area' ? ' m²' : '';
      const verdict = r.met ? 'meets' : 'does not meet';
      const who = r.option === 'yes' ? 'Yes votes' : `Votes for "${r.option}"`;
      return `${who} by participating ${dimensionWord(r.dimension, 'en')}: ${r.part}${unit} of ${r.total}${unit} (${r.share}) ${verdict} the required ${describeThreshold(r.threshold, 'en')}.`;
    }
    case 'majority':
      return `"${r.option}" has ${r.votes} of ${r.of} votes (${r.share}), ${r.met ? 'more than half' : 'not more than half'}.`;
    case 'leader':
      return `"${r.option}" leads with ${r.votes} ${r.unit}.`;
    case 'tie':
      return `Tie: ${list(r.options, 'en')} each have ${r.votes} ${r.unit}, so there is no winner.`;
    case 'approved':
      return r.options.length ? `Approved: ${list(r.options, 'en')}.` : 'No option reached the required support.';
    case 'irv-round':
      return `Round ${r.round}: ${r.counts}${r.eliminated.length ? `; eliminated ${list(r.eliminated, 'en')}` : ''}.`;
    case 'irv-winner':
      return `"${r.option}" wins in round ${r.round} with ${r.votes} of ${r.of} continuing votes (more than half).`;
    case 'funded':
      return `Funded within ${r.funds}: ${r.options.length ? list(r.options, 'en') : 'nothing'} (${r.spent} spent).`;
    case 'outcome': {
      const base = r.standing
        ? standingEnglish(r.passed, r.winner, r.standing)
        : r.passed === true
          ? `Result: passed${r.winner ? ` ("${r.winner}")` : ''}.`
          : r.passed === false
            ? 'Result: not passed.'
            : r.winner
              ? `Result: "${r.winner}" wins.`
              : 'Result: no winner.';
      return r.abstentionsNote ? `${base} Abstentions count as participation but not as approval.` : base;
    }
  }
}

function formatChinese(r: Reason): string {
  switch (r.code) {
    case 'no-ballots':
      return '没有收到选票。';
    case 'participation': {
      const unit = r.dimension === 'area' ? '平方米' : '人';
      return `参与表决的${dimensionWord(r.dimension, 'zh-CN')}为 ${r.part}${unit}，占总数 ${r.total}${unit} 的 ${r.share}，${r.met ? '达到' : '未达到'}${describeThreshold(r.threshold, 'zh-CN')}的要求。`;
    }
    case 'approval': {
      const unit = r.dimension === 'area' ? '平方米' : '人';
      const who = r.option === 'yes' ? '投同意票' : `选择“${r.option}”`;
      return `${who}的${dimensionWord(r.dimension, 'zh-CN')}为 ${r.part}${unit}，占参与表决的 ${r.total}${unit} 的 ${r.share}，${r.met ? '达到' : '未达到'}${describeThreshold(r.threshold, 'zh-CN')}的要求。`;
    }
    case 'majority':
      return `“${r.option}”获得 ${r.of} 票中的 ${r.votes} 票（${r.share}），${r.met ? '超过' : '未超过'}半数。`;
    case 'leader':
      return `“${r.option}”以 ${r.votes} ${r.unit === 'points' ? '分' : '票'}领先。`;
    case 'tie':
      return `平票：${list(r.options, 'zh-CN')} 各得 ${r.votes} ${r.unit === 'points' ? '分' : '票'}，没有胜出选项。`;
    case 'approved':
      return r.options.length ? `获得通过的选项：${list(r.options, 'zh-CN')}。` : '没有选项达到所需的支持。';
    case 'irv-round':
      return `第 ${r.round} 轮：${r.counts}${r.eliminated.length ? `；淘汰 ${list(r.eliminated, 'zh-CN')}` : ''}。`;
    case 'irv-winner':
      return `“${r.option}”在第 ${r.round} 轮以 ${r.of} 票中的 ${r.votes} 票（超过半数）胜出。`;
    case 'funded':
      return `在 ${r.funds} 元预算内获得资助：${r.options.length ? list(r.options, 'zh-CN') : '无'}（共 ${r.spent} 元）。`;
    case 'outcome': {
      const base = r.standing
        ? standingChinese(r.passed, r.winner, r.standing)
        : r.passed === true
          ? `结果：通过${r.winner ? `（“${r.winner}”）` : ''}。`
          : r.passed === false
            ? '结果：未通过。'
            : r.winner
              ? `结果：“${r.winner}”胜出。`
              : '结果：没有胜出选项。';
      return r.abstentionsNote ? `${base}弃权计入参与表决，但不计为同意。` : base;
    }
  }
}

export function formatReason(reason: Reason, lang: Lang): string {
  return lang === 'en' ? formatEnglish(reason) : formatChinese(reason);
}

/** Both languages in one line, zh-CN first: what `linli tally` prints unless `--lang` picks one. */
export function formatReasonBilingual(reason: Reason): string {
  return `${formatChinese(reason)} / ${formatEnglish(reason)}`;
}
