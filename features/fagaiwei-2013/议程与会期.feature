# language: zh-CN
功能: 议程与会期
  四（二）：会议由委党组书记主持，议程九项，其中第（6）项是现场民主测评；参会对象为班子成员及副县级领导干部，
  邀请市政府、市纪委、市委组织部、汉滨区发改局领导参加，本委各支部书记、科长列席。

  背景:
    假如 规则集 "fagaiwei-2013"

  @clause:fg-4-2-2-1-previous-rectification @clause:fg-4-2-2-2-opinions-report @clause:fg-4-2-2-3-team-examination @clause:fg-4-2-2-4-member-examinations @clause:fg-4-2-2-5-mutual-criticism @clause:fg-4-2-2-6-onsite-appraisal @clause:fg-4-2-2-7-government-speech @clause:fg-4-2-2-8-higher-bodies-speech @clause:fg-4-2-2-9-closing
  场景: 会议议程依次为九项，发言人按原文
    那么 会议议程依次为：
      | 序号 | 议程                   | 发言人                           | 每人 |
      | 1    | previous_rectification | 唐军                             | 否   |
      | 2    | opinions_report        | 方磊                             | 否   |
      | 3    | team_examination       | 主要领导                         | 否   |
      | 4    | member_examinations    | 班子成员                         | 是   |
      | 5    | mutual_criticism       | 主要领导、班子成员               | 是   |
      | 6    | onsite_appraisal       | 参会班子成员、列席会议代表、上级参会人员 | 否   |
      | 7    | city_government_speech | 市政府领导                       | 否   |
      | 8    | higher_bodies_speech   | 市纪委、市委组织部参会领导       | 否   |
      | 9    | closing                | 主要领导                         | 否   |

  @clause:fg-4-2-2-chair @clause:fg-4-2-1-attendance
  场景: 会议由委党组书记主持，参会、邀请、列席人员按原文
    那么 会议由 "principal" 主持
    并且 参会人员为：
      | 人员                                         |
      | 班子成员                                     |
      | 副县级领导干部（含调研员、副调研员）         |
      | 市政府、市纪委、市委组织部、汉滨区发改局领导（邀请） |
      | 本委各支部书记、科长（列席）                 |
