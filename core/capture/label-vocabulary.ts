/**
 * Label words gathered systematically from public scrapers rather than page by page: each scraper encodes the labels
 * of the sites it parses, so hundreds of scrapers give the vocabulary a family of portals actually uses. Only the
 * words are kept here (facts about the portals' wording); each table names the family of sites they come from.
 * Written as labels.ts normalises them (no spaces, lower-case). Looked up after label-words.ts and courts.ts, so a
 * word already there keeps its field; a word here overrides only the suffix rules (label-rules.ts).
 */
import type { LabelEntry } from './label-words';

const w = (words: string): string[] => words.split(' ');

/**
 * UK planning registers (Idox Public Access, Northgate Planning Explorer, Acolnet, SwiftLG, Ocella, Civica, as read by
 * the UKPlanning and uk_planning_scraper scrapers of some 400 councils): `Application Received`, `Date Valid`,
 * `Proposal`, `Decision Issued Date`, `Case Officer`, `Ward`. An application is the case; its decision date is when it
 * was answered; the dates of consultations, site notices, adverts, committees, targets and appeals, the agent, the
 * ward and the parish say nothing a case holds.
 */
export const UK_PLANNING_LABELS: readonly LabelEntry[] = [
  [
    'caseNumber',
    0,
    w(
      'applicationreference applicationreferencenumber planningreference planningapplicationnumber casereference caseref',
    ),
  ],
  [
    'reportedAt',
    0,
    w(
      'dateapplicationreceived applicationreceived receivedon validated validatedon validfrom dateapplicationvalidated dateapplicationvalid planningapplicationvalid dateofvalidation validationdate',
    ),
  ],
  // `Date when request received: 20/08/2010 (dd/mm/yyyy)`: the day a request was made (eu-vies-vat-validation-gb-677974165).
  ['reportedAt', 0, w('datewhenrequestreceived requestreceived daterequestreceived datewhenreceived')],
  [
    'description',
    0,
    w('fulldescription descriptionofdevelopment detailsofproposal proposaldetails developmentproposal'),
  ],
  ['description', 1, w('development')],
  ['address', 0, w('addressofproposal locationofproposal developmentaddress mainlocation locationpostcode')],
  ['status', 0, w('applicationstatus planningstatus decisionstatus')],
  [
    'status',
    1,
    w('committeedecision councildecision delegateddecision decisiondetail decisionnotice planningapplicationdecision'),
  ],
  [
    'updateAt',
    0,
    w(
      'datedecisionmade decisionmade decisionmadedate decidedon decisionissued decisionissueddate datedecisionissued decisiondespatched datedecisiondespatched despatchdate decisionnotificationdate decisionprinteddate datedecisionprinted',
    ),
  ],
  ['department', 1, w('caseofficername officername officerresponsible planningofficer handlingofficer')],
  ['category', 1, w('typeofapplication casetype developmenttype developmenttypes typeofdevelopment')],
  // Where the site lies in the council's map of wards and parishes: not its address.
  [
    'ignore',
    0,
    w(
      'ward wards councilward currentward electoraldivision electoraldivisions parish parishes communitycouncil towncouncil conservationarea constituency',
    ),
  ],
  // The agent acts for the applicant (who is no reporter either): their names and addresses are not the site's.
  [
    'ignore',
    0,
    w(
      'agent agentname agentsname agentdetails agentaddress agentsaddress agentphone agentphonenumber agenttelephone agentcompany correspondent correspondentaddress applicantsaddress applicantcompany developer',
    ),
  ],
  // Other dates of the application than its receipt and its decision.
  [
    'ignore',
    0,
    w(
      'targetdate targetdecisiondate targetdeterminationdate determinationdeadline expirydate decisiondueby decisionduedate expecteddecisiondate statutoryexpiry agreedexpirydate overallexpirydate eightweekdate consultationstartdate consultationenddate consultationexpiry consultationexpirydate consultationperiodends standardconsultationdate standardconsultationexpiry neighbourconsultationdate neighbourconsultationexpiry neighbourexpiry closingdateforcomments commentsby commentby commentsuntil latestdateforcomments sitenoticedate sitenoticeposted sitenoticeexpiry sitenoticeexpirydate dateadvertised advertiseddate advertisedinpress advertexpiry advertisementexpirydate publicityexpirydate committeedate permissionexpirydate permissionexpires decisionexpiry',
    ),
  ],
  // An appeal is a later case about the decision; its dates and outcome are not the application's.
  [
    'ignore',
    0,
    w(
      'appealdate appealstatus appealdecision appealdecisiondate appealreceived appeallodged appealstartdate appealtype',
    ),
  ],
  // Who decides (`Delegated`, `Committee`) and the application's numbers in other systems.
  [
    'ignore',
    0,
    w(
      'decisionlevel decisiontype decisionmadeby determinationlevel committeeordelegated decisionmethod levelofdecision planningportalreference planningportalref portalreference alternativereference oldreference easting northing uprn',
    ),
  ],
];

