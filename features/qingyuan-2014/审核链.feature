# language: zh-CN
功能: 审核链
  二（五）三是：“领导班子的对照检查材料，由党组书记亲自主持起草……领导班子、领导干部的对照检查材料由党组书记和
  督导组严格审核把关，5月25日前完成，经初审后于5月30日前报第三督导组审核，6月5日前报市委实践办审阅。”
  二（八）4：“专题民主生活会工作方案要及时报第三督导组审核同意”；“对照检查材料审核没有通过的，不能开会”。
  读法：三个环节同写在“三是严格把关审核”之下、都在会前，所以市委实践办审阅也是召开条件（与濮阳3、5（2）⑥同一读法）。

  背景:
    假如 规则集 "qingyuan-2014"
    并且 单位 "清远市国土资源局领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务     | 分管       |
      | mo    | 莫俊峰 | 党组书记 | 办公室     |
      | chen  | 陈志强 | 党组成员 | 规划科     |
      | huang | 黄丽华 | 党组成员 | 地籍管理科 |
    并且 会议定于 "2014-06-16"，会期 "1" 天
    并且 已发生：
      | 日期       | 事件 | 材料    | 对象 |
      | 2014-05-12 | 报送 | request | team |

  @clause:qy-2-5-3-review
  场景: 领导班子和每个班子成员的对照检查材料都经三个环节，第三个是审阅
    那么 "team" 的 "examination" 审核链为 "examination_review"：
      | 序号 | 环节                | 名称               | 审核人                       | 性质 | 把关 |
      | ①    | initial_review      | 党组书记和督导组初审 | principal、supervision_group | 审核 | 是   |
      | ②    | group_review        | 第三督导组审核     | supervision_group            | 审核 | 是   |
      | ③    | office_read_through | 市委实践办审阅     | campaign_office              | 审阅 | 是   |
    并且 "chen" 的 "examination" 依次经过 "initial_review、group_review、office_read_through"
    并且 "mo" 的 "examination" 依次经过 "initial_review、group_review、office_read_through"

  @clause:qy-2-5-3-drafting
  场景: 领导班子的材料由党组书记起草，每个班子成员各写一份，未提交的都不能开会
    当 于 "2014-05-20" 询问能否召开
    那么 阻碍包括：
      | 规则                | 事项        | 对象  | 提示含                         |
      | examinations_passed | examination | team  | 领导班子的对照检查材料尚未提交 |
      | examinations_passed | examination | mo    | 莫俊峰的对照检查材料尚未提交   |
      | examinations_passed | examination | chen  | 陈志强的对照检查材料尚未提交   |
      | examinations_passed | examination | huang | 黄丽华的对照检查材料尚未提交   |
    并且 下一步包括：
      | 规则                | 责任人含 | 事项含                       | 时限       |
      | examinations_passed | 莫俊峰   | 撰写并提交领导班子的对照检查材料 | 2014-05-25 |
      | examinations_passed | 陈志强   | 撰写并提交陈志强的对照检查材料   | 2014-05-25 |

  @clause:qy-2-5-3-review
  场景: 初审要党组书记和督导组都审核通过，只有党组书记通过的仍在初审
    假如 会前准备于 "2014-05-20" 全部完成，除了：
      | 类别 | 内容                               |
      | 环节 | examination/team/initial_review |
    并且 已发生：
      | 日期       | 事件 | 材料        | 对象 | 环节           | 由 |
      | 2014-05-21 | 通过 | examination | team | initial_review | mo |
    那么 于 "2014-05-22" 不能召开
    并且 阻碍包括：
      | 规则                | 对象 | 提示含                                      |
      | examinations_passed | team | 领导班子的对照检查材料正在①党组书记和督导组初审 |
    并且 下一步包括：
      | 规则                | 责任人含     | 事项含 | 时限       |
      | examinations_passed | 市委第三督导组 | 审核   | 2014-05-25 |

  @clause:qy-2-5-3-review @clause:qy-2-8-4-no-meeting
  场景: 市委实践办审阅是开会的前提：第三督导组审核通过、实践办尚未审阅的，不能开会
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容                                   |
      | 环节 | examination/chen/office_read_through |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 对象 | 提示含       |
      | examinations_passed | chen | ③市委实践办审阅 |

  @clause:qy-2-5-3-review
  场景: 第三督导组退回重写的材料回到撰写阶段，须重走整条审核链
    假如 会前准备于 "2014-05-28" 全部完成，除了：
      | 类别 | 内容                            |
      | 环节 | examination/chen/group_review |
    当 发生：
      | 日期       | 事件 | 材料        | 对象 | 环节         | 由                | 原因           |
      | 2014-05-29 | 退回 | examination | chen | group_review | supervision_group | 自我剖析不深刻 |
    那么 于 "2014-05-30" 不能召开
    并且 阻碍为：
      | 规则                | 对象 | 提示含                                 |
      | examinations_passed | chen | 陈志强的对照检查材料尚未提交（已退回1次） |
    当 发生：
      | 日期       | 事件 | 材料        | 对象 |
      | 2014-06-01 | 提交 | examination | chen |
    那么 于 "2014-06-01" 不能召开
    并且 阻碍为：
      | 规则                | 对象 | 提示含                             |
      | examinations_passed | chen | 正在①党组书记和督导组初审，尚未通过（已退回1次） |

  @clause:qy-2-8-4-plan-approval
  场景: 工作方案只有一个环节：第三督导组审核同意
    那么 "team" 的 "plan" 审核链为 "plan_review"：
      | 序号 | 环节           | 名称             | 审核人            |
      | ①    | group_approval | 第三督导组审核同意 | supervision_group |
