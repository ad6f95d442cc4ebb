# language: zh-CN
功能: 会后工作
  三（三）：会后党委书记主持召开通报会，形成专题报告，经督导组审阅后报上级教育实践活动领导小组办公室，同时上报
  上级纪委和组织部，并择期向群众通报。三（四）：制定整改任务书、时间表，在一定范围内公示。原文没有写时限。
  通报 → 专题报告 → 督导组审阅 → 报上级是先后顺序：顺序不对的记录被拒绝。读法：“经督导组审阅后，报上级”，审阅是报上级的前提。

  背景:
    假如 规则集 "town-2014"
    并且 单位 "青石镇党委领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务         | 分管                   |
      | zhou  | 周建平 | 镇党委书记   | 党政办公室             |
      | sun   | 孙丽娟 | 镇党委副书记 | 社会事务办             |
      | wang  | 王德明 | 镇党委领导班子成员 | 农业服务中心、村镇建设办 |
    并且 会议定于 "2014-07-15"
    并且 会前准备于 "2014-07-10" 全部完成
    并且 已发生：
      | 日期       | 事件 |
      | 2014-07-15 | 召开 |

  @clause:tn-3-3-briefing @clause:tn-3-3-report @clause:tn-3-4-rectification
  场景: 会后五项工作和专题报告都没有时限，召开后都列为待办
    那么 于 "2014-07-16" 阶段为 "held"
    并且 于 "2014-07-16" 待办为：
      | 事项                    | 时限 |
      | briefing                |      |
      | public_briefing         |      |
      | rectification_plan      |      |
      | rectification_published |      |
      | report                  |      |
      | report_sent_up          |      |

  @clause:tn-3-3-briefing @clause:tn-3-3-report @clause:tn-3-4-rectification
  场景: 通报、专题报告经督导组审阅后上报、向群众通报、整改任务书及其公示都完成后即告完结
    当 发生：
      | 日期       | 事件 | 事项                    | 材料   | 对象 | 环节                     | 由                |
      | 2014-07-18 | 完成 | briefing                |        |      |                          |                   |
      | 2014-07-20 | 提交 |                         | report | team |                          |                   |
      | 2014-07-21 | 通过 |                         | report | team | supervision_read_through | supervision_group |
      | 2014-07-22 | 完成 | report_sent_up          |        |      |                          |                   |
      | 2014-07-25 | 完成 | rectification_plan      |        |      |                          |                   |
      | 2014-07-28 | 完成 | rectification_published |        |      |                          |                   |
    那么 于 "2014-07-28" 阶段为 "held"
    当 于 "2014-08-05" 完成 "public_briefing"
    那么 于 "2014-08-05" 阶段为 "已完结"

  @clause:tn-3-3-report
  场景: 通报会之前形成专题报告的，被拒绝
    当 发生：
      | 日期       | 事件 | 材料   | 对象 |
      | 2014-07-17 | 提交 | report | team |
    那么 被拒绝，原因含 "report……须在党委书记主持召开通报会……之后，本轮尚未完成"

  @clause:tn-3-3-report
  场景: 专题报告未经督导组审阅就报上级的，被拒绝；审阅后报上级的被接受
    当 发生：
      | 日期       | 事件 | 事项           | 材料   | 对象 |
      | 2014-07-18 | 完成 | briefing       |        |      |
      | 2014-07-20 | 提交 |                | report | team |
      | 2014-07-21 | 完成 | report_sent_up |        |      |
    那么 被拒绝，原因含 "report_sent_up……须在民主生活会情况专题报告之后，本轮尚未完成"
    当 发生：
      | 日期       | 事件 | 材料   | 对象 | 环节                     | 由                |
      | 2014-07-22 | 通过 | report | team | supervision_read_through | supervision_group |
    并且 于 "2014-07-23" 完成 "report_sent_up"
    那么 未被拒绝

  @clause:tn-3-3-report
  场景: 没有报上级的，通报和审阅都做了也不算完结
    当 发生：
      | 日期       | 事件 | 事项                    | 材料   | 对象 | 环节                     | 由                |
      | 2014-07-18 | 完成 | briefing                |        |      |                          |                   |
      | 2014-07-20 | 提交 |                         | report | team |                          |                   |
      | 2014-07-21 | 通过 |                         | report | team | supervision_read_through | supervision_group |
      | 2014-07-25 | 完成 | rectification_plan      |        |      |                          |                   |
      | 2014-07-28 | 完成 | rectification_published |        |      |                          |                   |
      | 2014-08-05 | 完成 | public_briefing         |        |      |                          |                   |
    那么 于 "2014-08-05" 阶段为 "held"
    并且 于 "2014-08-06" 待办为：
      | 事项           | 时限 |
      | report_sent_up |      |
