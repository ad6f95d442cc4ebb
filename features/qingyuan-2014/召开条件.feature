# language: zh-CN
功能: 召开条件
  清远市国土资源局领导班子专题民主生活会方案，二（八）4：“要坚持时间服从质量，准备工作不充分、班子成员之间
  谈心谈话没有全覆盖、对照检查材料审核没有通过的，不能开会。”工作方案须经第三督导组审核同意（二（八）4），
  会前15天书面请示省厅党组和市委第三督导组（六（二）），每个班子成员会前撰写发言稿（二（七））。

  背景:
    假如 规则集 "qingyuan-2014"
    并且 单位 "清远市国土资源局领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务     | 分管       |
      | mo    | 莫俊峰 | 党组书记 | 办公室     |
      | chen  | 陈志强 | 党组成员 | 规划科     |
      | huang | 黄丽华 | 党组成员 | 地籍管理科 |
    并且 会议定于 "2014-06-16"
    并且 已发生：
      | 日期       | 事件 | 材料    | 对象 |
      | 2014-05-12 | 报送 | request | team |

  @clause:qy-2-8-4-no-meeting @clause:qy-2-8-4-plan-approval @clause:qy-6-2-request
  场景: 会前各项准备于6月5日全部完成、5月12日已书面请示的，6月16日可以召开
    假如 会前准备于 "2014-06-05" 全部完成
    那么 可以召开

  @clause:qy-2-8-4-no-meeting @clause:qy-2-1-look-back @clause:qy-2-2-study @clause:qy-2-3-opinions @clause:qy-2-4-diagnosis
  场景大纲: 准备工作不充分的，不能开会：<事项>尚未完成
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容     |
      | 事项 | <事项> |
    那么 不能召开
    并且 阻碍为：
      | 规则                 | 事项     | 提示含                | 出处     |
      | preparation_complete | <事项> | 准备工作充分……<名称> | 二（八）4 |

    例子:
      | 事项       | 名称         |
      | look_back  | 回头看       |
      | study      | 组织学习     |
      | opinions   | 征求意见     |
      | diagnosis  | 会诊         |

  @clause:qy-2-8-4-no-meeting @clause:qy-2-6-1-three-talks
  场景: 班子成员之间谈心谈话没有全覆盖的，不能开会
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容        |
      | 谈话 | chen—huang |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 事项                    | 提示含                          | 出处     |
      | talks_fully_covered | members_with_each_other | 班子成员相互之间必谈，尚缺1对 | 二（八）4 |

  @clause:qy-2-8-4-no-meeting @clause:qy-2-5-3-review
  场景: 对照检查材料审核没有通过的，不能开会：黄丽华的材料还在第三督导组
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容                             |
      | 环节 | examination/huang/group_review |
    那么 不能召开
    并且 阻碍为：
      | 规则                | 事项        | 对象  | 提示含                               | 出处     |
      | examinations_passed | examination | huang | 黄丽华的对照检查材料正在②第三督导组审核 | 二（八）4 |

  @clause:qy-2-7-speech
  场景: 班子成员会前没有撰写发言稿的，不能开会
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容          |
      | 材料 | speech/chen |
    那么 不能召开
    并且 阻碍为：
      | 规则             | 事项   | 对象 | 提示含                     | 出处   |
      | speeches_written | speech | chen | 陈志强的民主生活会发言稿尚未提交 | 二（七） |

  @clause:qy-2-8-4-plan-approval
  场景: 工作方案未经第三督导组审核同意的，不能开会
    假如 会前准备于 "2014-06-05" 全部完成，除了：
      | 类别 | 内容                     |
      | 环节 | plan/group_approval |
    那么 不能召开
    并且 阻碍为：
      | 规则          | 事项 | 对象 | 提示含                   | 出处     |
      | plan_approved | plan | team | 工作方案……第三督导组审核同意 | 二（八）4 |
