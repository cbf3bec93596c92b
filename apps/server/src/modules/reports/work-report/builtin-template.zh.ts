/**
 * The built-in work-report template (工作汇报): the structure of the county's hand-written report — basic
 * facts, five numbered practices, lessons learnt — in our own words, quoting only figures whose module is built.
 * County users copy it and adapt the prose; the figures stay live.
 */
export const BUILTIN_TEMPLATE_NAME = '小区党建工作情况汇报（内置模板）';

export const BUILTIN_TEMPLATE_BODY = `# {{scope_name}}小区党建工作情况汇报

近年来，{{scope_name}}坚持以党建引领基层治理，把住宿小区作为联系服务群众的“最后一公里”，以扩大组织覆盖为基础、以发挥党员作用为关键、以解决群众急难愁盼为落脚点，推动党的组织和党的工作有效嵌入居民小区。现将{{period_from}}至{{period_to}}期间小区党建工作情况汇报如下。

## 一、基本情况

截至{{as_of_month}}月{{as_of_day}}日，{{scope_name}}纳入统计的住宿小区共{{compounds_total}}个，其中已建立党组织的小区{{compounds_with_branch}}个，小区党组织覆盖率为{{branch_coverage_rate}}。按照“试点先行、验证建设、全面铺开”的步骤稳步推进，目前处于试点先行阶段的小区{{compounds_pilot}}个、验证建设阶段的{{compounds_validation}}个、全面铺开阶段的{{compounds_rollout}}个。全域共划分网格{{grids_total}}个，明确河道责任区段{{river_zones}}段、街道责任区段{{street_zones}}段，由{{zone_holder_orgs}}个机关党组织分片包干、压实责任。

现有党员{{members_total}}名，其中编入小区党组织的{{members_in_compound_branches}}名；在职党员{{members_in_service}}名，离退休党员{{members_retired}}名。各小区党组织经选举产生支部委员{{branch_committee_members}}名，联系共建单位{{partner_units}}个，建成党群服务活动场所{{venues}}处，小区党建工作的组织基础和阵地保障不断夯实。

## 二、主要做法及成效

### （一）健全组织体系，推动小区党组织应建尽建

坚持把支部建在小区上，按照“成熟一个、组建一个”的原则，因地制宜采取单独组建、联合组建等方式，推动党的组织向住宿小区延伸。目前已建立党组织的小区达{{compounds_with_branch}}个，覆盖率{{branch_coverage_rate}}。同步理顺网格设置，将{{grids_total}}个网格与小区党组织对应衔接，把{{river_zones}}段河道和{{street_zones}}段街道责任区逐一落实到{{zone_holder_orgs}}个机关党组织，做到组织有形覆盖、责任有效落地。

### （二）深化“双报到”，激发在职党员服务活力

围绕“工作在单位、活动在小区、奉献在双岗”的要求，组织在职党员和机关党组织到居住小区报到。截至{{as_of_month}}月{{as_of_day}}日，已有{{members_reported_in}}名在职党员到小区报到，报到率为{{report_in_share}}；{{orgs_reported_in}}个机关党组织到联系小区报到，结对开展共驻共建。

结合小区治理需要设置党员责任岗{{posts_total}}个，{{posts_claimed_members}}名党员亮身份、认岗位、作承诺，结对联系住户{{households_linked}}户。统计期内，党员累计开展服务{{service_records}}次、服务时长{{service_hours}}小时，党员先锋模范作用在小区一线得到有力彰显。

### （三）畅通民情渠道，用心用情解决群众诉求

建立民情收集、分办、办理、反馈、评价全流程闭环机制，依托网格员、小区党组织和线上渠道广泛收集社情民意。统计期内共收集民情事项{{cases_received}}件，办结{{cases_closed}}件，其中有效解决群众诉求{{cases_closed_resolved}}件；当前超期未办结事项{{cases_overdue_open}}件，已全部纳入督办、跟踪问效。

截至{{as_of_month}}月{{as_of_day}}日，按事项类别统计，办结民生服务类事项{{cases_closed_ms}}件、城市管理类{{cases_closed_cg}}件、农业农村类{{cases_closed_ny}}件、社会监督类{{cases_closed_sj}}件、劳动输出类{{cases_closed_ld}}件、贫困帮扶类{{cases_closed_pk}}件，群众身边的烦心事、揪心事得到及时回应。

### （四）聚焦小区治理，推动矛盾问题就地化解

坚持党组织牵头、多方协商，推动小区党组织、业主委员会、物业服务企业协同议事，集中整治群众反映强烈的突出问题。统计期内，解决小区车辆乱停乱放问题{{parking_resolved}}件、下水道堵塞问题{{drains_resolved}}件；发挥党员和调解员作用，受理调解矛盾纠纷{{disputes_mediated}}件，其中达成调解协议{{disputes_agreed}}件，努力做到小事不出小区、矛盾就地化解。

### （五）强化考核评价，以“三率”检验工作实效

把群众满意作为检验工作成效的根本标准，对民情办理实行响应率、解决率、满意率“三率”考核。统计期内，民情事项响应率为{{response_rate}}，解决率为{{resolution_rate}}，满意率为{{satisfaction_rate}}；综合指标值为{{composite_score}}（满分100），综合等级为{{grade}}。通过定期排名通报、督办问效，推动各级党组织和责任单位比学赶超、争先进位。

## 三、经验启示

（一）坚持党建引领，是做好小区治理的根本保证。只有把党组织建在群众身边、让党员走到群众中间，才能把党的政治优势和组织优势转化为基层治理效能。

（二）坚持群众路线，是检验工作成效的根本标准。把群众的“需求清单”转化为党组织的“服务清单”，以办理实效回应群众期盼，才能赢得群众的信任和支持。

（三）坚持系统推进，是实现长效常治的重要方法。把组织覆盖、党员管理、民情办理和考核评价贯通起来，用数据说话、靠机制管事，才能推动小区党建工作持续走深走实。
`;
