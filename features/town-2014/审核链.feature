# language: zh-CN
功能: 审核链
  三（一）4：领导班子的对照检查材料由党委书记亲自主持起草，材料形成后要召开党委或领导班子会议集体讨论修改；
  班子成员要自己动手撰写。四2：批评发言提纲形成后要报班子主要领导审阅把关。三（三）：专题报告经督导组审阅后上报。

  背景:
    假如 规则集 "town-2014"
    并且 单位 "青石镇党委领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务         | 分管                   |
      | zhou  | 周建平 | 镇党委书记   | 党政办公室             |
      | sun   | 孙丽娟 | 镇党委副书记 | 社会事务办             |
      | wang  | 王德明 | 镇党委领导班子成员 | 农业服务中心、村镇建设办 |
    并且 会议定于 "2014-07-15"

  @clause:tn-3-1-4-team-material @clause:tn-3-1-4-own-material
  场景: 领导班子的对照检查材料经党委会议集体讨论修改，班子成员的个人材料提交即可
    那么 "team" 的 "examination" 审核链为 "examination_review"：
      | 序号 | 环节                  | 名称                       | 审核人            | 把关 |
      | ①    | collective_discussion | 党委或领导班子会议集体讨论修改 | committee_meeting | 是   |
    并且 "sun" 的 "examination" 依次经过 "无"

  @clause:tn-4-2-outline-review
  场景: 批评发言提纲由班子主要领导审阅把关，这一审阅是开会的前提
    那么 "wang" 的 "criticism_outline" 审核链为 "criticism_outline_review"：
      | 序号 | 环节                   | 名称               | 审核人    | 性质 | 把关 |
      | ①    | principal_read_through | 班子主要领导审阅把关 | principal | 审阅 | 是   |

  @clause:tn-3-3-report
  场景: 专题报告经督导组审阅，审阅把关（报上级在其后），但它是会后的材料，不影响能否开会
    那么 "team" 的 "report" 审核链为 "report_review"：
      | 序号 | 环节                     | 名称       | 审核人            | 性质 | 把关 |
      | ①    | supervision_read_through | 督导组审阅 | supervision_group | 审阅 | 是   |
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容   |
      | 材料 | report |
    那么 可以召开
