/**
 * The label dictionary: the words portals use for each Issue field, in simplified Chinese, traditional Chinese and
 * English, each with its rank (0 = the page's usual word for the field, higher = vaguer). Written as labels.ts
 * normalises them (no spaces, lower-case), so one entry covers `联 系 人：`, `*聯絡人` and `Contact name:`. Tables
 * learned from one kind of page carry that page's name; court lists' words are in courts.ts.
 */
import type { FieldKey } from './labels';

/** A field, its rank and its words (named tables elsewhere: court lists in courts.ts). */
export type LabelEntry = readonly [FieldKey, number, readonly string[]];

/** Space-separated words (English multi-word labels are written without spaces, as normalised). */
const w = (words: string): string[] => words.split(' ');

// Order inside a list does not matter; the number is the rank (0 = specific, 2 = generic).
export const PORTAL_LABELS: readonly LabelEntry[] = [
  [
    'title',
    0,
    w(
      '标题 诉求标题 主题 留言标题 事项名称 案件标题 事项标题 问题标题 工单标题 信件标题 来信标题 主旨 诉求主题 投诉标题 咨询标题 建议标题 帖子标题 案件名称 问题名称 事件名称 事件标题 留言主题 信件主题 陈情主旨 诉求事项 问题概述 事项摘要 诉求摘要 案件概况 问题摘要 来信主题 反映问题 诉求概要 subject title summary problem issue requesttitle latesttitle',
    ),
  ],
  ['title', 2, w('名称 事由 案由 事项 摘要 概要 问题 request')],
  [
    'description',
    0,
    w(
      '诉求内容 问题描述 留言内容 详细描述 反映内容 来电内容 来信内容 诉求描述 事项内容 案件描述 投诉内容 具体内容 情况描述 事件描述 问题内容 诉求详情 详细内容 问题详情 信件内容 陈情内容 陈情事项 咨询内容 建议内容 举报内容 案件内容 事件内容 description details detail problemdescription yourmessage requestdescription moreinformation natureof natureofapplication natureofcomplaint natureofrequest natureofproposal natureofworks descriptionofworks descriptionofproposal workdescription casedetails complaintdetails requestdetails',
    ),
  ],
  ['description', 1, w('内容 描述 正文 详情 详细情况 具体情况 content message body text abstract')],
  [
    'address',
    0,
    w(
      '发生地点 事发地址 问题地址 发生地址 事发地点 涉及地点 问题位置 详细地址 案发地址 所在地址 事件地址 诉求地址 案件地址 发生位置 事发位置 问题地点 location address nearestaddress streetaddress incidentaddress sitelocation landaddress landaddress premises',
    ),
  ],
  [
    'address',
    1,
    w(
      '地址 地点 位置 所在位置 发生地 事发地 问题发生地 具体位置 property site premises where street nearestroad nearestroadtothepin nearestroadtothepinplacedonthemap postcode nearestpostcode',
    ),
  ],
  ['address', 2, w('小区')],
  [
    'reporterName',
    0,
    w(
      '联系人 反映人 来电人 留言人 上报人 投诉人 诉求人 来信人 陈情人 市民姓名 联系人姓名 来访人 举报人 发帖人 提问人 反映人姓名 来电人姓名 reportedby contactname yourname submittedby reporter requester requestor petitioner complainant applicant applicantname lodgedby filedby enquirer',
    ),
  ],
  ['reporterName', 1, w('姓名 申请人 提交人 网民 网友 网友昵称 网民昵称 留言者 提问者 name author sponsor')],
  // `来源：… 作者：…`: a byline's writer, as English `author` above (asked for with cn-sun0769-wenzheng-case-456615).
  ['reporterName', 2, w('昵称 用户 用户名 作者 发布者')],
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
      '工单编号 案件号 工单号 受理编号 案件编号 来电编号 留言编号 登记编号 诉求编号 事项编号 信件编号 流水号 受理号 查询码 案号 投诉编号 件号 信件号 案件单号 陈情编号 reference ref refno casenumber caseno caseid referencenumber referenceno reportid ticketnumber requestid requestnumber servicerequest servicerequestnumber servicerequestid fileno filenumber docketno docketnumber docket matterno matternumber casefileno enquiryno enquirynumber complaintno complaintnumber ticketno ticketid trackingnumber trackingno',
    ),
  ],
  ['caseNumber', 1, w('编号 单号 id number no matter file')],
  [
    'reportedAt',
    0,
    w(
      '受理时间 留言时间 提交日期 来电时间 上报时间 反映时间 提交时间 投诉时间 诉求时间 来信时间 受理日期 留言日期 反映日期 来电日期 上报日期 提问时间 发帖时间 诉求日期 陈情日期 陈情时间 举报时间 reported submitted datereported reportedon submittedon datesubmitted datecreated created opened dateopened received datereceived filed datefiled filedon filingdate introdate introduced dateintroduced introductiondate receiveddate openeddate createddate dateofapplication applicationdate',
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
  ['category', 1, w('类型 类目 领域 所属领域 问题领域 type service')],
  [
    'status',
    0,
    w(
      '办理状态 状态 处理状态 案件状态 工单状态 当前状态 留言状态 回复状态 事项状态 诉求状态 status state currentstatus currentstate stage currentstage applicationstage progressstatus casestatus',
    ),
  ],
  ['status', 2, w('进度 当前进度 办理进度 当前环节 progress')],
  // What a bill or a case last came to (`Latest Major Action: Passed/agreed to in Senate`): a status only when no
  // status label says so (status.ts reads it as a status word, else as a bill action).
  ['status', 3, w('lastaction latestaction latestmajoraction lastactiontaken mostrecentaction')],
  [
    'department',
    0,
    w(
      '承办单位 责任部门 处理部门 承办部门 办理单位 处置部门 责任单位 承办机关 受理单位 处理单位 办理部门 交办单位 主办部门 承办处室 处置单位 department assignedto responsibleparty handledby sentto agency responsibleagency responsibledepartment authority responsibleauthority committee court courtname division assignedteam assigneddepartment',
    ),
  ],
  // An officer named on a register stands for the office handling the case.
  ['department', 1, w('responsibleofficer assignedofficer caseofficer officer')],
  ['department', 2, w('部门 单位 机关 处理机关')],
  ['department', 3, w('主办单位')],
  ['channel', 0, w('诉求渠道 案件来源 反映方式 诉求来源 来电渠道 信息来源 反映渠道 来源渠道 channel via')],
  ['channel', 1, w('来源 渠道 source')],
  [
    'update',
    0,
    w(
      '办理结果 办复内容 办复情况 办复意见 办复结果 答复内容 回复内容 处理意见 处理结果 办理意见 答复意见 回复意见 反馈内容 反馈意见 处置结果 处理情况 办理情况 回复 答复 官方回复 部门回复 结案意见 处理回复 办理答复 核查情况 处置情况 处置意见 答复情况 回复情况 反馈结果 反馈情况 办结意见 办理过程 处理过程 处理记录 办理记录 流转记录 跟进记录 进展情况 response update reply officialresponse councilresponse resolution outcome resolutionnotes',
    ),
  ],
  ['update', 1, w('comments comment remarks 处理说明 result')],
  // `Task/event type | Due date | Actual completed date`: a register's steps taken on an application, each an update.
  // Page: au-goldcoast-epathway-mcu-2018-1167-details.
  ['update', 1, w('task tasktype taskname taskdescription event eventtype 办理步骤')],
  ['updateAt', 1, w('completed completeddate datecompleted actualcompleteddate completedon 完成日期')],
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
      '协办单位 协办部门 序号 操作 办理时限 处置时限 处理时限 浏览 点击 浏览次数 点击量 浏览量 访问量 访问次数 阅读量 阅读次数 点击数 点击次数 浏览数 回复数 所属网格 所属居委 登记人 受理人 记录人 经办人 审核人 承办人 派遣人 满意度 评价 附件 现场照片 照片 图片 当前位置 您现在的位置 现在位置 位置导航 验证码 关键字 关键词 字号 分享 网站标识码 views share actions action',
    ),
  ],
];

