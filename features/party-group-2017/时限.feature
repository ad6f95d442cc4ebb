# language: zh-CN
功能: 时限
  原文各环节的“完成时限：2018年xx月xx日前”由案件以参数给出；方案须在召开民主生活会15天前报市委组织部审核（六（六））。

  背景:
    假如 规则集 "party-group-2017"
    并且 单位 "市水务局党组"
    并且 班子成员：
      | 编号 | 姓名   | 职务     | 分管                   |
      | ma   | 马文斌 | 党组书记 | 办公室                 |
      | han  | 韩雪梅 | 党组成员 | 政策法规科、财务审计科 |
      | du   | 杜志刚 | 党组成员 | 水资源管理科           |
    并且 会议定于 "2018-01-30"
    并且 参数 "study_due" 为 "2018-01-05"
    并且 参数 "plan_due" 为 "2018-01-12"
    并且 参数 "opinions_due" 为 "2018-01-12"
    并且 参数 "talks_due" 为 "2018-01-20"
    并且 参数 "examination_due" 为 "2018-01-24"
    并且 参数 "rectification_report_due" 为 "2018-01-26"

  @clause:pg-6-1-study @clause:pg-6-2-opinions @clause:pg-6-3-due @clause:pg-6-4-due @clause:pg-6-5-report
  场景: 每一项的时限就是案件给出的参数
    那么 计划中的时限为：
      | 项目                             | 止         |
      | task:study                       | 2018-01-05 |
      | task:opinions                    | 2018-01-12 |
      | talk:secretary_with_members      | 2018-01-20 |
      | talk:members_with_each_other     | 2018-01-20 |
      | talk:members_with_section_heads  | 2018-01-20 |
      | material:examination             | 2018-01-24 |
      | material:speech_outline          | 2018-01-24 |
      | task:rectification_status_report | 2018-01-26 |

  @clause:pg-6-6-plan
  场景大纲: 方案须在会前15天报送：<报送>报送的，最早<最早>可以召开
    假如 已发生：
      | 日期     | 事件 | 材料 | 对象 |
      | <报送> | 报送 | plan | team |
    并且 会前准备于 "2018-01-26" 全部完成
    那么 最早于 "<最早>" 可以召开

    例子:
      | 报送       | 最早       |
      | 2018-01-14 | 2018-01-30 |
      | 2018-01-15 | 2018-01-30 |
      | 2018-01-16 | 2018-01-31 |

  @clause:pg-6-6-plan
  场景: 方案没有报送的，不能召开，下一步是在会前15天报送
    假如 会前准备于 "2018-01-10" 全部完成，除了：
      | 类别 | 内容 |
      | 材料 | plan |
    那么 于 "2018-01-12" 不能召开
    并且 阻碍包括：
      | 规则           | 事项 | 提示含                                         | 出处   |
      | plan_lead_time | plan | 《2017年党组成员专题民主生活会方案》尚未报送 | 六（六） |
    并且 下一步包括：
      | 规则           | 时限       |
      | plan_lead_time | 2018-01-15 |
