/**
 * The label dictionary: what portals call each Issue field, in simplified Chinese, traditional Chinese and English.
 * Labels are normalised first (spaces, colons, asterisks dropped; traditional characters folded to simplified;
 * English lower-cased), so one entry covers `联 系 人：`, `*聯絡人` and `Contact name:`.
 */

export type FieldKey =
  | 'title'
  | 'description'
  | 'address'
  | 'reporterName'
  | 'phone'
  | 'caseNumber'
  | 'reportedAt'
  | 'category'
  | 'status'
  | 'department'
  | 'channel'
  | 'update'
  | 'updateAt'
  | 'updateBy'
  | 'updateStatus'
  | 'secret'
  | 'ignore';

/** A label recognised: which field, and how sure (0 = the page's usual word for it, higher = vaguer). */
export interface LabelMatch {
  field: FieldKey;
  rank: number;
}

/** Fields that describe the issue itself (not a reply, not noise). */
export const ISSUE_FIELDS: ReadonlySet<FieldKey> = new Set([
  'title',
  'description',
  'address',
  'reporterName',
  'phone',
  'caseNumber',
  'reportedAt',
  'category',
  'status',
  'department',
  'channel',
]);

// Traditional → simplified for the characters that occur in portal labels and status words.
const T2S_PAIRS =
  '處处辦办狀状態态編编號号單单機机關关間间時时內内點点題题類类別别聯联絡络電电話话稱称條条結结覆复復复進进見见報报陳陈訴诉歸归屬属區区務务業业門门負负責责詳详細细問问應应聲声請请說说員员連连碼码證证帳账戶户銀银發发項项議议論论評评價价檔档統统計计來来轉转簽签審审經经過过備备註注構构組组織织種种況况錄录紀纪記记與与為为對对後后們们縣县鄉乡鎮镇裡里裏里場场現现圖图傳传視视頻频線线熱热贊赞開开閉闭談谈員员導导進进門门題题維维護护修修達达實实際际況况響响歷历樣样處处暫暂無无檢检測测報报覽览數数據据標标準准號号碼码寫写讀读選选擇择優优層层體体區区劃划';
const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS[i]!, T2S_PAIRS[i + 1]!);

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += T2S.get(ch) ?? ch;
  return out;
}

