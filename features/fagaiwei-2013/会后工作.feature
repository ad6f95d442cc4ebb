# language: zh-CN
功能: 会后工作与满意度测评
  四（二）2（6）：会上现场民主测评。四（三）：会后15天内上报情况报告；个人整改措施由主要领导审阅、班子整改方案
  经党组扩大会议讨论并由市政府分管领导审阅（2014年2月底前）；会后三个月集中整改（从会议召开之日起算，不按责任人一栏的“2014年4月底前”）；
  满意度测评（2014年6月底前）：“总体满意率未达到80%，需重新召开民主生活会，研究完善整改方案，重新组织测评，
  直到总体满意率达到80%以上。”

  背景:
    假如 规则集 "fagaiwei-2013"
    并且 单位 "县发展和改革委员会领导班子"
    并且 班子成员：
      | 编号 | 姓名   | 职务           |
      | liu  | 刘志远 | 委党组书记     |
      | chen | 陈立新 | 委领导班子成员 |
      | he   | 何建华 | 委领导班子成员 |
    并且 会议定于 "2013-12-27"
    并且 已发生：
      | 日期       | 事件 | 材料 | 对象 |
      | 2013-12-10 | 报送 | plan | team |
    并且 会前准备于 "2013-12-20" 全部完成
    并且 已发生：
      | 日期       | 事件 |
      | 2013-12-27 | 召开 |

  @clause:fg-4-3-1-report @clause:fg-4-3-3-focused @clause:fg-4-3-3-hearing @clause:fg-4-3-4-survey
  场景: 会后工作的时限：报告会后15天内，集中整改和汇报会后三个月内，满意度测评2014年6月底前
    那么 于 "2013-12-28" 待办为：
      | 事项                        | 时限       |
      | report                      | 2014-01-11 |
      | personal_rectification/liu  | 2014-02-28 |
      | personal_rectification/chen | 2014-02-28 |
      | personal_rectification/he   | 2014-02-28 |
      | rectification_plan          | 2014-02-28 |
      | focused_rectification       | 2014-03-27 |
      | rectification_hearing       | 2014-03-27 |
      | satisfaction_survey         | 2014-06-30 |

  @clause:fg-4-3-3-focused @clause:fg-4-3-3-hearing @clause:fg-4-3-4-threshold
  场景: 重新召开民主生活会后，集中整改的三个月从重新召开之日起算，不是次日即逾期
    当 于 "2014-06-20" 测评 "satisfaction" 满意 "70" 人，共 "100" 人
    并且 于 "2014-07-10" 召开会议
    那么 为第 "2" 轮
    并且 于 "2014-07-11" 待办为：
      | 事项                  | 时限       |
      | report                | 2014-07-25 |
      | focused_rectification | 2014-10-10 |
      | rectification_hearing | 2014-10-10 |
      | rectification_plan    |            |

  @clause:fg-4-3-1-report @clause:fg-4-3-1-report-contents
  场景: 情况报告按会后15天计，不按责任人一栏的“12月底前”
    那么 于 "2014-01-12" 已逾期为：
      | 事项   | 时限       |
      | report | 2014-01-11 |

  @clause:fg-4-2-2-6-onsite-appraisal
  场景: 现场民主测评没有门槛，测了就记下
    当 于 "2013-12-27" 测评 "onsite_appraisal" 满意 "9" 人，共 "12" 人
    那么 测评 "onsite_appraisal" 结果为 "通过"
    并且 阶段为 "held"

  @clause:fg-4-3-4-threshold
  场景大纲: 总体满意率<满意>/<总数>，<结论>
    当 发生：
      | 日期       | 事件 | 事项                  | 材料                   | 对象 | 环节                        | 由                           |
      | 2014-01-08 | 完成 | report                |                        |      |                             |                              |
      | 2014-02-20 | 提交 |                       | personal_rectification | liu  |                             |                              |
      | 2014-02-20 | 提交 |                       | personal_rectification | chen |                             |                              |
      | 2014-02-20 | 提交 |                       | personal_rectification | he   |                             |                              |
      | 2014-02-21 | 提交 |                       | rectification_plan     | team |                             |                              |
      | 2014-02-24 | 通过 |                       | rectification_plan     | team | enlarged_meeting_discussion | enlarged_party_group_meeting |
      | 2014-03-25 | 完成 | focused_rectification |                        |      |                             |                              |
      | 2014-03-26 | 完成 | rectification_hearing |                        |      |                             |                              |
      | 2014-06-20 | 完成 | satisfaction_survey   |                        |      |                             |                              |
    并且 于 "2014-06-20" 测评 "satisfaction" 满意 "<满意>" 人，共 "<总数>" 人
    那么 测评 "satisfaction" 结果为 "<结果>"
    并且 于 "2014-06-21" 阶段为 "<阶段>"
    并且 为第 "<轮>" 轮

    例子:
      | 满意 | 总数 | 结果   | 阶段      | 轮 | 结论                                 |
      | 80   | 100  | 通过   | closed    | 1  | 达到80%，即告完结                    |
      | 4    | 5    | 通过   | closed    | 1  | 恰好80%，即告完结                    |
      | 79   | 100  | 未通过 | preparing | 2  | 低于80%，重新召开民主生活会           |
      | 3    | 4    | 未通过 | preparing | 2  | 75%，重新召开民主生活会               |

  @clause:fg-4-3-4-threshold @clause:fg-4-3-2-plan-discussion
  场景: 满意率未达到80%的，重新召开时要研究完善整改方案
    当 于 "2014-06-20" 测评 "satisfaction" 满意 "70" 人，共 "100" 人
    那么 为第 "2" 轮
    并且 本轮起因含 "满意率70/100低于80%"
    并且 须重做：
      | 事项               | 状态 |
      | rectification_plan | open |

  @clause:fg-2-personal-rectification @clause:fg-4-3-2-personal-measures
  场景: 班子成员的个人整改措施由主要领导审阅
    那么 "chen" 的 "personal_rectification" 审核链为 "personal_rectification_review"：
      | 序号 | 环节                   | 名称       | 审核人    | 性质 | 把关 |
      | ①    | principal_read_through | 主要领导审阅 | principal | 审阅 | 否   |

  @clause:fg-4-3-2-plan-discussion @clause:fg-4-3-2-plan-review @clause:fg-4-3-2-plan-contents
  场景: 班子整改方案经党组扩大会议充分讨论，再由市政府分管领导审阅
    那么 "team" 的 "rectification_plan" 审核链为 "rectification_plan_review"：
      | 序号 | 环节                        | 名称             | 审核人                        | 性质 | 把关 |
      | ①    | enlarged_meeting_discussion | 党组扩大会议充分讨论 | enlarged_party_group_meeting | 审核 | 否   |
      | ②    | city_leader_read_through    | 市政府分管领导审阅 | city_government_leader        | 审阅 | 否   |

  @clause:fg-4-3-4-threshold @clause:fg-3-held-by
  场景: 重新召开的会不受“12月底前召开”的限制，第二轮达到80%即告完结，两轮都留有记录
    当 发生：
      | 日期       | 事件 | 事项                  | 材料                   | 对象 | 环节                        | 由                           | 测评         | 满意 | 总数 |
      | 2014-01-08 | 完成 | report                |                        |      |                             |                              |              |      |      |
      | 2014-02-20 | 提交 |                       | personal_rectification | liu  |                             |                              |              |      |      |
      | 2014-02-20 | 提交 |                       | personal_rectification | chen |                             |                              |              |      |      |
      | 2014-02-20 | 提交 |                       | personal_rectification | he   |                             |                              |              |      |      |
      | 2014-02-21 | 提交 |                       | rectification_plan     | team |                             |                              |              |      |      |
      | 2014-02-24 | 通过 |                       | rectification_plan     | team | enlarged_meeting_discussion | enlarged_party_group_meeting |              |      |      |
      | 2014-03-25 | 完成 | focused_rectification |                        |      |                             |                              |              |      |      |
      | 2014-03-26 | 完成 | rectification_hearing |                        |      |                             |                              |              |      |      |
      | 2014-06-20 | 完成 | satisfaction_survey   |                        |      |                             |                              |              |      |      |
      | 2014-06-20 | 测评 |                       |                        |      |                             |                              | satisfaction | 70   | 100  |
    那么 于 "2014-07-10" 可以召开
    当 发生：
      | 日期       | 事件 | 事项                  | 材料                   | 对象 | 环节                        | 由                           | 测评         | 满意 | 总数 |
      | 2014-07-10 | 召开 |                       |                        |      |                             |                              |              |      |      |
      | 2014-07-20 | 完成 | report                |                        |      |                             |                              |              |      |      |
      | 2014-07-21 | 提交 |                       | personal_rectification | liu  |                             |                              |              |      |      |
      | 2014-07-21 | 提交 |                       | personal_rectification | chen |                             |                              |              |      |      |
      | 2014-07-21 | 提交 |                       | personal_rectification | he   |                             |                              |              |      |      |
      | 2014-07-22 | 提交 |                       | rectification_plan     | team |                             |                              |              |      |      |
      | 2014-07-23 | 通过 |                       | rectification_plan     | team | enlarged_meeting_discussion | enlarged_party_group_meeting |              |      |      |
      | 2014-09-25 | 完成 | focused_rectification |                        |      |                             |                              |              |      |      |
      | 2014-09-28 | 完成 | rectification_hearing |                        |      |                             |                              |              |      |      |
      | 2014-10-10 | 完成 | satisfaction_survey   |                        |      |                             |                              |              |      |      |
      | 2014-10-10 | 测评 |                       |                        |      |                             |                              | satisfaction | 85   | 100  |
    那么 于 "2014-10-11" 阶段为 "closed"
    并且 为第 "2" 轮
