# language: zh-CN
功能: 议程与会期
  五：每位党组成员发言后，其他党组成员逐个对其提出批评意见；个人发言20分钟，对每位党组成员提出批评意见15分钟
  左右；会议由党组书记主持，督导组组长最后讲话。二、四：会议时间2018年xx月xx日，全体党组成员出席。

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

  @clause:pg-5-format @clause:pg-5-1-1-speech-time @clause:pg-5-1-2-criticism-time @clause:pg-5-2-1-secretary @clause:pg-5-2-2-members @clause:pg-5-2-3-supervision
  场景: 会议议程：书记代表班子对照检查，每人发言20分钟、接受批评约15分钟，最后督导组组长讲话
    那么 会议议程依次为：
      | 序号 | 议程               | 发言人             | 分钟 | 每人 |
      | 1    | team_examination   | 党组书记           |      | 否   |
      | 2    | personal_speech    | 党组书记和党组成员 | 20   | 是   |
      | 3    | criticism          | 其他党组成员       | 15   | 是   |
      | 4    | supervision_speech | 督导组组长         |      | 否   |

  @clause:pg-5-2-chair @clause:pg-4-attendance @clause:pg-2-time
  场景: 会议由党组书记主持，全体党组成员出席，会期在2018年内由案件给定
    那么 会议由 "principal" 主持
    并且 参会人员为：
      | 人员                   |
      | 市xx局全体党组成员（出席） |
      | 列席人员（由案件给定）   |
    并且 会议时间为 "2018-01-01" 至 "2018-12-31"