/**
 * Column headings of Australian council planning registers (TechnologyOne eProperty, Civica e-Services / MasterView),
 * where an application is the case: `Application Link` is the column of application numbers, `Group / Category
 * Description` name its kind. Pages: au-kuringgai-t1-submitted-this-week, au-wangaratta-t1-submitted-last-28-days,
 * au-mackay-masterview-submitted-this-week (test/fixtures/real).
 */
export const PLANNING_REGISTER_LABELS: readonly LabelEntry[] = [
  [
    'caseNumber',
    0,
    w(
      'applicationlink applicationno applicationnumber applicationid applicationref permitno permitnumber dano danumber',
    ),
  ],
  ['reportedAt', 0, w('lodgementdate lodgeddate datelodged lodged lodgement submitteddate')],
  // UK registers date an application by when it was registered or found valid (`Application Registered 01-11-2016`,
  // Idox's `Application Validated`). Page: uk-liverpool-northgate-16f-2687-application-details.
  [
    'reportedAt',
    0,
    w(
      'applicationregistered dateregistered registereddate registrationdate applicationvalidated datevalidated validateddate applicationvalid validdate datevalid',
    ),
  ],
  // `Type of Work` heads the proposal itself on Civica e-Services results (`Shop (new shopfront) (Michael Hill)`), not
  // a kind: au-orange-civica-da-enquiry-results, au-whittlesea-civica-planning-enquiry-results.
  // ePathway's `Application proposal` column heads what is proposed (au-moreland-epathway-planning-applications-page-1-of-7).
  ['description', 0, w('proposal proposeddevelopment developmentdescription typeofwork applicationproposal')],
  ['category', 1, w('groupdescription categorydescription applicationtype applicationgroup')],
  // `Property Details: 85 Austin Street LANE COVE NSW 2066` is the site (au-lanecove-civica-application-details).
  ['address', 0, w('formattedaddress propertyaddress siteaddress propertydetails propertylocation')],
  // `Determination Details: Approved under delegated authority` (au-southperth-civica-advertised-applications).
  ['status', 0, w('determinationdetails determination decision')],
  ['updateAt', 0, w('determinationdate decisiondate datedetermined')],
  // The applicant is the developer asking for a permit, not someone reporting a problem: not a reporter's name.
  ['ignore', 0, w('applicantdetails applicantnames')],
  // What the works cost and who certifies them say nothing a case holds (au-orange-civica-da-enquiry-results).
  ['ignore', 0, w('costofwork costofworks estimatedcost certifier')],
];