const LABEL_JUNK = /[\s\u00a0\u3000*＊※★☆·•:：﹕∶【】[\]()（）<>《》「」'"“”‘’_\-–—|｜]+/g;

/** The comparable form of a label: no spaces, colons, brackets or asterisks; simplified; lower-case. */
export function normalizeLabel(raw: string): string {
  return toSimplified(raw.normalize('NFKC').toLowerCase()).replace(LABEL_JUNK, '');
}

type Entry = readonly [FieldKey, number, readonly string[]];

/** Space-separated words (English multi-word labels are written without spaces, as normalised). */
const w = (words: string): string[] => words.split(' ');

// Order inside a list does not matter; the number is the rank (0 = specific, 2 = generic).
const ENTRIES: readonly Entry[] = [
  [
    'title',
    0,
    w(
      '标题 诉求标题 主题 留言标题 事项名称 案件标题 事项标题 问题标题 工单标题 信件标题 来信标题 主旨 诉求主题 投诉标题 咨询标题 建议标题 帖子标题 案件名称 问题名称 事件名称 事件标题 留言主题 信件主题 陈情主旨 诉求事项 问题概述 事项摘要 诉求摘要 案件概况 问题摘要 来信主题 反映问题 诉求概要 subject title summary problem issue requesttitle',
    ),
  ],
  ['title', 2, w('名称 事由 案由 事项 摘要 概要 问题 request')],
  [
    'description',
    0,
    w(
      '诉求内容 问题描述 留言内容 详细描述 反映内容 来电内容 来信内容 诉求描述 事项内容 案件描述 投诉内容 具体内容 情况描述 事件描述 问题内容 诉求详情 详细内容 问题详情 信件内容 陈情内容 陈情事项 咨询内容 建议内容 举报内容 案件内容 事件内容 description details detail problemdescription yourmessage requestdescription moreinformation',
    ),
  ],
  ['description', 1, w('内容 描述 正文 content message body text')],
  [
    'address',
    0,
    w(
      '发生地点 事发地址 问题地址 发生地址 事发地点 涉及地点 问题位置 详细地址 案发地址 所在地址 事件地址 诉求地址 案件地址 发生位置 事发位置 问题地点 location address nearestaddress streetaddress incidentaddress',
    ),
  ],
  [
    'address',
    1,
    w(
      '地址 地点 位置 所在位置 发生地 事发地 问题发生地 具体位置 where street nearestroad nearestroadtothepin postcode nearestpostcode',
    ),
  ],
  ['address', 2, w('小区')],
  [
    'reporterName',
    0,
    w(
      '联系人 反映人 来电人 留言人 上报人 投诉人 诉求人 来信人 陈情人 市民姓名 联系人姓名 来访人 举报人 发帖人 提问人 反映人姓名 来电人姓名 reportedby contactname yourname submittedby reporter requester requestor',
    ),
  ],
  ['reporterName', 1, w('姓名 申请人 提交人 网民 网友 网友昵称 网民昵称 留言者 提问者 name author')],
  ['reporterName', 2, w('昵称 用户 用户名')],
  [
    'phone',
    0,
    w(
      '联系电话 手机 电话 手机号 手机号码 联系方式 电话号码 来电号码 联系手机 固定电话 联系号码 联络电话 phone telephone tel mobile contactnumber phonenumber',
    ),
  ],
  [
    'caseNumber',
    0,
    w(
      '工单编号 案件号 工单号 受理编号 案件编号 来电编号 留言编号 登记编号 诉求编号 事项编号 信件编号 流水号 受理号 查询码 案号 投诉编号 件号 信件号 案件单号 陈情编号 reference ref refno casenumber caseno caseid referencenumber referenceno reportid ticketnumber requestid requestnumber servicerequest servicerequestnumber servicerequestid',
    ),
  ],
  ['caseNumber', 1, w('编号 单号 id number no')],
  [
    'reportedAt',
    0,
    w(
      '受理时间 留言时间 提交日期 来电时间 上报时间 反映时间 提交时间 投诉时间 诉求时间 来信时间 受理日期 留言日期 反映日期 来电日期 上报日期 提问时间 发帖时间 诉求日期 陈情日期 陈情时间 举报时间 reported submitted datereported reportedon submittedon datesubmitted datecreated created opened dateopened received datereceived',
    ),
  ],
  ['reportedAt', 1, w('登记时间 登记日期 创建时间 申请时间 发生时间 报告时间')],
  ['reportedAt', 2, w('发布时间 发布日期 日期 时间 date time')],
  [
    'category',
    0,
    w(
      '类别 分类 诉求类型 问题类型 问题分类 案件类别 留言类别 事项类别 诉求类别 业务类型 诉求分类 事件类型 案件类型 问题类别 所属类别 诉求种类 信件类型 留言分类 事件分类 案件分类 category problemtype servicetype requesttype servicename',
    ),
  ],
  ['category', 1, w('类型 类目 type service')],
  [
    'status',
    0,
    w(
      '办理状态 状态 处理状态 案件状态 工单状态 当前状态 留言状态 回复状态 事项状态 诉求状态 status state currentstatus currentstate',
    ),
  ],
  ['status', 2, w('进度 当前进度 办理进度 当前环节')],
  [
    'department',
    0,
    w(
      '承办单位 责任部门 处理部门 承办部门 办理单位 处置部门 责任单位 承办机关 受理单位 处理单位 办理部门 交办单位 主办部门 承办处室 处置单位 department assignedto responsibleparty handledby sentto agency responsibleagency responsibledepartment',
    ),
  ],
  ['department', 2, w('部门 单位 机关 处理机关')],
  ['department', 3, w('主办单位')],
  ['channel', 0, w('诉求渠道 案件来源 反映方式 诉求来源 来电渠道 信息来源 反映渠道 来源渠道 channel via')],
  ['channel', 1, w('来源 渠道 source')],
  [
    'update',
    0,
    w(
      '办理结果 答复内容 回复内容 处理意见 处理结果 办理意见 答复意见 回复意见 反馈内容 反馈意见 处置结果 处理情况 办理情况 回复 答复 官方回复 部门回复 结案意见 处理回复 办理答复 核查情况 处置情况 处置意见 答复情况 回复情况 反馈结果 反馈情况 办结意见 办理过程 处理过程 处理记录 办理记录 流转记录 跟进记录 进展情况 response update reply officialresponse councilresponse resolution outcome resolutionnotes',
    ),
  ],
  [
    'updateAt',
    0,
    w(
      '回复时间 答复时间 办结时间 处理时间 反馈时间 处置时间 办理时间 答复日期 回复日期 结案时间 完成时间 办结日期 respondedat responsedate dateresponded updated lastupdated dateclosed closed closeddate',
    ),
  ],
  [
    'updateBy',
    0,
    w(
      '回复单位 答复单位 答复部门 回复部门 回复人 处理人 反馈单位 答复机关 回复机关 处置人 答复人 respondedby updatedby postedby',
    ),
  ],
  ['update', 0, w('回访情况 回访结果 回访内容 办理情形 处理情形 答复情形')],
  ['updateStatus', 0, w('环节 处理环节 办理环节 流程节点 节点')],
  [
    'secret',
    0,
    w(
      '身份证号 身份证号码 证件号码 证件号 身份证 银行卡号 银行账号 账号 卡号 证件编号 身份证件号码 idnumber idcard nationalid',
    ),
  ],
  [
    'ignore',
    0,
    w(
      '序号 操作 办理时限 处置时限 处理时限 浏览 点击 浏览次数 点击量 浏览量 回复数 所属网格 所属居委 登记人 受理人 记录人 经办人 审核人 承办人 派遣人 满意度 评价 附件 现场照片 照片 图片 当前位置 您现在的位置 现在位置 位置导航 验证码 关键字 关键词 字号 分享 网站标识码 views share actions action',
    ),
  ],
];

const EXACT = new Map<string, LabelMatch>();
for (const [field, rank, words] of ENTRIES) {
  for (const w of words) {
    const key = normalizeLabel(w);
    if (!EXACT.has(key)) EXACT.set(key, { field, rank });
  }
}

const UPDATE_HINT = /回复|答复|反馈|处理|办理|处置|结案|办结|意见|结果/;
const UPDATE_TIME_HINT = /回复|答复|反馈|办结|处理|处置|完成|结案|更新|办理/;

/** Suffix rules catch labels the dictionary does not list (`来电编号`, `涉及地点`, `处置部门`). */
function bySuffix(k: string): LabelMatch | null {
  if (!/^[\u3400-\u9fff]{2,10}$/.test(k)) return null;
  if (/(身份证|证件)/.test(k)) return { field: 'secret', rank: 1 };
  if (/(银行|卡号|账号)$/.test(k)) return { field: 'secret', rank: 1 };
  if (/(标题|主题|主旨)$/.test(k)) return { field: 'title', rank: 2 };
  if (/(内容|描述|情况)$/.test(k)) {
    return UPDATE_HINT.test(k) ? { field: 'update', rank: 2 } : { field: 'description', rank: 2 };
  }
  if (/(意见|结果|回复|答复|反馈)$/.test(k)) return { field: 'update', rank: 2 };
  if (/(地址|地点|位置)$/.test(k)) return { field: 'address', rank: 2 };
  if (/(电话|手机|号码)$/.test(k)) return { field: 'phone', rank: 2 };
  if (/(编号|单号|案号|受理号|工单号)$/.test(k)) return { field: 'caseNumber', rank: 2 };
  if (/(时间|日期)$/.test(k)) {
    return UPDATE_TIME_HINT.test(k) ? { field: 'updateAt', rank: 2 } : { field: 'reportedAt', rank: 2 };
  }
  if (/(类别|分类|类型)$/.test(k)) return { field: 'category', rank: 2 };
  if (/状态$/.test(k)) return { field: 'status', rank: 2 };
  if (/(单位|部门|机关|机构|处室)$/.test(k)) {
    return /(回复|答复|反馈)/.test(k) ? { field: 'updateBy', rank: 2 } : { field: 'department', rank: 2 };
  }
  if (/(渠道|来源|方式)$/.test(k)) return { field: 'channel', rank: 2 };
  if (/人$/.test(k)) {
    if (/(回复|答复|处理|处置|反馈)人$/.test(k)) return { field: 'updateBy', rank: 2 };
    if (/(登记|受理|记录|经办|承办|审核|派遣|值班|操作|签收|录入)人$/.test(k)) return { field: 'ignore', rank: 2 };
    return { field: 'reporterName', rank: 2 };
  }
  if (/时限$/.test(k)) return { field: 'ignore', rank: 2 };
  return null;
}

/** Recognises a label; null when the text is not a known label. `exact` skips the suffix rules. */
export function matchLabel(raw: string, exact = false): LabelMatch | null {
  const key = normalizeLabel(raw);
  if (!key || key.length > 24) return null;
  return EXACT.get(key) ?? (exact ? null : bySuffix(key));
}

/**
 * Does this short text look like a label even if unknown (ends with a colon, no digits)? Unknown labels still end
 * the previous value in `label：value  label：value` runs.
 */
export function looksLikeLabel(raw: string): boolean {
  const t = raw.trim();
  if (!/[:：]$/.test(t)) return false;
  const body = t.slice(0, -1).trim();
  return body.length > 0 && body.length <= 16 && !/\d/.test(body) && !/[。，,.!?！？]/.test(body);
}
