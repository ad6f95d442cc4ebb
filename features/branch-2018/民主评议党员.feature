# language: zh-CN
功能: 民主评议党员
  第十八条：“党支部一般每年开展1次民主评议党员……党支部召开党员大会，按照个人自评、党员互评、民主测评的
  程序，组织党员进行评议……党支部委员会会议或者党员大会根据评议情况和党员日常表现情况，提出评定意见。
  民主评议党员可以结合组织生活会一并进行。”
  共产党员网“民主评议党员”专题：“按照“优秀”“合格”“基本合格”“不合格”对党员进行评定。评定为“优秀”的比例
  一般不超过党员总数的1/3。”
  《党的组织工作问答》（1996）：“‘限期改正’的期限一般为一年。”
  读法：三个步骤是会后（或与会同日）依次完成的会后工作，评定意见记为“评定”；每名党员都评定；“党员总数”
  为参加评定的党员，恰为1/3的不算超过；“一般”不超过，超过的只提醒、结果有效；评为不合格的，每人一项
  限期改正，由党支部书记负责，自评定之日起一年。
  《关于在第二批党的群众路线教育实践活动中基层党组织召开专题组织生活会并开展民主评议党员工作的通知》（2014，
  据新华社报道）：“中央巡回督导组和地方各级督导组要注重加强点对点、面对面指导……对民主评议流于形式、失真失实
  的，要责令重新进行。”
  读法：这是找到的唯一一份责令重新评议的文件（2014年教育实践活动的通知，早于2018年条例），作为上级党组织每年都
  可以作出的决定；由督导组或上级党组织作出；“重新进行”是整个评议重来：个人自评、党员互评、民主测评依次重做，
  每名党员重新评定；通知没有规定时限，不设时限。

  背景:
    假如 规则集 "branch-2018"
    并且 单位 "市统计局机关第一党支部"
    并且 年度 "2018"
    并且 会议定于 "2018-12-20"

  规则: 个人自评、党员互评、民主测评依次进行，做完才能提出评定意见

    背景:
      假如 班子成员：
        | 编号 | 姓名   | 职务       |
        | zhao | 赵立群 | 党支部书记 |
        | qian | 钱晓燕 | 党支部委员 |
        | sun  | 孙国平 | 党支部委员 |
        | li   | 李文静 | 党员       |
        | zhou | 周海涛 | 党员       |
      并且 会前准备于 "2018-12-14" 全部完成
      并且 已发生：
        | 日期       | 事件 |
        | 2018-12-20 | 召开 |

    @clause:br-18-2-steps @clause:br-18-3-together
    场景: 个人自评、党员互评、民主测评依次进行，先做党员互评的被拒绝
      当 发生：
        | 日期       | 事件 | 事项          |
        | 2018-12-20 | 完成 | mutual_review |
      那么 被拒绝，原因含 "'mutual_review' (党员互评) comes after 'self_review' (个人自评)"

    @clause:br-18-2-steps @clause:br-w-ratings
    场景: 民主测评没有做就提出评定意见的，被拒绝
      当 发生：
        | 日期       | 事件 | 事项          | 测评          | 等次      |
        | 2018-12-20 | 完成 | self_review   |               |           |
        | 2018-12-20 | 完成 | mutual_review |               |           |
        | 2018-12-21 | 评定 |               | member_review | zhao=合格 |
      那么 被拒绝，原因含 "not yet done in round 1: 民主测评 (democratic_test)"

  规则: 三个步骤做完，支委会提出评定意见，每名党员一个等次

    背景:
      假如 班子成员：
        | 编号 | 姓名   | 职务       |
        | zhao | 赵立群 | 党支部书记 |
        | qian | 钱晓燕 | 党支部委员 |
        | sun  | 孙国平 | 党支部委员 |
        | li   | 李文静 | 党员       |
        | zhou | 周海涛 | 党员       |
      并且 会前准备于 "2018-12-14" 全部完成
      当 发生：
        | 日期       | 事件 | 事项            |
        | 2018-12-20 | 召开 |                 |
        | 2018-12-20 | 完成 | self_review     |
        | 2018-12-20 | 完成 | mutual_review   |
        | 2018-12-20 | 完成 | democratic_test |

    @clause:br-18-1-yearly @clause:br-18-2-steps @clause:br-w-ratings @clause:br-w-excellent-share
    场景: 五名党员中一名优秀，不超过三分之一；每人的等次在状态中可见，整改落实后本轮完结
      当 发生：
        | 日期       | 事件 | 测评          | 等次                                                  |
        | 2018-12-21 | 评定 | member_review | zhao=优秀、qian=合格、sun=合格、li=基本合格、zhou=合格 |
      那么 评定 "member_review" 结果为：
        | 成员 | 等次     |
        | zhao | 优秀     |
        | qian | 合格     |
        | sun  | 合格     |
        | li   | 基本合格 |
        | zhou | 合格     |
      并且 状态没有提醒
      当 于 "2019-01-10" 完成 "rectification_measures"
      那么 阶段为 "closed"

    @clause:br-w-excellent-share
    场景: 五名党员中两名优秀，超过三分之一（至多1人）；“一般”不超过，结果有效，只提醒
      当 发生：
        | 日期       | 事件 | 测评          | 等次                                              |
        | 2018-12-21 | 评定 | member_review | zhao=优秀、qian=优秀、sun=合格、li=合格、zhou=合格 |
      那么 评定 "member_review" 结果为：
        | 成员 | 等次 |
        | zhao | 优秀 |
        | qian | 优秀 |
        | sun  | 合格 |
        | li   | 合格 |
        | zhou | 合格 |
      并且 状态提醒包括 "民主评议党员：优秀2人，占参加评议的5人的2/5，超过1/3（至多1人）（一般要求）"
      并且 时间线提醒包括 "优秀2人……超过1/3（至多1人）（一般要求）"
      当 于 "2019-01-10" 完成 "rectification_measures"
      那么 阶段为 "closed"

    @clause:br-q-term @clause:br-q-what @clause:br-w-results
    场景: 评为不合格的党员，党支部书记负责其限期改正，自评定之日起一年；改正前本轮未完结
      当 发生：
        | 日期       | 事件 | 测评          | 等次                                                    |
        | 2018-12-21 | 评定 | member_review | zhao=优秀、qian=合格、sun=合格、li=基本合格、zhou=不合格 |
      并且 于 "2019-01-10" 完成 "rectification_measures"
      那么 第 "1" 轮会后工作为：
        | 事项                   | 名称                       | 时限       | 状态   |
        | rectification_measures | 制定整改措施，逐一整改落实 |            | 已完成 |
        | self_review            |                            |            | 已完成 |
        | mutual_review          |                            |            | 已完成 |
        | democratic_test        |                            |            | 已完成 |
        | rectify/zhou           | 周海涛限期改正             | 2019-12-21 | 待办   |
      并且 于 "2019-12-22" 已逾期为：
        | 事项         | 时限       |
        | rectify/zhou | 2019-12-21 |
      并且 于 "2019-12-22" 阶段为 "held"
      当 发生：
        | 日期       | 事件 | 事项    | 对象 |
        | 2019-06-01 | 完成 | rectify | li   |
      那么 被拒绝，原因含 "'li' (李文静) is rated 基本合格"
      当 发生：
        | 日期       | 事件 | 事项    | 对象 |
        | 2019-06-01 | 完成 | rectify | zhou |
      那么 阶段为 "closed"

  规则: 恰为三分之一的，不算超过

    背景:
      假如 班子成员：
        | 编号 | 姓名   | 职务       |
        | zhao | 赵立群 | 党支部书记 |
        | qian | 钱晓燕 | 党支部委员 |
        | sun  | 孙国平 | 党支部委员 |
        | li   | 李文静 | 党员       |
        | zhou | 周海涛 | 党员       |
        | wu   | 吴小梅 | 党员       |
      并且 会前准备于 "2018-12-14" 全部完成
      当 发生：
        | 日期       | 事件 | 事项            |
        | 2018-12-20 | 召开 |                 |
        | 2018-12-20 | 完成 | self_review     |
        | 2018-12-20 | 完成 | mutual_review   |
        | 2018-12-20 | 完成 | democratic_test |

    @clause:br-w-excellent-share
    场景: 六名党员中两名优秀，恰为三分之一，不算超过
      当 发生：
        | 日期       | 事件 | 测评          | 等次                                                        |
        | 2018-12-21 | 评定 | member_review | zhao=优秀、qian=优秀、sun=合格、li=合格、zhou=合格、wu=合格 |
      那么 状态没有提醒

  规则: 上级党组织对流于形式、失真失实的民主评议责令重新进行：三个步骤依次重做、每名党员重新评定，本轮才完结；第1轮的结果保留

    背景:
      假如 班子成员：
        | 编号 | 姓名   | 职务       |
        | zhao | 赵立群 | 党支部书记 |
        | qian | 钱晓燕 | 党支部委员 |
        | sun  | 孙国平 | 党支部委员 |
        | li   | 李文静 | 党员       |
        | zhou | 周海涛 | 党员       |
      并且 会前准备于 "2018-12-14" 全部完成
      当 发生：
        | 日期       | 事件 | 事项                   | 测评          | 等次                                              |
        | 2018-12-20 | 召开 |                        |               |                                                   |
        | 2018-12-20 | 完成 | self_review            |               |                                                   |
        | 2018-12-20 | 完成 | mutual_review          |               |                                                   |
        | 2018-12-20 | 完成 | democratic_test        |               |                                                   |
        | 2018-12-21 | 评定 |                        | member_review | zhao=合格、qian=合格、sun=合格、li=合格、zhou=合格 |
        | 2019-01-05 | 完成 | rectification_measures |               |                                                   |

    @clause:br-m-redo @clause:br-m-guidance
    场景: 本轮已完结后责令重新评议：第2轮依次重做三个步骤、重新评定，重新评定前不算完成；通知没有时限，不设时限
      那么 阶段为 "closed"
      当 发生：
        | 日期       | 事件 | 决定        | 原因                             |
        | 2019-01-08 | 决定 | redo_review | 民主测评未经讨论，评定结果失真失实 |
      那么 为第 "2" 轮
      并且 本轮起因含 "上级党组织责令重新评议……失真失实"
      并且 阶段为 "redoing"
      并且 须重做：
        | 事项            | 时限 | 状态 |
        | self_review     |      | 待办 |
        | mutual_review   |      | 待办 |
        | democratic_test |      | 待办 |
        | member_review   |      | 待办 |
      并且 第 "2" 轮会后工作为：
        | 事项                   | 本轮 |
        | rectification_measures | 沿用 |
        | self_review            | 再做 |
        | mutual_review          | 再做 |
        | democratic_test        | 再做 |
      并且 第 "1" 轮评定 "member_review" 结果为：
        | 成员 | 等次 |
        | zhao | 合格 |
        | qian | 合格 |
        | sun  | 合格 |
        | li   | 合格 |
        | zhou | 合格 |
      当 发生：
        | 日期       | 事件 | 事项          |
        | 2019-01-15 | 完成 | mutual_review |
      那么 被拒绝，原因含 "'mutual_review' (党员互评) comes after 'self_review' (个人自评) in 民主评议党员, not yet done in round 2"
      当 发生：
        | 日期       | 事件 | 测评          | 等次      |
        | 2019-01-15 | 评定 | member_review | zhao=合格 |
      那么 被拒绝，原因含 "the case is at stage 'redoing'"
      当 发生：
        | 日期       | 事件 | 事项            |
        | 2019-01-15 | 完成 | self_review     |
        | 2019-01-15 | 完成 | mutual_review   |
        | 2019-01-16 | 完成 | democratic_test |
      那么 阶段为 "held"
      并且 须重做：
        | 事项            | 状态   |
        | self_review     | 已完成 |
        | mutual_review   | 已完成 |
        | democratic_test | 已完成 |
        | member_review   | 待办   |
      当 发生：
        | 日期       | 事件 | 测评          | 等次                                                  |
        | 2019-01-17 | 评定 | member_review | zhao=优秀、qian=合格、sun=合格、li=基本合格、zhou=合格 |
      那么 阶段为 "closed"
      并且 须重做：
        | 事项            | 状态   |
        | self_review     | 已完成 |
        | mutual_review   | 已完成 |
        | democratic_test | 已完成 |
        | member_review   | 已完成 |
      并且 评定 "member_review" 结果为：
        | 成员 | 等次     |
        | zhao | 优秀     |
        | qian | 合格     |
        | sun  | 合格     |
        | li   | 基本合格 |
        | zhou | 合格     |
      并且 第 "1" 轮评定 "member_review" 结果为：
        | 成员 | 等次 |
        | zhao | 合格 |
        | qian | 合格 |
        | sun  | 合格 |
        | li   | 合格 |
        | zhou | 合格 |

  规则: 责令重新评议针对已作的评议，会前作出的被拒绝

    背景:
      假如 班子成员：
        | 编号 | 姓名   | 职务       |
        | zhao | 赵立群 | 党支部书记 |
        | qian | 钱晓燕 | 党支部委员 |
        | sun  | 孙国平 | 党支部委员 |
        | li   | 李文静 | 党员       |
        | zhou | 周海涛 | 党员       |
      并且 会前准备于 "2018-12-14" 全部完成

    @clause:br-m-redo
    场景: 组织生活会召开前作出的责令重新评议被拒绝，并说明原因
      当 发生：
        | 日期       | 事件 | 决定        |
        | 2018-12-15 | 决定 | redo_review |
      那么 被拒绝，原因含 "'redo_review' (上级党组织责令重新评议) dated 2018-12-15 redoes member_review, which come after the meeting; the meeting of round 1 has not been held (planned for 2018-12-20)"
