# language: zh-CN
功能: 议程与会期
  二（八）1—3：会议时间2014年6月中旬，安排1至2天；会议由局党组书记主持，局党组成员出席；议程四项，
  上级领导讲话时督导组不作评价（在会后10天内的通报会上评价）。

  背景:
    假如 规则集 "qingyuan-2014"

  @clause:qy-2-8-2-1-preparation @clause:qy-2-8-2-2-team-examination @clause:qy-2-8-2-3-criticism @clause:qy-2-8-2-4-leader-speech
  场景: 会议议程依次为四项，批评和自我批评每个班子成员逐一进行
    那么 会议议程依次为：
      | 序号 | 议程               | 发言人             | 每人 |
      | 1    | preparation_report | 党组书记           | 否   |
      | 2    | team_examination   | 党组书记           | 否   |
      | 3    | criticism          | 党组书记和班子成员 | 是   |
      | 4    | leader_speech      | 上级领导           | 否   |

  @clause:qy-2-8-3-attendance
  场景: 会议由党组书记主持
    那么 会议由 "principal" 主持
