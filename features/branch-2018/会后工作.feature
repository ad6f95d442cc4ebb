# language: zh-CN
功能: 会后工作
  第十七条：“会后制定整改措施，逐一整改落实。”条文没有给出时限。
  民主评议党员的个人自评、党员互评、民主测评也列在会后工作中（见“民主评议党员”）。

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
    并且 会前准备于 "2018-12-14" 全部完成
    并且 已发生：
      | 日期       | 事件 |
      | 2018-12-20 | 召开 |

  @clause:br-17-2-after
  场景: 会后制定整改措施，逐一整改落实，没有时限
    那么 会后工作为：
      | 事项                   | 状态 |
      | rectification_measures | 待办 |
      | self_review            | 待办 |
      | mutual_review          | 待办 |
      | democratic_test        | 待办 |
    当 于 "2019-01-10" 完成 "rectification_measures"
    那么 会后工作为：
      | 事项                   | 状态   |
      | rectification_measures | 已完成 |
      | self_review            | 待办   |
      | mutual_review          | 待办   |
      | democratic_test        | 待办   |
