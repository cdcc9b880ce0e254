"""What the demo county says, paired as in life (docs/demo.md): each kind of unit has its own
reasons for dissatisfaction, suggestions, findings and measures, so that a school is never told
to shorten its waiting room's queue and a hospital never to improve teachers' ethics.

Names are today's (after the 2018-2019 institutional reform: 市场监管局, 卫健局, 医保局,
自然资源局 …) and the townships are Yuqing county's towns, township and street (镇, 乡, 街道).
The texts are data, kept apart from the builders in models/demo.py and models/demo_field.py.
"""

from models.enums import FindingCategory as F
from models.enums import OpinionCategory as O
from models.enums import UnitKind as K

COUNTY = "余庆县"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "明华强军平静敏燕芳丽勇杰娟涛超霞刚英秀兰红玉春梅海波宇鹏飞"
# Yuqing's nine towns and streets and its one (Miao) township, as the county lists them today.
TOWNSHIPS = ["白泥镇", "子营街道", "龙溪镇", "构皮滩镇", "大乌江镇", "敖溪镇", "松烟镇", "关兴镇",
             "龙家镇", "花山苗族乡"]
TOWNSHIP_ENDINGS = ("镇", "乡", "街道")
SOCIAL_SECURITY = "县社保中心"
HOUSING_FUND = "县公积金中心"
# The county bodies under their present names (县 prefixed when built).
DEPARTMENTS = ["人社局", "社保中心", "公积金中心", "教育局", "卫健局", "医保局", "民政局",
               "公安局", "自然资源局", "住建局", "交通运输局", "水务局", "农业农村局", "林业局",
               "生态环境局", "市场监管局", "税务局", "财政局", "审计局", "统计局", "司法局",
               "应急管理局", "文体广电旅游局", "商务局", "发改局", "乡村振兴局", "生态移民局",
               "综合行政执法局", "退役军人事务局", "科技局", "工信局", "信访局", "不动产登记中心",
               "住房保障中心", "供电局", "烟草专卖局", "气象局", "档案馆"]
# Names a county no longer uses (merged or renamed in the reform): the demo never shows them.
FORMER_NAMES = ["卫生局", "卫计局", "工商局", "质监局", "食药监局", "国土局", "环保局", "安监局",
                "农牧局", "扶贫办", "计生", "文广局", "规划局", "房管局", "移民局"]
HALL = "县政务服务中心"
WINDOWS = ["社保缴费窗口", "医保报销窗口", "公积金提取窗口", "不动产登记窗口", "户籍办理窗口",
           "营业执照窗口", "税务申报窗口", "婚姻登记窗口", "出入境窗口", "车驾管窗口"]
CENTRE = "为民服务中心"
CENTRE_WINDOWS = ["社保窗口", "民政窗口", "医保窗口"]
COUNTY_HOSPITALS = ["县人民医院", "县中医院", "县妇幼保健院"]
COUNTY_SCHOOLS = ["县第一中学", "县第二中学", "县实验学校", "县中等职业学校", "县第一幼儿园"]
TOWN_SCHOOLS = ["中学", "第一小学", "第二小学", "第三小学", "中心幼儿园", "第四小学",
                "第五小学", "第六小学", "第七小学", "第八小学", "民族小学", "希望小学",
                "九年制学校", "第二幼儿园", "第九小学", "第十小学", "第十一小学", "第三幼儿园"]
STATIONS = ["派出所", "自然资源所", "财政所", "林业站", "农业服务中心", "司法所"]