/**
 * US state legislatures' bill pages (as read by the Open States scrapers of all 50 states): `Sponsored by`, `Chief
 * Patron`, `Prefiled`, `Synopsis`, `Bill Number`. A bill is the case; who filed it is the reporter; co-sponsors only
 * joined it.
 */
export const BILL_PAGE_LABELS: readonly LabelEntry[] = [
  ['caseNumber', 0, w('billnumber billno measurenumber resolutionnumber')],
  ['reporterName', 1, w('sponsoredby leadsponsor floorsponsor chiefpatron patron billsponsor')],
  ['reportedAt', 0, w('prefiled prefileddate dateprefiled')],
  ['description', 1, w('synopsis synopsisasintroduced shortdescription billsummary digest')],
  ['status', 1, w('billstatus')],
  ['department', 1, w('referredtocommittee assignedcommittee currentcommittee')],
  ['ignore', 0, w('cosponsor cosponsors cosponsoredby cosponsorship companion companionbill')],
];

/**
 * Chinese letter boards and 信访 pages (as read by the crawlers of 问政, 市长信箱 and 12345 portals): the addressee of a
 * message (`留言对象：市长`) and the office it was passed to are the body asked to act; `来文号`/`来文时间` number and
 * date an official letter.
 */
export const LETTER_BOARD_LABELS: readonly LabelEntry[] = [
  ['department', 1, w('留言对象 写信对象 来信对象 投诉对象 分派至部门 转交部门 交办部门 主管部门')],
  ['caseNumber', 0, w('来文号 信访编号 信访件编号')],
  ['reportedAt', 0, w('来文时间 信访日期 信访时间')],
  ['reporterName', 0, w('信访人')],
];

/**
 * German parliament documentation systems (J3S ParlDok, STARWeb, PARIS) head their result columns and label their
 * records `Urheber` (who asked), `Drucksache` / `Drs` (the printed paper's number), `Typ` (the document's type, which
 * says whether it was answered: `Kleine Anfrage und Antwort`). `Datum`, `Nummer` and `Titel` are left out: words so
 * common would make any German table's header a list's. Pages: de-mv-parldok-kleine-anfragen-search-results,
 * de-hamburg-parldok-schriftliche-kleine-anfragen-search-results.
 */
export const GERMAN_PARLIAMENT_LABELS: readonly LabelEntry[] = [
  ['reporterName', 0, w('urheber fragesteller fragestellerin einreicher')],
  ['caseNumber', 0, w('drucksache drucksachennummer drs')],
  ['status', 1, w('typ dokumenttyp dokumentart')],
  // The day the question came in (`Eing.-datum`): de-sachsen-edas-kleine-anfrage-6-1711-trefferanzeige.
  ['reportedAt', 0, w('eingdatum eingangsdatum')],
  // A procedure's own reference (`Procedure reference 2022/2852(RSP)`) ahead of a document's bare `Reference` column
  // (`SP(2022)720`, a follow-up paper): eu-europarl-oeil-procedure-file-2022-2852-rsp-schengen.
  ['caseNumber', -1, w('procedurereference procedurenumber')],
];

/**
 * NSW planning panels (the Planning Portal's panel pages): a panel reviews a council's development application, so
 * the panel's own reference (`Planning panel reference number PPSSTH-638`) names the panel's case ahead of the council's
 * `DA number` (rank -1); `Project Address` is its place. Page: au-nsw-planning-portal-planning-panel-ppssth-638.
 */
export const AU_PLANNING_PANEL_LABELS: readonly LabelEntry[] = [
  ['caseNumber', -1, w('planningpanelreferencenumber panelreferencenumber panelreference panelref')],
  ['address', 0, w('projectaddress')],
];

