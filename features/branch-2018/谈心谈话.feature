# language: zh-CN
功能: 谈心谈话
  第十九条：“党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次。”
  读法：“党支部委员之间”为每两名支部委员之间；“党支部委员和党员之间”为党支部书记与每名党员之间；
  “党员和党员之间”没有说哪些党员之间谈，且用“一般”，列为暂不检查。

  背景:
    假如 规则集 "branch-2018"
    并且 单位 "市统计局机关第一党支部"
    并且 年度 "2018"
    并且 班子成员：
      | 编号 | 姓名   | 职务       |
      | zhao | 赵立群 | 党支部书记 |
      | qian | 钱晓燕 | 党支部委员 |
      | sun  | 孙国平 | 党支部委员 |
      | li   | 李文静 | 党员       |
      | zhou | 周海涛 | 党员       |
    并且 会议定于 "2018-12-20"

  @clause:br-19-2-yearly-talks @clause:br-17-2-before
  场景: 支部委员两两之间、书记与每名党员之间都要谈；党员与党员之间暂不检查
    当 于 "2018-11-20" 询问能否召开
    那么 尚缺的必谈为：
      | 必谈                   | 一方 | 另一方 |
      | committee_each_other   | zhao | qian   |
      | committee_each_other   | zhao | sun    |
      | committee_each_other   | qian | sun    |
      | secretary_with_members | zhao | qian   |
      | secretary_with_members | zhao | sun    |
      | secretary_with_members | zhao | li     |
      | secretary_with_members | zhao | zhou   |

  @clause:br-19-2-yearly-talks
  场景: 书记与一名党员没有谈的，不能召开，并指出缺哪一对
    假如 会前准备于 "2018-12-14" 全部完成，除了：
      | 类别 | 内容      |
      | 谈话 | zhao—zhou |
    那么 阻碍为：
      | 规则   | 提示含                                    | 出处               |
      | talked | 党支部书记与每名党员谈心谈话……赵立群—周海涛 | 第十七条；第十九条 |
    并且 下一步包括：
      | 规则   | 责任人含 | 事项含         |
      | talked | 周海涛   | 赵立群—周海涛 |

  @clause:br-19-2-yearly-talks
  场景: 书记与支部委员的一次谈话两条必谈都算：支部委员之间只缺两名委员的那一对
    假如 会前准备于 "2018-12-14" 全部完成，除了：
      | 类别 | 内容                 |
      | 必谈 | committee_each_other |
    那么 尚缺的必谈为：
      | 必谈                 | 一方 | 另一方 |
      | committee_each_other | qian | sun    |
