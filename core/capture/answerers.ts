/**
 * Who answers for a case and who wrote in, by how their names read: a government unit (`XX区住房和城乡建设局`), a
 * leader by title and name, the body a reply's heading names (`交通运输部回复：`), and the writer a retold message
 * quotes (`网友「小林」留言：`).
 */
import { collapse } from './text';

/** How the name of a government unit ends (`…住房和城乡建设局`, `…街道办事处`, `…委员会`). */
export const UNIT_ENDINGS_SOURCE =
  '局|委员会|委|办公室|办事处|办|政府|街道|中心|公司|集团|镇|乡|所|队|院|站|厅|署|council|department';
const UNIT_NAME = new RegExp(`(?:${UNIT_ENDINGS_SOURCE})$`, 'i');

/** `XX区住房和城乡建设局`: a unit that can handle a case (short, no sentence). */
export function isUnitName(text: string): boolean {
  const t = collapse(text);
  return t.length >= 3 && t.length <= 40 && !/[，。,.;；!?！？]/.test(t) && UNIT_NAME.test(t);
}

// A leader's title before a name of two to four characters (`局长苟仲文`, `党组书记关志鸥`): the leader answering a
// message addressed to them. Page: cn-people-liuyan-sport-message-6835141 (人民网 领导留言板).
const LEADER_TITLES = '局长|部长|书记|市长|省长|县长|区长|镇长|乡长|主任|厅长|署长|主席|行长|院长|社长|委员';
const LEADER_AND_NAME = new RegExp(`(?:${LEADER_TITLES})[\\u4e00-\\u9fa5·]{2,4}$`);

/** Who answers for a case: a unit (`XX区住房和城乡建设局`), or a unit's leader by title and name. */
export function isAnswererName(text: string): boolean {
  const t = collapse(text);
  if (isUnitName(t)) return true;
  return t.length >= 5 && t.length <= 40 && !/[，。,.;；!?！？:：\d]/.test(t) && LEADER_AND_NAME.test(t);
}

// A reply headed by the body that gives it (`交通运输部回复：`, `市住建局答复：`), as gov.cn 回应关切 and TRS/Hanweb
// article pages print it: that body answers for the case. `部` ends a ministry's name here, where a unit is expected.
// Page: cn-govcn-hudong-reply-6995915.
const REPLY_HEAD =
  /^(.{2,30}?(?:部|局|委员会|委|厅|办公室|办事处|办|署|院|中心|政府|街道|公司))(?:的)?(?:回复|答复|回应|复函)$/;

/** The body named in a reply's heading label (`交通运输部回复`), or undefined. */
export function unitOfReplyHead(label: string): string | undefined {
  const t = collapse(label).replace(/[:：]\s*$/, '');
  const m = REPLY_HEAD.exec(t);
  return m?.[1] && !/[，。,.;；!?！？]/.test(m[1]) ? m[1] : undefined;
}

// Who wrote in, quoted after the word for a netizen (`来自四川成都的网民“斯措”说：`, `网友「小林」留言：`): the
// writer's name on national portals that retell a message. Page: cn-govcn-hudong-reply-6995915.
const QUOTED_WRITER =
  /(?:网民|网友|留言人|来信人|市民|群众|读者)\s*[“"「『]([^”"」』\s，。,]{1,12})[”"」』]\s*(?:说|留言|反映|建议|提问|问|来信)?\s*[:：]/;

/** The writer's name a retold message quotes, or undefined. */
export function quotedWriter(text: string): string | undefined {
  return QUOTED_WRITER.exec(text.slice(0, 3000))?.[1];
}
