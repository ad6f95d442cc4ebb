# language: zh-CN
功能: 必谈
  六（三）：“要做到‘三个必谈’，即：党组书记与每位党组成员之间必谈、党组成员相互之间必谈、党组成员与联系分管
  科室主要负责同志之间必谈。”

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

  @clause:pg-6-3-three-talks
  场景: 三个必谈：书记与每位成员、成员相互之间、成员与联系分管科室主要负责同志
    当 于 "2018-01-10" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                       | 一方 | 另一方          |
      | secretary_with_members     | ma   | han             |
      | secretary_with_members     | ma   | du              |
      | members_with_each_other    | ma   | han             |
      | members_with_each_other    | ma   | du              |
      | members_with_each_other    | han  | du              |
      | members_with_section_heads | ma   | head:办公室     |
      | members_with_section_heads | han  | head:政策法规科 |
      | members_with_section_heads | han  | head:财务审计科 |
      | members_with_section_heads | du   | head:水资源管理科 |
