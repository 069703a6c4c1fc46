/**
 * Labels the dictionary (label-words.ts) does not list, known by how they end or begin: `来电编号`, `涉及地点`,
 * `处置部门`, `Assigned Department`, `Incident Location`, `Date Logged`. Asked of a normalised label (labels.ts).
 */
import type { LabelMatch } from './labels';

const UPDATE_HINT = /回复|答复|反馈|处理|办理|处置|结案|办结|意见|结果/;
const UPDATE_TIME_HINT = /回复|答复|反馈|办结|处理|处置|完成|结案|更新|办理|出具/;

// A party's own address (`Applicant Address`, `Postal Address`, `联系地址`) is where to write to someone, never where the
// case is. Page: au-lanecove-civica-application-details (the applicant's office had been taken for the site). `Mailing`
// alone says the same beside an establishment's site (us-osha-inspection-1458614-group-1-automotive).
const PARTY_ADDRESS =
  /^(?:(applicants?|owners?|agent|builder|certifier|architect|postal|mailing|contact|correspondence|billing|home|reporter|complainant|caller)address|mailing|postal)$/;
const PARTY_ADDRESS_ZH = /^(申请人|联系|通讯|通信|邮寄|家庭|户籍|投诉人|反映人|来信人|来电人)(地址|住址)$/;

/** English labels the dictionary does not list (`Assigned Department`, `Incident Location`, `Date Logged`). */
function englishSuffix(k: string): LabelMatch | null {
  // `RELATED BILL DETAILS:`, `Related applications`: other records than the case. Page: us-thomas-hconres74-bill-status.
  if (/^(related|other|similar|linked)/.test(k)) return { field: 'ignore', rank: 2 };
  // `Phone No`, `Account Number`: a number of something else than the case (before the `…no` rule below).
  if (/^(phone|tel|telephone|mobile|cell|fax|contact|contactphone)(no|number|num)$/.test(k))
    return { field: 'phone', rank: 1 };
  if (/^(account|bankaccount|card|passport|licence|license|driverslicence)(no|number|num)$/.test(k))
    return { field: 'secret', rank: 1 };
  if (
    /(department|agency|division|team|office|officer|committee|court|authority|assignedto|handledby)$/.test(k) ||
    /^responsible/.test(k)
  )
    return { field: 'department', rank: 2 };
  // `Case Title`, `Matter Name`, `Short Title`, `Subject Line`: the case's name on registers, dockets and bill lists.
  if (
    /^(case|matter|application|request|report|bill|petition|complaint|issue|short|official|latest|enquiry|inquiry|letter|message|item|proposal|project|subject)(title|name|caption|heading|line|summary)$/.test(
      k,
    )
  )
    return { field: 'title', rank: 1 };
  if (/^(heading|topic|headline|caption|captiontext)$/.test(k)) return { field: 'title', rank: 2 };
  // A bill's sponsor or author is the one who put it forward (`Primary Sponsor`, `Introduced By`).
  if (/^((primary|chief|lead|prime)?(sponsors?|authors?)|introducedby|proposedby)$/.test(k))
    return { field: 'reporterName', rank: 1 };
  if (/^(subjects|topics|subjectarea|policyarea)$/.test(k)) return { field: 'category', rank: 2 };
  if (
    /^(submission|report|application|request|complaint|filing|lodgement|creation|receipt|intake)(date|time|on)$/.test(k)
  )
    return { field: 'reportedAt', rank: 2 };
  if (/^dateof(submission|lodgement|filing|receipt|creation)$/.test(k)) return { field: 'reportedAt', rank: 2 };
  // `Agency Response`, `Council's Reply`: what the handling body answered.
  if (/.(response|reply|resolution|result)$/.test(k)) return { field: 'update', rank: 2 };
  if (/^(handling|responsible|business|assigned|owning|service)unit$/.test(k)) return { field: 'department', rank: 2 };
  if (/^(suburb|locality|town|townorsuburb|suburbortown)$/.test(k)) return { field: 'address', rank: 2 };
  // `Nature of Complaint`, `Description of Works`: what the case is about.
  if (/^(natureof|descriptionof|detailsof)/.test(k)) return { field: 'description', rank: 1 };
  if (/^(typeof|kindof|categoryof)/.test(k)) return { field: 'category', rank: 2 };
  if (/(lodged|logged|raised|reported|submitted|created)by$/.test(k)) return { field: 'reporterName', rank: 2 };
  if (k === 'by') return { field: 'updateBy', rank: 2 };
  if (/^(dateof|timeof)(complaint|report|request|submission|enquiry|inquiry|application)/.test(k))
    return { field: 'reportedAt', rank: 2 };
  if (
    /(complainant|reporter|requester|requestor|applicant|petitioner|caller|enquirer)(name)?$/.test(k) ||
    /^nameof/.test(k)
  )
    return { field: 'reporterName', rank: 2 };
  if (
    /^(application|request|case|complaint|report|enquiry|inquiry|petition|matter|claim|appeal|ticket)?(date|time)?(created|submitted|opened|reported|received|logged|raised|lodged|lodgement|filed|filing|introduced|intro)(on|at|date|time)?$/.test(
      k,
    )
  )
    return { field: 'reportedAt', rank: 2 };
  if (/^(date|time)?(closed|updated|resolved|completed)(on|at|date|time)?$/.test(k))
    return { field: 'updateAt', rank: 2 };
  // `Description | Commenced Date | Completed Date`: a step of a tracking table is dated by when it began, the column
  // before its end. Page: au-forbes-masterview-da-10-2019-46-details.
  if (/^(date|time)?(commenced|started|start|begun)(on|at|date|time)?$/.test(k)) return { field: 'updateAt', rank: 2 };
  if (/(type|category|subject)$/.test(k)) return { field: 'category', rank: 2 };
  if (PARTY_ADDRESS.test(k)) return { field: 'ignore', rank: 2 };
  if (/(location|address|street|site)$/.test(k)) return { field: 'address', rank: 2 };
  // `Total members that voted No`, `Votes Yes`: a vote's tally, not a number of the case (before the `…no` rule).
  // Page: ca-toronto-tmmis-agenda-item-2024-gg16-12.
  if (/vot(?:e|es|ed|ing)(?:yes|no|aye|nay|for|against|absent|abstain|abstained)$/.test(k))
    return { field: 'ignore', rank: 2 };
  if (/(number|reference|ref|refno|id|num|nbr|no)$/.test(k) && k.length > 3) return { field: 'caseNumber', rank: 2 };
  if (/(description|details)$/.test(k)) return { field: 'description', rank: 2 };
  if (/(status|stage)$/.test(k)) return { field: 'status', rank: 2 };
  // `Governor Action`, `Final Action`, `Committee Action`: an action taken on the matter says where it stands (a value
  // no status word maps is dropped). Page: us-missouri-house-hb45-bill-summary (`Governor Action: 7/08/2011 -
  // Approved by Governor (G)` beside a `Last Action` no word maps).
  if (/^[a-z]{3,20}action$/.test(k)) return { field: 'status', rank: 2 };
  return null;
}