/**
 * Chinese government procurement notices (政府采购 招标/中标/成交公告, as read by the crawlers of 中国政府采购网 and the
 * provinces' sites): the project number numbers the notice's case, the project name says what it buys, the buyer is the
 * body acting; the winning supplier and the agency only answer it. Page: cn-ccgp-hebei-weichang-award-notice-1485252.
 */
export const PROCUREMENT_NOTICE_LABELS: readonly LabelEntry[] = [
  ['caseNumber', 0, w('项目编号 采购项目编号 招标编号 采购编号 招标项目编号 采购计划编号')],
  ['description', 1, w('项目名称 采购项目名称 招标项目名称')],
  ['department', 1, w('采购人 采购单位 采购人名称 招标人')],
  ['ignore', 0, w('中标供应商 成交供应商 中标人 供应商名称 采购代理机构 代理机构')],
];

/**
 * The catalogue table atop a Chinese government disclosure notice (政务公开 / 信息公开: `索引号 | 文号 | 发布机构 |
 * 成文日期`): the document's number (`丽政发〔2023〕30号`) numbers the case; the day it was written yields to the day
 * it was published (`发布时间：2023-10-23 08:59` under the title), when the page gives that too. Pages:
 * cn-lishui-xxgk-veteran-placement-notice-2493752, cn-fjmx-mingxi-county-housing-measures (`公文生成日期`).
 */
export const GOV_DISCLOSURE_LABELS: readonly LabelEntry[] = [
  ['caseNumber', 0, w('文号 发文字号 发文文号')],
  ['reportedAt', 3, w('成文日期 成文时间 生成日期 公文生成日期')],
];

/**
 * US civil-rights case lists (the Department of Education's Office for Civil Rights, a state human-rights
 * commission's open investigations): `Institution` is the school or body complained of, which names the case;
 * `Open Investigation Date` is the day the case opened; `Institution Type` sorts the institution, not the case (the
 * case's type is `Type of Discrimination`). Page: us-ed-ocr-pending-title-ix-investigations-list.
 */
export const CIVIL_RIGHTS_CASE_LABELS: readonly LabelEntry[] = [
  ['title', 1, w('institution institutionname')],
  ['reportedAt', 0, w('openinvestigationdate investigationopened dateinvestigationopened investigationopendate')],
  ['ignore', 0, w('institutiontype typeofinstitution')],
];

/**
 * Meeting calendars' grids (Legistar's `Name | Meeting Date | Meeting Time | Meeting Location | Meeting Topic`, and
 * the like of other agenda software): the meeting's day and hour, and what it is about. Page:
 * us-nyc-council-legistar-calendar-2014-06.
 */
export const MEETING_GRID_LABELS: readonly LabelEntry[] = [
  ['reportedAt', 1, w('meetingdate hearingdate sessiondate')],
  ['reportedAt', 2, w('meetingtime hearingtime sessiontime')],
  ['description', 1, w('meetingtopic hearingtopic meetingsubject')],
];

/**
 * Italian municipal notice boards (albo pretorio online: DaDaBIK, Sistemia, Halley and the like) head their columns
 * `Numero atto | Oggetto | Data pubblicazione | Emessa da | Tipo atto`: the act's subject is the row's title, its
 * issuing office the department, its type the category, the day it went up on the board the day reported. The
 * board's own running number (`Pubblicazione n.`, `N. registro`), the year (`Anno`, which the `…no` suffix rule took
 * for a number) and the act's other dates say nothing a case holds. Page: it-barcellonapg-albo-pretorio-atti-list.
 */
export const ITALIAN_ALBO_LABELS: readonly LabelEntry[] = [
  ['title', 0, w('oggetto oggettoatto oggettodellatto')],
  ['caseNumber', 0, w('numeroatto natto nratto numatto numerodellatto')],
  ['reportedAt', 0, w('datapubblicazione datadipubblicazione pubblicatoil iniziopubblicazione')],
  ['department', 1, w('emessada emessoda ufficio settore areaproponente ufficioproponente servizio')],
  ['category', 1, w('tipoatto tipologia tipologiaatto tipodiatto tipodocumento')],
  ['status', 1, w('stato statoatto')],
  [
    'ignore',
    0,
    w(
      'anno annoatto pubblicazionen nregistro numeroregistro numeroalbo nalbo dataemissione dataatto dataadozione finepubblicazione esecutivada numeroattosettore',
    ),
  ],
];

