# language: zh-CN
功能: 审核链
  六（六）：“在召开民主生活会15天前，将《2017年党组成员专题民主生活会方案》报市委组织部审核。”
  八：“要结合工作实际，研究制定会议方案，并报市委组织部审核。”其余材料原文没有规定审核。

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

  @clause:pg-6-6-plan @clause:pg-8-plan
  场景: 方案经市委组织部审核一个环节
    那么 "team" 的 "plan" 审核链为 "plan_review"：
      | 序号 | 环节                           | 名称         | 审核人                  | 把关 |
      | ①    | organization_department_review | 市委组织部审核 | organization_department | 是   |

  @clause:pg-6-4-examination @clause:pg-6-4-outline
  场景: 对照检查材料和发言提纲不经审核，撰写提交即可
    那么 "team" 的 "examination" 依次经过 "无"
    并且 "han" 的 "speech_outline" 依次经过 "无"