/** Suffix rules catch labels the dictionary does not list (`来电编号`, `涉及地点`, `处置部门`). */
export function labelBySuffix(k: string): LabelMatch | null {
  if (/^[a-z]{2,40}$/.test(k)) return englishSuffix(k);
  if (!/^[\u3400-\u9fff]{2,10}$/.test(k)) return null;
  if (/(身份证|证件)/.test(k)) return { field: 'secret', rank: 1 };
  if (/(银行|卡号|账号)$/.test(k)) return { field: 'secret', rank: 1 };
  if (/(标题|主题|主旨)$/.test(k)) return { field: 'title', rank: 2 };
  if (/(内容|描述|情况)$/.test(k)) {
    return UPDATE_HINT.test(k) ? { field: 'update', rank: 2 } : { field: 'description', rank: 2 };
  }
  // `等待回复：27天20小时5分`: how long the case has waited for a reply, not a reply. Page:
  // cn-sun0769-wenzheng-case-456615.
  if (/^(?:已|正在)?等待/.test(k)) return { field: 'ignore', rank: 2 };
  if (/(意见|结果|回复|答复|反馈)$/.test(k)) return { field: 'update', rank: 2 };
  if (PARTY_ADDRESS_ZH.test(k)) return { field: 'ignore', rank: 2 };
  if (/(地址|地点|位置)$/.test(k)) return { field: 'address', rank: 2 };
  if (/(电话|手机|号码)$/.test(k)) return { field: 'phone', rank: 2 };
  if (/(编号|单号|案号|受理号|工单号)$/.test(k)) return { field: 'caseNumber', rank: 2 };
  if (/(时间|日期)$/.test(k)) {
    return UPDATE_TIME_HINT.test(k) ? { field: 'updateAt', rank: 2 } : { field: 'reportedAt', rank: 2 };
  }
  // `工单类型：求助` is the kind of request; `业务分类：二次供水` the subject. Both are categories, the subject first.
  if (/(类别|分类)$/.test(k)) return { field: 'category', rank: 1 };
  if (/类型$/.test(k)) return { field: 'category', rank: 2 };
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
  if (/姓名$/.test(k)) {
    return /(登记|受理|记录|经办|承办|审核|派遣|值班|操作|签收|录入)人?姓名$/.test(k)
      ? { field: 'ignore', rank: 2 }
      : { field: 'reporterName', rank: 2 };
  }
  if (/时限$/.test(k)) return { field: 'ignore', rank: 2 };
  return null;
}
