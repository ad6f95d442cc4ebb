# language: zh-CN
功能: 会后工作、群众评议与责令重开
  3、7：督导组形成评价材料并向党委（党组）书记反馈。3、8：县（区）和市直单位6月底前召开情况通报暨群众评议会；
  市委督导组审核通报材料和群众评议工作方案，群众评议后形成群众评议报告报市委活动办；“对群众满意率低于2/3的，
  要督促其返工、补课。”3、9：会后15天内上报专题报告。3、6工作要求①：“相互评功摆好走过场的，要责令重开。”

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
    并且 会前准备于 "2014-06-15" 全部完成
    并且 已发生：
      | 日期       | 事件 |
      | 2014-06-24 | 召开 |

  @clause:py-3-7-feedback @clause:py-3-8-time @clause:py-3-8-review @clause:py-3-8-briefing @clause:py-3-8-report @clause:py-3-9-report
  场景: 县（区）会后的工作：通报、评议、评议报告6月底前，专题报告会后15天内，督导组反馈没有时限
    那么 于 "2014-06-25" 阶段为 "held"
    并且 于 "2014-06-25" 待办为：
      | 事项                      | 时限       |
      | briefing_materials_review | 2014-06-30 |
      | briefing_and_appraisal    | 2014-06-30 |
      | appraisal_report          | 2014-06-30 |
      | special_report            | 2014-07-09 |
      | report                    | 2014-07-09 |
      | supervision_evaluation    |            |

  @clause:py-3-8-threshold
  场景大纲: 群众满意率<满意>/<总数>：<结论>
    当 于 "2014-06-28" 测评 "public_appraisal" 满意 "<满意>" 人，共 "<总数>" 人
    那么 测评 "public_appraisal" 结果为 "<结果>"
    并且 于 "2014-06-28" 阶段为 "<阶段>"

    例子:
      | 满意 | 总数 | 结果   | 阶段    | 结论                 |
      | 2    | 3    | 通过   | held    | 恰好2/3，不必返工     |
      | 6    | 9    | 通过   | held    | 恰好2/3，不必返工     |
      | 67   | 100  | 通过   | held    | 67%，不必返工         |
      | 66   | 100  | 未通过 | redoing | 66%低于2/3，返工补课  |
      | 5    | 9    | 未通过 | redoing | 低于2/3，返工补课     |

  @clause:py-3-8-threshold
  场景: 返工补课要重写并重审对照检查材料和拟批评意见，重新谈心
    当 于 "2014-06-28" 测评 "public_appraisal" 满意 "60" 人，共 "100" 人
    那么 为第 "2" 轮
    并且 本轮起因含 "满意率60/100低于2/3"
    并且 须重做：
      | 事项                          | 状态 |
      | examination                   | open |
      | criticism_outline             | open |
      | principal_with_members        | open |
      | members_with_each_other       | open |
      | members_with_department_heads | open |
    当 会前准备于 "2014-07-05" 全部完成
    那么 于 "2014-07-05" 阶段为 "held"
    当 于 "2014-07-10" 测评 "public_appraisal" 满意 "80" 人，共 "100" 人
    那么 测评 "public_appraisal" 结果为 "通过"

  @clause:py-3-8-threshold @clause:py-3-9-report @clause:py-3-8-review @clause:py-3-8-briefing @clause:py-3-8-report @clause:py-3-7-feedback
  场景: 会后工作都完成、群众满意率达到2/3的，即告完结
    当 发生：
      | 日期       | 事件 | 事项                      | 测评             | 满意 | 总数 |
      | 2014-06-26 | 完成 | briefing_materials_review |                  |      |      |
      | 2014-06-27 | 完成 | briefing_and_appraisal    |                  |      |      |
      | 2014-06-27 | 测评 |                           | public_appraisal | 90   | 120  |
      | 2014-06-29 | 完成 | appraisal_report          |                  |      |      |
      | 2014-06-30 | 完成 | supervision_evaluation    |                  |      |      |
    并且 发生：
      | 日期       | 事件 | 材料           | 对象 | 环节                    | 由                     |
      | 2014-07-01 | 提交 | special_report | team |                         |                        |
      | 2014-07-03 | 通过 | special_report | team | city_group_read_through | city_supervision_group |
    并且 于 "2014-07-05" 完成 "report"
    那么 于 "2014-07-05" 阶段为 "closed"

  @clause:py-3-9-report
  场景: 专题报告未经市委督导组审阅就上报市委活动办的，被拒绝；审阅后上报的被接受
    那么 "team" 的 "special_report" 审核链为 "special_report_review"：
      | 序号 | 环节                    | 名称           | 审核人                 | 性质 | 把关 |
      | ①    | city_group_read_through | 市委督导组审阅 | city_supervision_group | 审阅 | 是   |
    当 发生：
      | 日期       | 事件 | 事项   | 材料           | 对象 |
      | 2014-07-01 | 提交 |        | special_report | team |
      | 2014-07-02 | 完成 | report |                |      |
    那么 被拒绝，原因含 "'report'……须在民主生活会情况专题报告之后……3、9"
    当 发生：
      | 日期       | 事件 | 材料           | 对象 | 环节                    | 由                     |
      | 2014-07-03 | 通过 | special_report | team | city_group_read_through | city_supervision_group |
    并且 于 "2014-07-05" 完成 "report"
    那么 未被拒绝

  @clause:py-3-6-reconvene
  场景: 相互评功摆好走过场的，上级责令重开：开始新一轮会前准备
    当 于 "2014-06-26" 上级作出决定 "order_reconvene"
    那么 于 "2014-06-26" 阶段为 "preparing"
    并且 为第 "2" 轮
    并且 本轮起因含 "责令重开"

  @clause:py-3-6-reconvene
  场景: 会议还没有开，就谈不上责令重开
    假如 规则集 "puyang-2014" 层级 "county"
    并且 单位 "中共清丰县委常委班子" 班子职务 "county_standing_committee"
    并且 班子成员：
      | 编号 | 姓名   | 职务                   |
      | liu  | 刘振华 | county_party_secretary |
    并且 会议定于 "2014-06-24"，会期 "1.5" 天
    当 于 "2014-06-20" 上级作出决定 "order_reconvene"
    那么 被拒绝，原因含 "针对已召开的"

  @clause:py-3-8-time @clause:py-3-9-report
  场景: 市级：通报暨群众评议6月中旬完成，没有市委督导组审核通报材料和群众评议报告两项
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
    并且 会前准备于 "2014-05-31" 全部完成
    当 于 "2014-06-09" 召开会议
    那么 于 "2014-06-10" 待办为：
      | 事项                   | 时限       |
      | briefing_and_appraisal | 2014-06-20 |
      | report                 | 2014-06-24 |
      | supervision_evaluation |            |
