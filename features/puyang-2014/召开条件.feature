# language: zh-CN
功能: 召开条件
  3、6工作要求①：“准备工作不充分、班子成员之间谈心谈话没有全覆盖、对照检查材料审核没有通过的，不能开会。”
  县（区）、市直单位还要：拟批评意见经市委督导组梳理把关、市委活动办审核（3、4）；专题民主生活会方案经市委督导组、
  市委活动办审核（3、6主要步骤）。准备工作包括“回头看”（3、2）和对照检查材料的集体讨论、征求意见、公示（3、5（1）②）。

  背景:
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 单位属性 "liaison_point" 为 "否"
    并且 班子成员：
      | 编号  | 姓名   | 职务                   | 分管         |
      | liu   | 刘振华 | county_party_secretary | 县委办公室   |
      | zhang | 张建军 | county_head            | 县政府办公室 |
      | zhao  | 赵明   | county_standing_member | 县委政法委   |
    并且 名单 "lower_principals"：
      | 名称               |
      | 城关镇党委书记王国强 |
    并且 会议定于 "2014-06-24"，会期 "1.5" 天

  @clause:py-3-6-no-meeting @clause:py-3-6-steps @clause:py-3-4-outlines
  场景: 县委常委班子各项准备于6月15日完成的，6月24日可以召开
    假如 会前准备于 "2014-06-15" 全部完成
    那么 可以召开

  @clause:py-3-6-no-meeting @clause:py-3-2-look-back-time @clause:py-3-2-look-back-basis @clause:py-3-5-1-2-drafting @clause:py-3-5-1-2-committee
  场景大纲: 准备工作不充分的，不能开会：<名称>
    假如 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容     |
      | 事项 | <事项> |
    那么 不能召开
    并且 阻碍为：
      | 规则                 | 事项     | 提示含   | 出处           |
      | preparation_complete | <事项> | <名称> | 3、6工作要求① |

    例子:
      | 事项                        | 名称                                         |
      | look_back                   | 开展“回头看”                                 |
      | team_material_discussion    | 领导班子对照检查材料集体讨论并在一定范围内征求意见 |
      | committee_material_opinions | 征求同级党委全委会成员和下一级党组织的意见     |

  @clause:py-3-6-no-meeting @clause:py-3-5-1-2-own
  场景: 对照检查材料审核没有通过的，不能开会：县长的材料还在省委活动办
    假如 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                                      |
      | 环节 | examination/zhang/provincial_office_review |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 事项        | 对象  | 提示含                           | 出处           |
      | examinations_passed | examination | zhang | 张建军的对照检查材料正在⑥省委活动办审核 | 3、6工作要求① |

  @clause:py-3-4-outlines
  场景: 拟批评意见经市委督导组梳理把关后，还须市委活动办审核，才能开会
    那么 "zhao" 的 "criticism_outline" 审核链为 "criticism_outline_review"：
      | 序号 | 环节               | 名称             | 审核人                 |
      | ①    | city_group_check   | 市委督导组梳理把关 | city_supervision_group |
      | ②    | city_office_review | 市委活动办审核   | city_campaign_office   |
    假如 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                                      |
      | 环节 | criticism_outline/zhao/city_office_review |
    那么 不能召开
    并且 阻碍为：
      | 规则                        | 事项              | 对象 | 提示含                           | 出处 |
      | criticism_outlines_reviewed | criticism_outline | zhao | 赵明的拟批评意见（条目式）正在②市委活动办审核 | 3、4 |

  @clause:py-3-6-steps
  场景: 专题民主生活会方案须经市委督导组、市委活动办审核，才能召开
    那么 "team" 的 "plan" 审核链为 "plan_review"：
      | 序号 | 环节               | 名称           | 审核人                 |
      | ①    | city_group_review  | 市委督导组审核方案 | city_supervision_group |
      | ②    | city_office_review | 市委活动办审核方案 | city_campaign_office   |
    假如 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                    |
      | 环节 | plan/city_group_review |
    那么 不能召开
    并且 阻碍为：
      | 规则          | 事项 | 对象 | 提示含                 | 出处         |
      | plan_approved | plan | team | 正在①市委督导组审核方案 | 3、6主要步骤 |

  @clause:py-3-5-1-2-committee
  场景: 县人大常委会党组不是党委领导班子，不必征求全委会成员的意见，会期一天即可
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "县人大常委会党组" 班子职务 "county_npc_party_group"
    并且 单位属性 "party_committee_team" 为 "否"
    并且 班子成员：
      | 编号 | 姓名   | 职务              | 分管   |
      | wei  | 魏国华 | county_npc_head   | 办公室 |
      | qin  | 秦丽   | county_npc_leader | 法工委 |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    当 会前准备于 "2014-06-15" 全部完成
    那么 可以召开
    并且 计划中的时限为：
      | 项目                      | 止         |
      | task:look_back            | 2014-06-23 |
      | task:team_material_discussion | 2014-06-20 |

  @clause:py-3-5-1-2-service
  场景大纲: 执法监管部门和窗口单位、服务行业的对照检查材料要向服务对象公示：服务单位为<服务>时<结论>
    假如 规则集 "puyang-2014" 层级 "city_dept"
    并且 单位 "市某局领导班子" 班子职务 "dept_team"
    并且 单位属性 "service_unit" 为 "<服务>"
    并且 班子成员：
      | 编号 | 姓名   | 职务           |
      | ma   | 马卫东 | dept_principal |
      | gao  | 高红梅 | dept_member    |
    并且 会议定于 "2014-06-25"，会期 "1" 天
    并且 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                      |
      | 事项 | service_material_publicity |
    那么 于 "2014-06-25" 能否召开为 "<能否>"

    例子:
      | 服务 | 能否 | 结论               |
      | 是   | 否   | 未公示的不能召开   |
      | 否   | 是   | 不需要公示         |

  @clause:py-3-2-look-back-outcomes
  场景大纲: “回头看”<名称>：已做的“回头看”作废，重做之前不能开会
    假如 会前准备于 "2014-06-15" 全部完成
    当 于 "2014-06-16" 上级作出决定 "<决定>"
    那么 于 "2014-06-24" 能否召开为 "否"
    并且 阻碍为：
      | 规则                 | 事项      | 提示含       | 出处           |
      | preparation_complete | look_back | 开展“回头看” | 3、6工作要求① |
    当 于 "2014-06-18" 完成 "look_back"
    那么 于 "2014-06-24" 可以召开

    例子:
      | 决定              | 名称     |
      | look_back_rectify | 限期整改 |
      | look_back_make_up | 延时补课 |

  @clause:py-3-2-look-back-outcomes
  场景: “回头看”推倒重来：会前准备全部重做，谈心、材料、方案都要重来
    假如 会前准备于 "2014-06-15" 全部完成
    当 于 "2014-06-16" 上级作出决定 "look_back_restart"
    那么 于 "2014-06-24" 能否召开为 "否"
    并且 阻碍包括：
      | 规则                        | 事项        |
      | preparation_complete        | look_back   |
      | required_talks_done         |             |
      | examinations_passed         | examination |
      | plan_approved               | plan        |
    当 于 "2014-06-17" 上级作出决定 "order_reconvene"
    那么 被拒绝，原因含 "针对已召开的"