/**
 * A reader's rating of the reply, shown under it (`评价时间：2020-08-07 23:18`, `解决程度:5分`): neither the case's
 * date nor a reply. Page: cn-people-liuyan-sport-message-6835141 (人民网 领导留言板).
 */
export const RATING_LABELS: readonly LabelEntry[] = [
  [
    'ignore',
    0,
    w('评价时间 评价日期 评价内容 评价结果 网友评价 用户评价 群众评价 解决程度 办理态度 办理速度 满意度评价'),
  ],
];

/**
 * A system's automatic answer, shown before any body has replied (`智能预答复情况：`, `预答复内容：`, `预答复时间：`
 * over "系统自动为您推送类似知识库的链接"): links a search engine picked, never a reply. Page:
 * cn-ahxx-xzxx-letter-162150071 (萧县 县长信箱, a Lonsun 龙讯 message board).
 */
export const AUTO_ANSWER_LABELS: readonly LabelEntry[] = [
  [
    'ignore',
    0,
    w(
      '智能预答复情况 智能预答复 智能预答复内容 预答复情况 预答复内容 预答复时间 预答复 智能答复 智能回复 自动回复 自动答复 智能问答 机器人回复 autoreply automaticreply',
    ),
  ],
];

/**
 * French labels, and the English phrasing of the same petition and parliament pages: who put the case forward
 * (`Auteur(s) :`, `présenté par`, `Started by`) and to whom it is addressed (`Destinataire(s) :`, `À l'attention de`,
 * `Petition to`), the body asked to act, read as the department. Pages: fr-mesopinions-petition-choeur-radio-france-76519,
 * fr-assemblee-nationale-amendement-cl4-996 (`présenté par M. Coronado et M. Molac`).
 */
