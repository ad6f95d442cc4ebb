# language: zh-CN
功能: 必谈
  四（一）三是：“党委（党组）主要负责人同领导班子成员之间、领导班子成员相互之间要认真谈心活动……
  （责任人：唐军 孟平 时限：12月15日前）”。原文没有要求与分管部门负责同志谈心。

  背景:
    假如 规则集 "fagaiwei-2013"
    并且 单位 "县发展和改革委员会领导班子"
    并且 班子成员：
      | 编号 | 姓名   | 职务           |
      | liu  | 刘志远 | 委党组书记     |
      | chen | 陈立新 | 委领导班子成员 |
      | he   | 何建华 | 委领导班子成员 |
    并且 会议定于 "2013-12-27"

  @clause:fg-4-1-3-talks
  场景: 两类谈心对子：主要负责人与每个成员、成员相互之间
    当 于 "2013-12-03" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                    | 一方 | 另一方 |
      | principal_with_members  | liu  | chen   |
      | principal_with_members  | liu  | he     |
      | members_with_each_other | liu  | chen   |
      | members_with_each_other | liu  | he     |
      | members_with_each_other | chen | he     |

  @clause:fg-4-1-3-talks
  场景: 谈心须在12月15日前完成，由唐军、孟平负责组织
    那么 计划中的时限为：
      | 项目                | 止         | 责任人含   |
      | task:organise_talks | 2013-12-15 | 唐军、孟平 |
