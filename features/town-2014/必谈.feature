# language: zh-CN
功能: 必谈
  三（一）3：“党委主要负责同志与班子每名成员之间、班子成员相互之间、班子成员与分管部门负责同志之间开展谈心活动……
  把矛盾和问题解决在专题民主生活会前。”

  背景:
    假如 规则集 "town-2014"
    并且 单位 "青石镇党委领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务         | 分管                   |
      | zhou  | 周建平 | 镇党委书记   | 党政办公室             |
      | sun   | 孙丽娟 | 镇党委副书记 | 社会事务办             |
      | wang  | 王德明 | 镇党委领导班子成员 | 农业服务中心、村镇建设办 |
    并且 会议定于 "2014-07-15"

  @clause:tn-3-1-3-talks
  场景: 三类谈心对子：书记与每名成员、成员相互之间、成员与分管部门负责同志
    当 于 "2014-06-20" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                          | 一方 | 另一方            |
      | principal_with_members        | zhou | sun               |
      | principal_with_members        | zhou | wang              |
      | members_with_each_other       | zhou | sun               |
      | members_with_each_other       | zhou | wang              |
      | members_with_each_other       | sun  | wang              |
      | members_with_department_heads | zhou | head:党政办公室   |
      | members_with_department_heads | sun  | head:社会事务办   |
      | members_with_department_heads | wang | head:农业服务中心 |
      | members_with_department_heads | wang | head:村镇建设办   |

  @clause:tn-3-1-3-talks
  场景: 谈心须在会前完成，时限就是会议当天
    那么 计划中的时限为：
      | 项目                               | 止         |
      | talk:principal_with_members        | 2014-07-15 |
      | talk:members_with_each_other       | 2014-07-15 |
      | talk:members_with_department_heads | 2014-07-15 |