/**
 * Parliaments' document registers (question papers, replies to written questions) list each paper by its code and
 * date: `Document Name | Date | House | Language`. The code (`RNW2356-131003`) is all the row names, so it is the
 * title; the chamber and the language repeat on every row and say nothing of the paper. Pages:
 * za-parliament-na-executive-replies-to-questions-list, za-parliament-internal-question-papers-list.
 */
export const DOCUMENT_REGISTER_LABELS: readonly LabelEntry[] = [
  ['title', 1, w('documentname nameofdocument documenttitle')],
  // The column of links to the paper (`View Document (94.50 kb)`) holds no description.
  ['ignore', 0, w('house chamber language viewdetails viewdocument')],
];

/**
 * Parliaments' pages of one paper (a motion, an amendment, a written question): who tabled it (`Indiener`,
 * `Ingediend door`, `Submitted by`, `提出人`) is the reporter; the day it was published is the day it was tabled; the
 * vote's outcome is its status (status.ts reads the vote words; `Besluit` stays unknown, as structure-detail.test.ts
 * needs a Dutch label no table knows); how the vote was taken says nothing a case holds. `Datum publicatie` is left out: Gelinkt Notuleren closes a meeting's decision list
 * with it, the day the list went up, not the meeting's (be-essen-gelinkt-notuleren-gemeenteraad-besluitenlijst-2023-11-28).
 * Page: nl-tweedekamer-motie-33308-13-geschillencommissie-verworpen.
 */
export const PARLIAMENT_PAPER_LABELS: readonly LabelEntry[] = [
  ['reporterName', 0, w('indiener indieners ingediendoor eerstondertekenaar tabledby movedby 提出人 提案人 动议人')],
  ['reportedAt', 1, w('publicatiedatum datumindiening dateoftabling tabledon')],
  ['status', 1, w('stemmingsuitslag uitslag')],
  ['ignore', 0, w('stemmingsoort soortstemming medeindiener medeindieners')],
  // The Romanian Chamber of Deputies' `Tip initiativa: Propunere legislativa` (the kind of bill). Page:
  // ro-cdep-bp346-2013-ziua-independentei.
  ['category', 1, w('tipinitiativa tipinițiativă tipinitiativă')],
];

/**
 * A legislature's questions taken on notice, listed with their answers (`QoN No. | Senator | Broad Topic | Hansard
 * Page | View | Date Received`): the senator who asked is the reporter, the topic the question's title. Page:
 * au-aph-senate-estimates-communications-qon (every estimates committee's page is laid out so).
 */
export const PARLIAMENT_QUESTION_LABELS: readonly LabelEntry[] = [
  ['title', 1, w('broadtopic')],
  ['reporterName', 1, w('senator')],
];

/**
 * Parliaments' pages of one bill, each word with the page that motivated it: who brought the bill in is the reporter
 * (`Inlämnat av`, se-riksdagen-proposition-2022-23-99-varandringsbudget; `Benyújtó(k)`,
 * hu-parlament-iromany-t6322-koltsegvetes), the committee it was given the body acting (`Tilldelat`, the Riksdag
 * page), the day it was tabled its date (`Benyújtva`), the paper's kind its category (`Típus`; `Rūšis`,
 * lt-lrs-komiteto-isvada-xip-4714; `Tema principal`, co-congresovisible-proyecto-12558-reforma-tributaria), its number
 * in the chamber whose page it is its number (`Numeris`, `No. de proyecto en Cámara`). The broader kind, the other
 * chamber's number and the language say nothing a case holds. (`Tema secundario` and `Cuatrienio` stay unknown: known
 * as nothing, they leave `Tipo de proyecto de ley` alone among the unknown labels and the reader takes it for the
 * reporter.)
 */
export const PARLIAMENT_BILL_LABELS: readonly LabelEntry[] = [
  ['reporterName', 0, w('inlämnatav benyújtó benyújtók')],
  ['department', 1, w('tilldelat')],
  ['reportedAt', 0, w('benyújtva')],
  ['category', 0, w('típus rūšis temaprincipal')],
  ['caseNumber', 0, w('numeris nodeproyectoencámara')],
  ['ignore', 0, w('főtípus jelleg nodeproyectoensenado kalba')],
];

