# language: zh-CN
功能: 必谈
  二（六）一是：“党组书记与班子每个成员必谈，班子成员相互之间必谈，班子成员与分管部门主要负责同志之间必谈。”
  谈心交心在6月5日前完成；谈心谈话没有全覆盖的，不能开会（二（八）4）。

  背景:
    假如 规则集 "qingyuan-2014"
    并且 单位 "清远市国土资源局领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务     | 分管               |
      | mo    | 莫俊峰 | 党组书记 | 办公室             |
      | chen  | 陈志强 | 党组成员 | 规划科、耕地保护科 |
      | huang | 黄丽华 | 党组成员 | 地籍管理科         |
    并且 会议定于 "2014-06-16"，会期 "1" 天
    并且 已发生：
      | 日期       | 事件 | 材料    | 对象 |
      | 2014-05-12 | 报送 | request | team |

  @clause:qy-2-6-1-three-talks
  场景: 三必谈：三个班子成员、四个分管部门，共要谈九对
    当 于 "2014-05-20" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                          | 一方  | 另一方          |
      | principal_with_members        | mo    | chen            |
      | principal_with_members        | mo    | huang           |
      | members_with_each_other       | mo    | chen            |
      | members_with_each_other       | mo    | huang           |
      | members_with_each_other       | chen  | huang           |
      | members_with_department_heads | mo    | head:办公室     |
      | members_with_department_heads | chen  | head:规划科     |
      | members_with_department_heads | chen  | head:耕地保护科 |
      | members_with_department_heads | huang | head:地籍管理科 |

  @clause:qy-2-6-1-three-talks
  场景: 党组书记与成员的一次谈话，同时算作书记必谈和成员相互必谈
    假如 已发生：
      | 日期       | 事件 | 双方    |
      | 2014-05-20 | 谈话 | mo—chen |
    当 于 "2014-05-21" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                          | 一方  | 另一方          |
      | principal_with_members        | mo    | huang           |
      | members_with_each_other       | mo    | huang           |
      | members_with_each_other       | chen  | huang           |
      | members_with_department_heads | mo    | head:办公室     |
      | members_with_department_heads | chen  | head:规划科     |
      | members_with_department_heads | chen  | head:耕地保护科 |
      | members_with_department_heads | huang | head:地籍管理科 |

  @clause:qy-2-6-1-three-talks
  场景: 谈心交心的时限是6月5日，过期未谈的下一步标为已逾期
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容                   |
      | 谈话 | huang—head:地籍管理科 |
    那么 于 "2014-06-10" 不能召开
    并且 阻碍为：
      | 规则                | 事项                          | 提示含                  |
      | talks_fully_covered | members_with_department_heads | 黄丽华—地籍管理科主要负责同志 |
    并且 下一步包括：
      | 规则                | 责任人含 | 事项含   | 时限       |
      | talks_fully_covered | 黄丽华   | 谈心谈话 | 2014-06-05 |
