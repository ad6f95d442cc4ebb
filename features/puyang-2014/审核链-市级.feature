# language: zh-CN
功能: 审核链（市级：六个环节）
  3、5（2）：“市四大班子和市级干部对照检查材料审核有六个环节：①市委书记审核：市四大班子和市级干部的对照检查材料。
  其中，市人大、政府、政协领导班子中党员领导干部的对照检查材料在提交党委主要负责同志审核前，应先由所在党组主要负责
  同志审核把关并签字。②省委督导组审核、③省委活动办审核：市四大班子和市级干部的对照检查材料。④省委主要负责同志审核：
  市委领导班子、市党政主要负责同志的对照检查材料。⑤中央巡回督导组审核、⑥中央活动办审阅：市委书记的对照检查材料。”

  背景:
    假如 规则集 "puyang-2014" 层级 "city"
    并且 单位 "中共濮阳市委常委班子" 班子职务 "city_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"

  @clause:py-3-5-2-city-1 @clause:py-3-5-2-city-2 @clause:py-3-5-2-city-3 @clause:py-3-5-2-city-4 @clause:py-3-5-2-city-5 @clause:py-3-5-2-city-6
  场景: 市委书记的对照检查材料须经六个环节，第⑥个是审阅，也是开会的前提
    那么 职务 "city_party_secretary" 的 "examination" 审核链为 "city_examination_review"：
      | 序号 | 环节                        | 名称             | 审核人                       | 性质 | 把关 |
      | ①    | city_secretary_review       | 市委书记审核     | city_party_secretary         | 审核 | 是   |
      | ②    | provincial_group_review     | 省委督导组审核   | provincial_supervision_group | 审核 | 是   |
      | ③    | provincial_office_review    | 省委活动办审核   | provincial_campaign_office   | 审核 | 是   |
      | ④    | provincial_principal_review | 省委主要负责同志审核 | provincial_principal      | 审核 | 是   |
      | ⑤    | central_group_review        | 中央巡回督导组审核 | central_supervision_group  | 审核 | 是   |
      | ⑥    | central_office_read_through | 中央活动办审阅   | central_campaign_office      | 审阅 | 是   |

  @clause:py-3-5-2-city-1 @clause:py-3-5-2-city-2 @clause:py-3-5-2-city-3 @clause:py-3-5-2-city-4
  场景大纲: <名称>的对照检查材料依次经过<几>个环节
    那么 职务 "<职务>" 的 "examination" 依次经过 "<环节>"

    例子:
      | 职务                        | 名称               | 几 | 环节                                                                                      |
      | mayor                       | 市长               | 四 | city_secretary_review、provincial_group_review、provincial_office_review、provincial_principal_review |
      | city_standing_committee     | 市委领导班子       | 四 | city_secretary_review、provincial_group_review、provincial_office_review、provincial_principal_review |
      | city_standing_member        | 市委常委           | 三 | city_secretary_review、provincial_group_review、provincial_office_review                    |
      | vice_mayor                  | 副市长             | 三 | city_secretary_review、provincial_group_review、provincial_office_review                    |
      | city_npc_head               | 市人大常委会党组书记 | 三 | city_secretary_review、provincial_group_review、provincial_office_review                  |
      | city_cppcc_party_group      | 市政协党组         | 三 | city_secretary_review、provincial_group_review、provincial_office_review                    |
      | city_government_party_group | 市政府党组         | 三 | city_secretary_review、provincial_group_review、provincial_office_review                    |

  @clause:py-3-5-2-city-presign
  场景大纲: 市人大、政府、政协的党员领导干部先由所在党组主要负责同志签字：<名称>
    那么 职务 "<职务>" 的 "examination" 审核链为 "city_examination_review"：
      | 序号 | 环节                     | 签字     |
      | ①    | city_secretary_review    | <签字> |
      | ②    | provincial_group_review  |          |
      | ③    | provincial_office_review |          |

    例子:
      | 职务              | 名称                         | 签字             |
      | vice_mayor        | 副市长                       | party_group_head |
      | city_npc_leader   | 市人大常委会党员领导干部     | party_group_head |
      | city_cppcc_leader | 市政协党员领导干部           | party_group_head |
      | city_cppcc_head   | 市政协党组书记（本人不签）   |                  |

  @clause:py-3-5-2-city-6
  场景: 市委书记的材料中央活动办审阅未完成的，不能开会
    假如 班子成员：
      | 编号 | 姓名   | 职务                 |
      | han  | 韩志远 | city_party_secretary |
      | zhou | 周立新 | mayor                |
    并且 名单 "lower_principals"：
      | 名称             |
      | 华龙区委书记刘长河 |
    并且 会议定于 "2014-06-09"，会期 "1.5" 天
    并且 会前准备于 "2014-05-31" 全部完成，除了：
      | 类别 | 内容                                 |
      | 环节 | examination/han/central_office_read_through |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 对象 | 提示含                       | 出处           |
      | examinations_passed | han  | 韩志远的对照检查材料正在⑥中央活动办审阅 | 3、6工作要求① |