/**
 * Permit public notices (the US Army Corps of Engineers districts' regulatory notices, state water-permit notices):
 * capitalised run-in labels (`LOCATION OF WORK: On and north of Louisiana Highway 422, …`) whose place is where the
 * permitted work would be, and what that work is (`CHARACTER OF WORK: Clear, grade and fill …`). Page: us-usace-mvn-2013-1386-cu-public-notice.
 */
export const PERMIT_NOTICE_LABELS: readonly LabelEntry[] = [
  ['address', 0, w('locationofwork locationofactivity locationofproject locationofproposedwork')],
  ['description', 0, w('characterofwork descriptionofwork descriptionofactivity projectdescription')],
];

/**
 * Chinese administrative-penalty and -licensing disclosure tables (行政处罚/行政许可 信息公示, the 双公示 every
 * government body publishes in the same national format, as a label column or a header row): the decision's number
 * (`浙金罚决字〔2024〕52号`) numbers the case; the facts found (`主要违法违规事实`, `违法行为类型`) say what it is about;
 * the body that decided (`作出决定机关`) is the department, before the column a page's `来源` line names. The
 * penalised party is no reporter, and the legal basis, the party's codes and its legal representative say nothing a
 * case holds; what was imposed (`行政处罚内容`) describes the case only when no facts are given. Pages:
 * cn-nfra-xzcf-zongju-2024-36-penalty (label column), cn-nfra-xzcf-zhejiang-2024-52-penalty (header row).
 */
export const ADMIN_DISCLOSURE_LABELS: readonly LabelEntry[] = [
  [
    'caseNumber',
    0,
    w(
      '行政处罚决定书文号 处罚决定书文号 决定书文号 行政处罚决定文书号 处罚决定文书号 行政处罚文书号 处罚文书号 行政处罚决定文号 行政许可决定书文号 许可决定书文号 行政许可决定文书号 许可文书号 行政许可文书号 许可证书编号 许可编号',
    ),
  ],
  [
    'description',
    0,
    w(
      '主要违法违规事实 主要违法违规行为 主要违法事实 违法违规事实 违法事实 违法行为类型 违法行为 主要违法行为 处罚事由 行政许可内容 许可内容 许可事项',
    ),
  ],
  ['description', 2, w('行政处罚内容 处罚内容 行政处罚决定 处罚决定 处罚结果 行政处罚结果')],
  [
    'department',
    0,
    w(
      '作出决定机关 作出处罚决定的机关名称 作出处罚决定机关 作出行政处罚决定机关名称 作出行政处罚的机关名称 处罚机关 处罚决定机关 行政处罚机关 决定机关 许可机关 行政许可机关 作出许可决定机关 处罚机关名称 许可机关名称',
    ),
  ],
  ['category', 1, w('处罚类别 处罚种类 行政处罚种类 行政处罚类别 许可类别 行政许可类别')],
  [
    'ignore',
    0,
    w(
      '被处罚当事人 当事人名称 当事人 被处罚单位 被处罚人 行政相对人名称 行政相对人 相对人名称 法定代表人 法定代表人姓名 负责人姓名 统一社会信用代码 组织机构代码 工商注册号 行政处罚依据 处罚依据 许可依据 有效期自 有效期至 许可有效期',
    ),
  ],
];

/**
 * The column heads of a list of administrative procedures (Vietnam's public-service portal: `Mã số | Tên | Cơ quan
 * ban hành | Cơ quan thực hiện | Lĩnh vực`): a procedure's code, its name, the agency that carries it out and its
 * field. The issuing body (`Cơ quan ban hành`, the province on every row) says nothing of who handles the case. Page:
 * vn-dichvucong-danang-thu-tuc-hanh-chinh-list.
 */
export const PROCEDURE_LIST_LABELS: readonly LabelEntry[] = [
  ['caseNumber', 0, w('mãsố mãthủtục')],
  ['title', 1, w('tên tênthủtục')],
  ['department', 0, w('cơquanthựchiện')],
  ['category', 0, w('lĩnhvực')],
  ['ignore', 0, w('cơquanbanhành')],
];
