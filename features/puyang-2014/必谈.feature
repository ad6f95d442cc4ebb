# language: zh-CN
功能: 必谈（“四必谈”）
  3、4：“要做到‘四必谈’，即：党委（党组）主要负责同志与班子每个成员必谈，班子成员相互之间必谈，班子成员与分管部门
  主要负责同志之间必谈，督导组与班子成员必谈。市、县（区）委主要负责同志还要分别与县（区）、乡（镇、办）党政主要负责
  同志谈心”。谈心交心时间：市级5月19日—6月初；县（区）和市直单位6月上旬—6月中旬；县（区）直单位和乡（镇、办）6月底前。
  3、6工作要求①：班子成员之间谈心谈话没有全覆盖的，不能开会。

  @clause:py-3-4-four-talks @clause:py-3-4-lower-principals
  场景: 县（区）委常委班子：四必谈，督导组是市委督导组，县（区）委书记还要与乡（镇、办）党政主要负责同志谈心
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号  | 姓名   | 职务                   | 分管         |
      | liu   | 刘振华 | county_party_secretary | 县委办公室   |
      | zhang | 张建军 | county_head            | 县政府办公室 |
      | zhao  | 赵明   | county_standing_member | 县委政法委   |
    并且 名单 "lower_principals"：
      | 名称               |
      | 城关镇党委书记王国强 |
      | 城关镇镇长李红霞   |
    并且 会议定于 "2014-06-24"，会期 "1.5" 天
    当 于 "2014-06-01" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                                      | 一方  | 另一方                 |
      | principal_with_members                    | liu   | zhang                  |
      | principal_with_members                    | liu   | zhao                   |
      | members_with_each_other                   | liu   | zhang                  |
      | members_with_each_other                   | liu   | zhao                   |
      | members_with_each_other                   | zhang | zhao                   |
      | members_with_department_heads             | liu   | head:县委办公室        |
      | members_with_department_heads             | zhang | head:县政府办公室      |
      | members_with_department_heads             | zhao  | head:县委政法委        |
      | city_group_with_members                   | liu   | city_supervision_group |
      | city_group_with_members                   | zhang | city_supervision_group |
      | city_group_with_members                   | zhao  | city_supervision_group |
      | county_secretary_with_township_principals | liu   | 城关镇党委书记王国强   |
      | county_secretary_with_township_principals | liu   | 城关镇镇长李红霞       |

  @clause:py-3-4-four-talks @clause:py-3-4-lower-principals @clause:py-3-4-time
  场景: 市委常委班子：督导组是省委督导组，市委书记还要与县（区）党政主要负责同志谈心
    假如 规则集 "puyang-2014" 层级 "city"
    并且 单位 "中共濮阳市委常委班子" 班子职务 "city_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务                 |
      | han  | 韩志远 | city_party_secretary |
      | zhou | 周立新 | mayor                |
    并且 名单 "lower_principals"：
      | 名称             |
      | 华龙区委书记刘长河 |
    并且 会议定于 "2014-06-09"，会期 "1.5" 天
    当 于 "2014-05-19" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                                 | 一方 | 另一方                       |
      | principal_with_members               | han  | zhou                         |
      | members_with_each_other              | han  | zhou                         |
      | provincial_group_with_members        | han  | provincial_supervision_group |
      | provincial_group_with_members        | zhou | provincial_supervision_group |
      | city_secretary_with_county_principals | han  | 华龙区委书记刘长河           |
    并且 下一步包括：
      | 规则                | 起         | 时限       |
      | talks_fully_covered | 2014-05-19 | 2014-06-10 |

  @clause:py-3-4-four-talks
  场景: 市直单位：督导组是市委督导组；单位科室长、直属机构主要负责人不是班子成员，不在必谈之列
    假如 规则集 "puyang-2014" 层级 "city_dept"
    并且 单位 "中共濮阳市财政局党组领导班子" 班子职务 "dept_team"
    并且 班子成员：
      | 编号 | 姓名   | 职务                 | 分管 |
      | ma   | 马卫东 | dept_principal       | 办公室 |
      | gao  | 高红梅 | dept_member          | 预算科 |
      | song | 宋佳   | section_chief        |      |
      | luo  | 罗斌   | affiliated_principal |      |
    并且 会议定于 "2014-06-25"，会期 "1" 天
    当 于 "2014-06-01" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                          | 一方 | 另一方                 |
      | principal_with_members        | ma   | gao                    |
      | members_with_each_other       | ma   | gao                    |
      | members_with_department_heads | ma   | head:办公室            |
      | members_with_department_heads | gao  | head:预算科            |
      | city_group_with_members       | ma   | city_supervision_group |
      | city_group_with_members       | gao  | city_supervision_group |

  @clause:py-3-4-four-talks @clause:py-3-4-time
  场景: 乡（镇、办）：督导组是县（区）委督导组，谈心在6月底前完成
    假如 规则集 "puyang-2014" 层级 "county_dept_township"
    并且 单位 "中共清丰县马庄桥镇委员会领导班子" 班子职务 "township_committee"
    并且 班子成员：
      | 编号 | 姓名   | 职务                     |
      | meng | 孟庆林 | township_party_secretary |
      | fan  | 范小军 | township_head            |
    并且 会议定于 "2014-07-15"，会期 "1" 天
    当 于 "2014-06-10" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                    | 一方 | 另一方                   |
      | principal_with_members  | meng | fan                      |
      | members_with_each_other | meng | fan                      |
      | county_group_with_members | meng | county_supervision_group |
      | county_group_with_members | fan  | county_supervision_group |
    并且 下一步包括：
      | 规则                | 时限       |
      | talks_fully_covered | 2014-06-30 |
      | required_talks_done | 2014-06-30 |

  @clause:py-3-4-four-talks @clause:py-3-6-no-meeting
  场景: 班子成员之间谈心没有全覆盖的，不能开会；与分管部门、督导组、下一级主要负责同志的谈话另列一条
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号  | 姓名   | 职务                   | 分管         |
      | liu   | 刘振华 | county_party_secretary | 县委办公室   |
      | zhang | 张建军 | county_head            | 县政府办公室 |
    并且 名单 "lower_principals"：
      | 名称               |
      | 城关镇党委书记王国强 |
    并且 会议定于 "2014-06-24"，会期 "1.5" 天
    并且 会前准备于 "2014-06-15" 全部完成，除了：
      | 类别 | 内容                          |
      | 谈话 | liu—zhang                     |
      | 谈话 | zhang—city_supervision_group  |
      | 谈话 | liu—城关镇党委书记王国强      |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 事项                                      | 提示含              | 出处           |
      | talks_fully_covered | principal_with_members                    | 刘振华—张建军       | 3、6工作要求① |
      | talks_fully_covered | members_with_each_other                   | 刘振华—张建军       | 3、6工作要求① |
      | required_talks_done | city_group_with_members                   | 张建军—市委督导组   | 3、4           |
      | required_talks_done | county_secretary_with_township_principals | 刘振华—城关镇党委书记王国强 | 3、4    |

  @clause:py-3-4-redo @clause:py-3-6-no-meeting
  场景: 督导组督促重新进行谈心谈话：班子成员之间的三项必谈都要重谈，谈完才能开会
    假如 规则集 "puyang-2014" 层级 "city_dept"
    并且 单位 "中共濮阳市财政局党组领导班子" 班子职务 "dept_team"
    并且 班子成员：
      | 编号 | 姓名   | 职务           | 分管   |
      | ma   | 马卫东 | dept_principal | 办公室 |
      | li   | 李红   | dept_member    | 预算科 |
    并且 会议定于 "2014-06-25"，会期 "1" 天
    并且 会前准备于 "2014-06-15" 全部完成
    当 于 "2014-06-16" 上级作出决定 "talk_redo"
    那么 于 "2014-06-17" 不能召开
    并且 尚缺的必谈为：
      | 必谈                          | 一方 | 另一方      |
      | principal_with_members        | ma   | li          |
      | members_with_each_other       | ma   | li          |
      | members_with_department_heads | li   | head:预算科 |
      | members_with_department_heads | ma   | head:办公室 |
    当 发生：
      | 日期       | 事件 | 双方        |
      | 2014-06-18 | 谈话 | ma—li       |
      | 2014-06-18 | 谈话 | ma—head:办公室 |
      | 2014-06-19 | 谈话 | li—head:预算科 |
    那么 于 "2014-06-25" 可以召开