export const FRENCH_LABELS: readonly LabelEntry[] = [
  [
    'reporterName',
    0,
    w(
      'auteur auteurs présentépar déposépar proposépar lancépar lancéepar crééepar créépar initiateur pétitionnaire demandeur déclarant startedby petitionstartedby createdby',
    ),
  ],
  ['department', 0, w('destinataire destinataires àlattentionde adresséà adresséeà petitionto addressedto')],
  ['caseNumber', 0, w('numéro référence numérodedossier n°dossier')],
  ['reportedAt', 0, w('datededépôt déposéle datedecréation crééle crééele')],
  ['status', 0, w('état statut étatdavancement')],
  ['title', 0, w('objet intitulé')],
];

/**
 * Spanish labels of participation platforms, written as headings over their values (`<h2>Esta es una Propuesta
 * de:</h2>` over the proposer's name or group, `<h2>Disponible Desde:</h2>` over the date it was published, `<h2>Lugar
 * de Realización</h2>` over where an assembly met). The representative of a proposing group (`Representada por:`) is
 * not the proposer. Pages: cl-chileconvencion-iniciativa-5502-propiedad-privada,
 * cl-chileconvencion-iniciativa-8590-con-mi-plata-no, cl-chileconvencion-cabildo-806-monte-patria.
 */
export const SPANISH_LABELS: readonly LabelEntry[] = [
  ['reporterName', 0, w('estaesunapropuestade propuestade propuestapor presentadapor presentadopor proponente')],
  ['ignore', 0, w('representadapor representadopor')],
  ['reportedAt', 0, w('disponibledesde publicadael publicadoel fechadepublicación')],
  ['address', 0, w('lugarderealización lugardelencuentro')],
];

/**
 * Portuguese labels of Brazilian municipal registers and gazette lists (`Nº da Publicação | Data da publicação |
 * Anexo`): an edition's or a process's number is the record's number, its publication date when it was made public.
 * Page: br-cianorte-orgao-oficial-publicacoes (its edition numbers were left out before).
 */
export const PORTUGUESE_LABELS: readonly LabelEntry[] = [
  [
    'caseNumber',
    0,
    w(
      'nodapublicação númerodapublicação nodaedição númerodaedição edição nodoprocesso númerodoprocesso nodoato númerodoato',
    ),
  ],
  ['reportedAt', 0, w('datadapublicação publicadoem datadeedição datadaedição')],
  // A bill's record at Brazil's Câmara (`Autor` / `Apresentação` / `Ementa`, each a bold word over its value): who
  // tabled it, when, and what it provides. Page: br-camara-pl-1034-2022.
  ['reporterName', 0, w('autor autora autores primeiroautor')],
  ['reportedAt', 0, w('apresentação datadeapresentação')],
  ['description', 0, w('ementa')],
];

/**
 * Ukrainian labels of petition pages (`Автор (ініціатор): …`, `Дата оприлюднення: 11 грудня 2025`): who started the
 * petition and when it was made public. Page: ua-petition-president-22-256946-bibik (the label was left in the name).
 */
export const UKRAINIAN_LABELS: readonly LabelEntry[] = [
  ['reporterName', 0, w('автор автори ініціатор заявник')],
  ['reportedAt', 0, w('датаоприлюднення датаподання датастворення опубліковано')],
  ['caseNumber', 0, w('номерпетиції')],
  ['caseNumber', 1, w('номер')],
  ['status', 0, w('статус')],
  ['category', 0, w('категорія тема')],
];

/**
 * Vietnamese labels of the national public-service portal's procedure record (`Mã thủ tục | 1.115158`, `Lĩnh vực |
 * Thi đua, khen thưởng`, a heading `Cơ quan thực hiện` over the agency, `Trình tự thực hiện` over the steps): a
 * procedure's code, field, agency and what it involves. Page: vn-dichvucong-thu-tuc-1-115158-toa-sang-blouse-trang.
 */
export const VIETNAMESE_LABELS: readonly LabelEntry[] = [
  ['title', 0, w('tênthủtục tiêuđề')],
  ['caseNumber', 0, w('mãthủtục sốhồsơ mãhồsơ')],
  ['category', 0, w('lĩnhvực')],
  ['department', 0, w('cơquanthựchiện cơquangiảiquyết cơquantiếpnhận')],
  ['description', 0, w('trìnhtựthựchiện nộidung')],
  ['status', 0, w('trạngthái')],
];

