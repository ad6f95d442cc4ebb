# language: zh-CN
功能: 审核链（县（区）：七个环节）
  3、5（2）：“县（区）领导班子、领导干部对照检查材料审核有七个环节：①县（区）委书记审核：县（区）四大班子和县级干部，
  乡（镇、办）党（工）委领导班子和党政主要负责同志的对照检查材料。其中，县（区）人大、政府、政协领导班子中党员领导
  干部的对照检查材料在提交党委主要负责同志审核前，应先由所在党组主要负责同志审核把关并签字。②市委督导组审核……
  ③市委活动办审核……④市委书记审核：本人联系点的县委常委班子及其成员的对照检查材料，其它县（区）委常委班子、
  党政主要负责同志的对照检查材料。⑤省委督导组审核、⑥省委活动办审核、⑦省委负责同志审核：县（区）党政主要负责同志的对照检查材料。”

  背景:
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 单位属性 "liaison_point" 为 "否"

  @clause:py-3-5-2-county-1 @clause:py-3-5-2-county-2 @clause:py-3-5-2-county-3 @clause:py-3-5-2-county-4 @clause:py-3-5-2-county-5 @clause:py-3-5-2-county-6 @clause:py-3-5-2-county-7
  场景: 县（区）委书记的对照检查材料须经七个环节
    那么 职务 "county_party_secretary" 的 "examination" 审核链为 "county_examination_review"：
      | 序号 | 环节                     | 名称           | 审核人                       | 签字 |
      | ①    | county_secretary_review  | 县（区）委书记审核 | county_party_secretary       |      |
      | ②    | city_group_review        | 市委督导组审核 | city_supervision_group       |      |
      | ③    | city_office_review       | 市委活动办审核 | city_campaign_office         |      |
      | ④    | city_secretary_review    | 市委书记审核   | city_party_secretary         |      |
      | ⑤    | provincial_group_review  | 省委督导组审核 | provincial_supervision_group |      |
      | ⑥    | provincial_office_review | 省委活动办审核 | provincial_campaign_office   |      |
      | ⑦    | provincial_leader_review | 省委负责同志审核 | provincial_leader            |      |

  @clause:py-3-5-2-county-1 @clause:py-3-5-2-county-2 @clause:py-3-5-2-county-3 @clause:py-3-5-2-county-4 @clause:py-3-5-2-county-5
  场景大纲: <名称>的对照检查材料依次经过<几>个环节（不是市委书记联系点）
    那么 职务 "<职务>" 的 "examination" 依次经过 "<环节>"

    例子:
      | 职务                      | 名称                 | 几 | 环节                                                                                                                                  |
      | county_head               | 县（区）长           | 七 | county_secretary_review、city_group_review、city_office_review、city_secretary_review、provincial_group_review、provincial_office_review、provincial_leader_review |
      | county_standing_committee | 县（区）委常委班子   | 四 | county_secretary_review、city_group_review、city_office_review、city_secretary_review                                                  |
      | county_standing_member    | 县（区）委常委       | 三 | county_secretary_review、city_group_review、city_office_review                                                                         |
      | vice_county_head          | 副县（区）长         | 三 | county_secretary_review、city_group_review、city_office_review                                                                         |
      | county_npc_head           | 县（区）人大常委会党组书记 | 三 | county_secretary_review、city_group_review、city_office_review                                                                   |
      | county_cppcc_leader       | 县（区）政协党员领导干部 | 三 | county_secretary_review、city_group_review、city_office_review                                                                     |
      | county_npc_party_group    | 县（区）人大常委会党组 | 三 | county_secretary_review、city_group_review、city_office_review                                                                     |

  @clause:py-3-5-2-county-4
  场景: 县委常委班子成员的对照检查材料在联系点县须经市委书记审核
    假如 单位属性 "liaison_point" 为 "是"
    那么 职务 "county_standing_member" 的 "examination" 依次经过 "county_secretary_review、city_group_review、city_office_review、city_secretary_review"
    并且 职务 "county_standing_committee" 的 "examination" 依次经过 "county_secretary_review、city_group_review、city_office_review、city_secretary_review"

  @clause:py-3-5-2-county-1
  场景大纲: 乡（镇、办）的<名称>只经县（区）委书记审核一个环节
    那么 职务 "<职务>" 的 "examination" 依次经过 "<环节>"

    例子:
      | 职务                     | 名称                   | 环节                    |
      | township_committee       | 党（工）委领导班子     | county_secretary_review |
      | township_party_secretary | 党（工）委书记         | county_secretary_review |
      | township_head            | 乡（镇）长             | county_secretary_review |
      | township_member          | 一般班子成员（不在此链） | 无                      |

  @clause:py-3-5-2-county-presign
  场景大纲: 县（区）人大、政府、政协的党员领导干部（所在党组主要负责同志除外）先由所在党组主要负责同志签字：<名称>
    那么 职务 "<职务>" 的 "examination" 审核链为 "county_examination_review"：
      | 序号 | 环节                    | 签字     |
      | ①    | county_secretary_review | <签字> |
      | ②    | city_group_review       |          |
      | ③    | city_office_review      |          |

    例子:
      | 职务                   | 名称                         | 签字             |
      | vice_county_head       | 副县（区）长                 | party_group_head |
      | county_npc_leader      | 人大常委会党员领导干部       | party_group_head |
      | county_cppcc_leader    | 政协党员领导干部             | party_group_head |
      | county_npc_head        | 人大常委会党组书记（本人不签） |                  |
      | county_standing_member | 县（区）委常委（党委不签）   |                  |

  @clause:py-3-5-2-county-presign
  场景: 副县长的材料未经所在党组主要负责同志签字，县（区）委书记不能审核
    假如 班子成员：
      | 编号  | 姓名   | 职务                   | 属性                    |
      | liu   | 刘振华 | county_party_secretary |                         |
      | zhang | 张建军 | county_head            |                         |
      | chen  | 陈志国 | vice_county_head       | standing_committee=是   |
    并且 会议定于 "2014-06-24"
    并且 已发生：
      | 日期       | 事件 | 材料        | 对象 |
      | 2014-06-05 | 提交 | examination | chen |
    那么 于 "2014-06-05" 不能召开
    并且 阻碍包括：
      | 规则                | 对象 | 提示含                                                   |
      | examinations_passed | chen | 陈志国的对照检查材料待所在党组主要负责同志审核把关并签字（县（区）领导班子、领导干部对照检查材料审核（七个环节）第①环节之前） |
    当 发生：
      | 日期       | 事件 | 材料        | 对象 | 环节                    | 由  |
      | 2014-06-06 | 通过 | examination | chen | county_secretary_review | liu |
    那么 被拒绝，原因含 "在 'sign:county_secretary_review'"
    当 发生：
      | 日期       | 事件 | 材料        | 对象 | 环节                    | 由               |
      | 2014-06-06 | 签字 | examination | chen |                         | party_group_head |
      | 2014-06-07 | 通过 | examination | chen | county_secretary_review | liu              |
    那么 未被拒绝
