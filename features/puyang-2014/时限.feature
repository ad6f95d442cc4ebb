# language: zh-CN
功能: 时限（各层级的时间安排）
  二：市四大班子和市级干部从5月15日开始，大体安排1个月左右；县（区）和市直单位、县（区）直单位和乡（镇、办）、村（社区）
  压茬推进，间隔一般半个月左右。3、2、4、5、6、8：“回头看”、谈心交心、撰写审核对照检查材料、召开会议、通报和群众评议，
  各层级各有时间；县级以下“回头看”在召开会议之前完成。村（社区）在本文件中没有时间安排。

  @clause:py-2-staggered @clause:py-3-2-look-back-time @clause:py-3-4-time @clause:py-3-5-time @clause:py-3-3-time @clause:py-3-3-reminders @clause:py-3-3-feedback @clause:py-3-5-1-2-committee
  场景: 县（区）：谈心和材料6月上旬—6月中旬，“回头看”在会前完成，点明提醒和反馈问题贯穿始终、没有时限
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
      | zhao | 赵明   | county_standing_member |
    并且 会议定于 "2014-06-24"，会期 "1.5" 天
    那么 计划中的时限为：
      | 项目                                       | 起         | 止         |
      | task:look_back                             |            | 2014-06-23 |
      | task:principal_reminders                   |            | —          |
      | task:supervision_feedback                  |            | —          |
      | talk:principal_with_members                | 2014-06-01 | 2014-06-20 |
      | talk:city_group_with_members               | 2014-06-01 | 2014-06-20 |
      | material:examination                       | 2014-06-01 | 2014-06-20 |
      | task:team_material_discussion              | 2014-06-01 | 2014-06-20 |
      | task:committee_material_opinions           | 2014-06-01 | 2014-06-20 |
      | link:examination:county_secretary_review   | 2014-06-01 | 2014-06-20 |
      | link:examination:provincial_leader_review  | 2014-06-01 | 2014-06-20 |

  @clause:py-2-city-schedule @clause:py-3-2-look-back-time @clause:py-3-4-time @clause:py-3-5-time
  场景: 市级：“回头看”5月中旬起半个月左右，谈心5月19日—6月初，材料5月19日—31日
    假如 规则集 "puyang-2014" 层级 "city"
    并且 单位 "中共濮阳市委常委班子" 班子职务 "city_standing_committee"
    并且 单位属性 "party_committee_team" 为 "是"
    并且 班子成员：
      | 编号 | 姓名   | 职务                 |
      | han  | 韩志远 | city_party_secretary |
      | zhou | 周立新 | mayor                |
    并且 会议定于 "2014-06-09"，会期 "1.5" 天
    那么 计划中的时限为：
      | 项目                                          | 起         | 止         |
      | task:look_back                                | 2014-05-11 | 2014-05-31 |
      | talk:principal_with_members                   | 2014-05-19 | 2014-06-10 |
      | talk:provincial_group_with_members            | 2014-05-19 | 2014-06-10 |
      | material:examination                          | 2014-05-19 | 2014-05-31 |
      | link:examination:central_office_read_through  | 2014-05-19 | 2014-05-31 |

  @clause:py-3-6-time @clause:py-2-staggered @clause:py-2-city-schedule @clause:py-3-5-2-analogy
  场景大纲: <层级名>的专题民主生活会在<时间>召开
    假如 规则集 "puyang-2014" 层级 "<层级>"
    并且 单位 "某领导班子" 班子职务 "<班子>"
    并且 班子成员：
      | 编号 | 姓名 |
      | a    | 甲   |
    并且 会议定于 "<起>"
    那么 会议时间为 "<起>" 至 "<止>"

    例子:
      | 层级                 | 层级名                   | 班子                      | 时间          | 起         | 止         |
      | city                 | 市级                     | city_standing_committee   | 6月上旬       | 2014-06-01 | 2014-06-10 |
      | county               | 县（区）                 | county_standing_committee | 6月中旬—下旬 | 2014-06-11 | 2014-06-30 |
      | city_dept            | 市直单位                 | dept_team                 | 6月中旬—下旬 | 2014-06-11 | 2014-06-30 |
      | county_dept_township | 县（区）直单位和乡（镇、办） | township_committee     | 7月中旬   | 2014-07-11 | 2014-07-20 |

  @clause:py-3-4-time @clause:py-3-5-time @clause:py-3-5-2-analogy
  场景: 县（区）直单位和乡（镇、办）：谈心和材料都在6月底前
    假如 规则集 "puyang-2014" 层级 "county_dept_township"
    并且 单位 "中共清丰县马庄桥镇委员会领导班子" 班子职务 "township_committee"
    并且 班子成员：
      | 编号 | 姓名   | 职务                     |
      | meng | 孟庆林 | township_party_secretary |
      | fan  | 范小军 | township_head            |
    并且 会议定于 "2014-07-15"，会期 "1" 天
    那么 计划中的时限为：
      | 项目                                     | 止         |
      | talk:principal_with_members              | 2014-06-30 |
      | talk:county_group_with_members           | 2014-06-30 |
      | material:examination                     | 2014-06-30 |
      | link:examination:county_secretary_review | 2014-06-30 |
      | task:look_back                           | 2014-07-14 |