/**
 * Romanian column heads of a parliament's register of bills (`Nr. crt. | PL înregistrat la | Titlu | Stadiu`): the
 * number a bill was registered under (at either chamber) names it, its stage is its status. Page:
 * ro-cdep-enea-propuneri-legislative-2012 (a deputy's bills, read as one case before).
 */
export const ROMANIAN_LABELS: readonly LabelEntry[] = [
  ['title', 0, w('titlu titlul denumire denumirea')],
  ['caseNumber', 0, w('plînregistratla înregistratla nrînregistrare nrdeînregistrare numărdeînregistrare')],
  ['status', 0, w('stadiu stadiul stare starea')],
  ['reportedAt', 0, w('dataînregistrării datainregistrarii datadepunerii')],
];

/**
 * Indonesian labels of SPSE, the e-procurement system every Indonesian procuring body runs (`Kode Paket | 106802`,
 * `Nama Paket`, `Satuan Kerja`): a package's code numbers it, its name is the case, the work unit procures it (the
 * ministry or regency above it, `K/L/PD`, is vaguer); the ceiling value, budget source and plan code are no title nor
 * number. Pages: id-inaproc-darurat-106802-jalan-napak-tilas-lampung-selatan,
 * id-inaproc-pencatatan-10942236000-imigrasi-sabang.
 */
export const INDONESIAN_LABELS: readonly LabelEntry[] = [
  ['title', 0, w('namapaket namatender namapekerjaan namakegiatan')],
  ['caseNumber', 0, w('kodepaket kodetender nomorpaket')],
  ['reportedAt', 0, w('tanggalpembuatan tanggaldibuat tanggalpengumuman')],
  ['department', 0, w('satuankerja satker')],
  ['department', 2, w('k/l/pd/instansilainnya k/l/pd instansi')],
  ['ignore', 0, w('nilaipagupaket nilaipagu nilaihps sumberdana tahunanggaran koderup')],
];

/**
 * Spanish labels of a public-procurement process record (Colombia's SECOP I `Detalle del Proceso Número: CMA 008-25`,
 * `Detalle y Cantidad del Objeto a Contratar`, the milestone `Creación de Proceso`): the process number, what is to
 * be contracted, and when the record was opened. Pages: co-secop-albania-cma-008-25-interventoria-gas,
 * co-secop-albania-lic-002-25-aseo-alcaldia.
 */
export const SPANISH_PROCUREMENT_LABELS: readonly LabelEntry[] = [
  [
    'caseNumber',
    0,
    w('númerodelproceso númerodeproceso detalledelprocesonúmero procesonúmero nodeproceso nodelproceso'),
  ],
  [
    'description',
    0,
    w('detalleycantidaddelobjetoacontratar objetoacontratar objetodelproceso objetodelcontrato objeto'),
  ],
  ['reportedAt', 0, w('creacióndeproceso creacióndelproceso fechadecreación')],
  ['department', 0, w('entidad entidadcontratante nombredelaentidad')],
];

/**
 * Chinese labels of court judgment pages and building-permit registers (Taiwan's Judicial Yuan `裁判案由：…`, a city's
 * permit stub `建造執照號碼 | 114中都建字第01000號`, `發照日期`): the cause of action is what a judgment is about, a
 * permit's number names it and its issue date dates it. Written in traditional and simplified forms (labels.ts folds
 * only the characters it knows). `裁判字號` is left to the title: as a result list's column head it is the row's name.
 * Pages: tw-judicial-fjud-ipc-109-minzhuansu-38-judgment, tw-taichung-mcgbm-building-permit-114-01000.
 */
export const JUDGMENT_PERMIT_LABELS: readonly LabelEntry[] = [
  ['caseNumber', 0, w('建造執照號碼 建造执照号码 使用執照號碼 使用执照号码 執照號碼 执照号码 建照號碼 建照号码')],
  ['category', 0, w('裁判案由 案由')],
  ['reportedAt', 0, w('發照日期 发照日期')],
];
