# language: zh-CN
功能: 议程与会期
  3、6：“市、县（区）党委领导班子专题民主生活会的时间不少于一天半，其他单位领导班子专题民主生活会的时间不少于一天。”
  会议议程主要有5项；会议由党委（党组）书记主持。
  读法：是否“市、县（区）党委领导班子”由班子职务决定（市委常委班子、县（区）委常委班子为是，其余班子为否），
  案件不必也不能另行填写；漏写不会把一天半变成一天，写反的案件被拒绝。

  @clause:py-3-6-agenda-1 @clause:py-3-6-agenda-2 @clause:py-3-6-agenda-3 @clause:py-3-6-agenda-4 @clause:py-3-6-agenda-5
  场景: 会议议程五项：书记提要求、代表班子对照检查、逐人发言并接受批评、督导组长评价、书记总结
    假如 规则集 "puyang-2014"
    那么 会议议程依次为：
      | 序号 | 议程             | 发言人                     | 每人 |
      | 1    | requirements     | 党委（党组）书记           | 否   |
      | 2    | team_examination | 党委（党组）书记           | 否   |
      | 3    | criticism        | 党委（党组）书记和班子其他成员 | 是 |
      | 4    | group_evaluation | 督导组长                   | 否   |
      | 5    | summary          | 党委（党组）书记           | 否   |
    并且 会议由 "unit_principal" 主持

  @clause:py-3-6-length
  场景大纲: 市、县（区）党委领导班子会期不少于一天半：计划<会期>天，<结论>
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
      | zhao | 赵明   | county_standing_member |
    并且 会议定于 "2014-06-24"，会期 "<会期>" 天
    并且 会前准备于 "2014-06-15" 全部完成
    那么 于 "2014-06-24" 能否召开为 "<能否>"

    例子:
      | 会期 | 能否 | 结论     |
      | 1    | 否   | 不能召开 |
      | 1.4  | 否   | 不能召开 |
      | 1.5  | 是   | 可以召开 |
      | 2    | 是   | 可以召开 |

  @clause:py-3-6-length
  场景: 会期不足一天半时，阻碍说明须不少于一天半
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    并且 会前准备于 "2014-06-15" 全部完成
    那么 阻碍为：
      | 规则                 | 提示含                   | 出处 |
      | min_length_committee | 计划会期1天，须不少于一天半 | 3、6 |

  @clause:py-3-6-length
  场景大纲: 其他单位领导班子会期不少于一天：<层级名>计划<会期>天，<结论>
    假如 规则集 "puyang-2014" 层级 "<层级>"
    并且 单位 "某单位领导班子" 班子职务 "<班子>"
    并且 班子成员：
      | 编号 | 姓名 | 职务     |
      | a    | 甲   | <书记> |
    并且 会议定于 "<日期>"，会期 "<会期>" 天
    并且 会前准备于 "<准备>" 全部完成
    那么 阻碍中没有 "min_length_committee"
    并且 于 "<日期>" 能否召开为 "<能否>"

    例子:
      | 层级                 | 层级名   | 班子                   | 书记                     | 日期       | 准备       | 会期 | 能否 | 结论     |
      | city_dept            | 市直单位 | dept_team              | dept_principal           | 2014-06-25 | 2014-06-15 | 0.5  | 否   | 不能召开 |
      | city_dept            | 市直单位 | dept_team              | dept_principal           | 2014-06-25 | 2014-06-15 | 1    | 是   | 可以召开 |
      | county               | 县人大常委会党组 | county_npc_party_group | county_npc_head  | 2014-06-24 | 2014-06-15 | 0.9  | 否   | 不能召开 |
      | county_dept_township | 乡（镇、办） | township_committee | township_party_secretary | 2014-07-15 | 2014-06-28 | 1    | 是   | 可以召开 |

  @clause:py-3-6-length
  场景: 其他单位领导班子会期不足一天时，阻碍说明须不少于一天
    假如 规则集 "puyang-2014" 层级 "city_dept"
    并且 单位 "中共濮阳市财政局党组领导班子" 班子职务 "dept_team"
    并且 班子成员：
      | 编号 | 姓名   | 职务           |
      | ma   | 马卫东 | dept_principal |
    并且 会议定于 "2014-06-25"，会期 "0.5" 天
    并且 会前准备于 "2014-06-15" 全部完成
    那么 阻碍为：
      | 规则             | 提示含                  |
      | min_length_other | 计划会期0.5天，须不少于1天 |

  @clause:py-3-6-length @clause:py-3-5-1-2-committee
  场景: 县委常委班子漏写“党委领导班子”属性，会期仍须不少于一天半，仍须征求全委会成员意见
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    并且 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                        |
      | 事项 | committee_material_opinions |
    那么 阻碍为：
      | 规则                 | 事项                        | 提示含                      | 出处  |
      | preparation_complete | committee_material_opinions | 征求同级党委全委会成员      | 3、6工作要求① |
      | min_length_committee |                             | 计划会期1天，须不少于一天半 | 3、6  |

  @clause:py-3-6-length
  场景: 县委常委班子写成“不是党委领导班子”的，案件被拒绝
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "否"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    那么 案件被拒绝，原因含 "county_standing_committee……party_committee_team true"

  @clause:py-3-6-length
  场景: 县人大常委会党组不是党委领导班子，写成“是”的，案件被拒绝
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "清丰县人大常委会党组" 班子职务 "county_npc_party_group"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务            |
      | sun  | 孙立民 | county_npc_head |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    那么 案件被拒绝，原因含 "county_npc_party_group……party_committee_team false"

  @clause:py-3-6-length
  场景: 县（区）的案件既不写班子职务也不写是否党委领导班子的，案件被拒绝，并说明可选的班子职务
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "清丰县某领导班子"
    并且 班子成员：
      | 编号 | 姓名   |
      | liu  | 刘振华 |
    并且 会议定于 "2014-06-24"，会期 "1" 天
    那么 案件被拒绝，原因含 "party_committee_team……county_standing_committee……or give it"