# Reasons a dissatisfied form gives, by the kind of unit rated, each with its opinion category.
REASONS: dict[K, list[tuple[str, O]]] = {
    K.SCHOOL: [("乱收费，变相收取补课费", O.FEES), ("教师有偿家教", O.INTEGRITY),
               ("教学质量不高", O.OTHER), ("个别教师体罚学生，师德师风差", O.WORK_STYLE),
               ("食堂饭菜质量差", O.FACILITIES), ("家校沟通少，家长反映问题没人回应", O.SERVICE_ATTITUDE)],
    K.HOSPITAL: [("候诊时间太长", O.EFFICIENCY), ("医护人员态度生硬", O.SERVICE_ATTITUDE),
                 ("乱开检查、乱收费", O.FEES), ("挂号难、排队久", O.EFFICIENCY),
                 ("收受红包", O.INTEGRITY), ("病房环境差", O.FACILITIES)],
    K.SERVICE_WINDOW: [("办事材料反复要求补交", O.EFFICIENCY), ("一次性告知不到位", O.POLICY),
                       ("窗口人员脱岗", O.WORK_STYLE), ("办事推诿拖延", O.WORK_STYLE),
                       ("窗口人员态度生硬", O.SERVICE_ATTITUDE), ("排队时间太长", O.EFFICIENCY)],
    K.DEPARTMENT: [("办事推诿拖延", O.WORK_STYLE), ("门难进、脸难看、事难办", O.SERVICE_ATTITUDE),
                   ("政策解释不清", O.POLICY), ("上班时间办私事", O.WORK_STYLE),
                   ("办事效率低", O.EFFICIENCY), ("吃拿卡要", O.INTEGRITY)],
    K.TOWNSHIP: [("群众的事办得慢", O.EFFICIENCY), ("干部难找，经常不在岗", O.WORK_STYLE),
                 ("惠民政策落实不到位", O.POLICY), ("低保评定不公开", O.INTEGRITY),
                 ("政策宣传不到位", O.POLICY), ("对群众态度冷淡", O.SERVICE_ATTITUDE)],
}
SUGGESTIONS: dict[K, list[tuple[str, O]]] = {
    K.SCHOOL: [("建议公开收费标准", O.FEES), ("建议加强师德师风建设", O.WORK_STYLE),
               ("希望减轻学生课业负担", O.OTHER), ("希望改善学校食堂", O.FACILITIES),
               ("建议规范课后服务收费", O.FEES), ("希望增加家长会次数", O.SERVICE_ATTITUDE)],
    K.HOSPITAL: [("希望增加挂号窗口", O.EFFICIENCY), ("建议推行预约诊疗", O.EFFICIENCY),
                 ("希望改善候诊环境", O.FACILITIES), ("建议公示收费项目", O.FEES),
                 ("希望简化医保结算手续", O.POLICY), ("建议加强医德医风教育", O.WORK_STYLE)],
    K.SERVICE_WINDOW: [("建议公开办事流程和所需材料", O.POLICY), ("希望推行一窗通办", O.EFFICIENCY),
                       ("建议实行午间延时服务", O.SERVICE_ATTITUDE), ("希望增加导办人员", O.SERVICE_ATTITUDE),
                       ("建议推行网上办理", O.EFFICIENCY)],
    K.DEPARTMENT: [("建议公开办事流程", O.POLICY), ("建议推行首问负责制", O.WORK_STYLE),
                   ("希望干部下基层解决实际问题", O.WORK_STYLE), ("建议公开投诉电话", O.OTHER),
                   ("建议压缩审批时限", O.EFFICIENCY)],
    K.TOWNSHIP: [("建议公开低保评定结果", O.INTEGRITY), ("希望干部多进村入户", O.WORK_STYLE),
                 ("建议公开惠民资金发放情况", O.INTEGRITY), ("希望加快通组路维修", O.FACILITIES),
                 ("建议为民服务中心周末有人值班", O.SERVICE_ATTITUDE)],
}
# How the ledger states the problem behind a suggestion (群众反映…).
AS_PROBLEM = {
    "建议公开收费标准": "收费标准未公开", "建议加强师德师风建设": "个别教师师德师风不正",
    "希望减轻学生课业负担": "学生课业负担重", "希望改善学校食堂": "学校食堂饭菜质量差",
    "建议规范课后服务收费": "课后服务收费不规范", "希望增加家长会次数": "家校沟通渠道少",
    "希望增加挂号窗口": "挂号窗口少、排队时间长", "建议推行预约诊疗": "就诊须现场排队，无预约渠道",
    "希望改善候诊环境": "候诊环境拥挤", "建议公示收费项目": "收费项目未公示",
    "希望简化医保结算手续": "医保结算手续繁琐", "建议加强医德医风教育": "个别医护人员医德医风差",
    "建议公开办事流程和所需材料": "办事流程和所需材料未公开",
    "希望推行一窗通办": "一件事要跑多个窗口", "建议实行午间延时服务": "午间窗口无人办理",
    "希望增加导办人员": "大厅无人导办", "建议推行网上办理": "可网上办理的事项仍须到现场",
    "建议公开办事流程": "办事流程不公开", "建议推行首问负责制": "群众咨询被推来推去",
    "希望干部下基层解决实际问题": "干部下基层少，群众实际问题解决慢",
    "建议公开投诉电话": "投诉电话未公开", "建议压缩审批时限": "审批时限过长",
    "建议公开低保评定结果": "低保评定结果未公开", "希望干部多进村入户": "干部进村入户少",
    "建议公开惠民资金发放情况": "惠民资金发放情况未公开", "希望加快通组路维修": "通组路损坏久未维修",
    "建议为民服务中心周末有人值班": "为民服务中心周末无人值班",
}
# What a visit finds, by the kind of unit visited: category -> descriptions.
FINDINGS: dict[K, dict[F, list[str]]] = {
    K.SCHOOL: {F.FEES: ["向学生收取资料费未公示", "课后服务收费未按标准执行"],
               F.FOUR_WINDS: ["违规接受家长宴请"], F.ABSENT_FROM_POST: ["上课时间教师离岗"]},
    K.HOSPITAL: {F.POOR_ATTITUDE: ["导诊台人员对患者询问不耐烦"],
                 F.SLOW_ACTION: ["门诊候诊超过一小时无人疏导", "检查报告出具超时"],
                 F.FEES: ["收费项目未在大厅公示"], F.ABSENT_FROM_POST: ["夜间值班医生脱岗"]},
    K.SERVICE_WINDOW: {F.PROCRASTINATION: ["群众材料齐全仍要求改日再来", "办件超期未办结"],
                       F.ABSENT_FROM_POST: ["工作时间窗口无人"],
                       F.POOR_ATTITUDE: ["窗口人员对群众询问答复生硬"],
                       F.DISORDERLY_ACTION: ["要求群众提供法规未规定的证明材料"]},
    K.DEPARTMENT: {F.PROCRASTINATION: ["群众办件被要求改日再来，往返多次"],
                   F.INACTION: ["群众反映问题长期不予答复"], F.SLOW_ACTION: ["审批事项超时办结"],
                   F.ABSENT_FROM_POST: ["工作时间办公室无人"], F.FOUR_WINDS: ["公车私用"]},
    K.TOWNSHIP: {F.INACTION: ["村民反映的饮水问题未跟进"], F.ABSENT_FROM_POST: ["值班干部不在岗"],
                 F.SLOW_ACTION: ["危房改造补助发放滞后"], F.FOUR_WINDS: ["工作日中午饮酒"]},
}
# What the supervision visits found where the report sent them: procrastination at the window.
SUPERVISED: dict[str, list[str]] = {
    SOCIAL_SECURITY: ["办理社保关系转移接续推诿拖延，群众往返多次", "养老保险待遇核定超过承诺时限",
                      "窗口人员以系统故障为由拒绝受理"],
    HOUSING_FUND: ["公积金提取审核超过承诺时限", "贷款材料要求一次次补交，群众往返多次",
                   "窗口人员让群众“等通知”后无人回复"],
}
# What a unit undertakes (整改措施), by kind; a problem's measures join two of them.
MEASURES: dict[K, list[str]] = {
    K.SCHOOL: ["在校门口公示栏公开收费项目和标准", "开展师德师风专题教育并签订承诺书",
               "清退违规收取的费用", "设立家长意见箱并每月回复", "将课后服务收费报物价部门备案"],
    K.HOSPITAL: ["增设自助挂号机和导诊人员", "推行分时段预约诊疗", "在门诊大厅公示收费项目",
                 "开展医德医风专项整治", "建立医护人员服务态度考核制度"],
    K.SERVICE_WINDOW: ["实行一次性告知和首问负责制", "在窗口公示办事指南和材料清单",
                       "建立窗口人员AB岗制度", "推行午间延时服务", "每日通报窗口在岗情况"],
    K.DEPARTMENT: ["制定整改方案并明确责任股室", "压缩办理时限并向社会公开承诺",
                   "建立办件超时预警和通报制度", "对相关责任人进行约谈", "公开投诉电话并专人受理"],
    K.TOWNSHIP: ["实行干部坐班和值班公示", "公开低保评定程序和结果", "开展干部作风专项整治",
                 "建立群众诉求办理台账", "组织干部进村入户走访"],
}
# Who a criticised person is, by the kind of unit.
POSTS = {K.SCHOOL: "教师", K.HOSPITAL: "门诊医生", K.SERVICE_WINDOW: "窗口工作人员",
         K.DEPARTMENT: "窗口工作人员", K.TOWNSHIP: "乡镇干部"}


def kind_of(unit: dict) -> K:
    """The pairing kind of a unit (its own kind; a county's bodies and stations are departments)."""
    kind = K(unit["kind"])
    return kind if kind in REASONS else K.DEPARTMENT


def opinion_category(text: str) -> O | None:
    """The category a catalogue text is sorted under (None for a text not in the catalogue)."""
    return _CATEGORY.get(text)


_CATEGORY = {text: cat for table in (REASONS, SUGGESTIONS) for pairs in table.values()
             for text, cat in pairs}
