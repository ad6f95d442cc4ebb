# language: zh-CN
功能: 召开条件
  六（一）至（六）：学习研讨、征求意见、“三个必谈”、撰写对照检查材料和发言提纲、会前形成整改落实情况报告、
  会前15天将方案报市委组织部审核；原文的完成时限都写作“2018年xx月xx日前”，由案件给定（参数）。

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
    并且 已发生：
      | 日期       | 事件 | 材料 | 对象 |
      | 2018-01-08 | 报送 | plan | team |

  @clause:pg-6-5-report @clause:pg-6-6-plan
  场景: 各环节工作于1月26日全部完成、方案1月8日报送并经审核的，1月30日可以召开
    假如 会前准备于 "2018-01-26" 全部完成
    那么 可以召开

  @clause:pg-6-1-study @clause:pg-6-2-opinions
  场景大纲: <名称>没有完成的，不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容     |
      | 事项 | <事项> |
    那么 不能召开
    并且 阻碍为：
      | 规则             | 事项     | 提示含   | 出处         |
      | preparation_done | <事项> | <名称> | 六（一）（二） |

    例子:
      | 事项     | 名称           |
      | study    | 深化学习研讨成果 |
      | opinions | 广泛征求意见建议 |

  @clause:pg-6-3-three-talks
  场景: “三个必谈”没有做到的，不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容   |
      | 谈话 | han—du |
    那么 不能召开
    并且 阻碍为：
      | 规则         | 事项                    | 提示含        | 出处   |
      | talks_covered | members_with_each_other | 韩雪梅—杜志刚 | 六（三） |

  @clause:pg-6-4-examination
  场景: 领导班子的对照检查材料没有撰写的，不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容        |
      | 材料 | examination |
    那么 不能召开
    并且 阻碍为：
      | 规则                     | 对象 | 提示含                     |
      | team_examination_written | team | 领导班子的对照检查材料尚未提交 |
    并且 下一步包括：
      | 规则                     | 责任人含 | 时限       |
      | team_examination_written | 马文斌   | 2018-01-24 |

  @clause:pg-6-4-outline
  场景: 班子成员自己动手撰写发言提纲，没有撰写的不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容               |
      | 材料 | speech_outline/du |
    那么 不能召开
    并且 阻碍为：
      | 规则           | 事项           | 对象 | 提示含                 |
      | outlines_written | speech_outline | du   | 杜志刚的个人发言提纲尚未提交 |

  @clause:pg-6-5-report @clause:pg-6-5-review
  场景: 会前没有形成整改落实情况报告的，不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容                        |
      | 事项 | rectification_status_report |
    那么 不能召开
    并且 阻碍为：
      | 规则                       | 事项                        | 提示含         | 出处   |
      | rectification_report_ready | rectification_status_report | 整改落实情况报告 | 六（五） |

  @clause:pg-6-6-plan @clause:pg-8-plan
  场景: 方案报送后没有经市委组织部审核的，不能召开
    假如 会前准备于 "2018-01-26" 全部完成，除了：
      | 类别 | 内容                                |
      | 环节 | plan/organization_department_review |
    那么 不能召开
    并且 阻碍为：
      | 规则         | 事项 | 对象 | 提示含               | 出处     |
      | plan_reviewed | plan | team | 正在①市委组织部审核 | 六（六）；八 |
