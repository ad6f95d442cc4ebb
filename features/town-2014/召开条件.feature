# language: zh-CN
功能: 召开条件
  五：“时间服从质量，准备不充分的，不急于开会。”准备包括三（一）的学习、查摆问题、谈心、撰写对照检查材料，
  以及四1—2：批评发言提纲报班子主要领导审阅把关，避免在民主生活会上搞突然袭击。

  背景:
    假如 规则集 "town-2014"
    并且 单位 "青石镇党委领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务         | 分管                   |
      | zhou  | 周建平 | 镇党委书记   | 党政办公室             |
      | sun   | 孙丽娟 | 镇党委副书记 | 社会事务办             |
      | wang  | 王德明 | 镇党委领导班子成员 | 农业服务中心、村镇建设办 |
    并且 会议定于 "2014-07-15"

  @clause:tn-5-no-rush
  场景: 准备充分的，7月15日可以召开
    假如 会前准备于 "2014-07-10" 全部完成
    那么 可以召开

  @clause:tn-5-no-rush @clause:tn-3-1-1-study @clause:tn-3-1-2-find-problems @clause:tn-3-1-3-talk-plan @clause:tn-3-1-4-team-material
  场景大纲: 准备不充分的，不急于开会：<事项>尚未完成
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容     |
      | 事项 | <事项> |
    那么 不能召开
    并且 阻碍为：
      | 规则                   | 事项     | 提示含   | 出处 |
      | preparation_sufficient | <事项> | <名称> | 五   |

    例子:
      | 事项                 | 名称                       |
      | study                | 精心组织学习               |
      | find_problems        | 深入查摆问题               |
      | talk_plan            | 制定《镇领导班子谈心谈话方案》 |
      | examination_opinions | 对照检查材料征求意见       |

  @clause:tn-3-1-3-talks @clause:tn-5-no-rush
  场景: 会前谈心没有全覆盖的，不急于开会
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容                |
      | 谈话 | wang—head:村镇建设办 |
    那么 不能召开
    并且 阻碍为：
      | 规则         | 事项                          | 提示含                          | 出处       |
      | talks_covered | members_with_department_heads | 王德明—村镇建设办主要负责同志 | 三（一）3；五 |

  @clause:tn-3-1-4-own-material @clause:tn-5-no-rush
  场景: 班子成员要自己动手撰写对照检查材料，没有撰写的不急于开会
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容             |
      | 材料 | examination/sun |
    那么 不能召开
    并且 阻碍为：
      | 规则               | 对象 | 提示含                     |
      | examinations_ready | sun  | 孙丽娟的对照检查材料尚未提交 |

  @clause:tn-3-1-4-team-material @clause:tn-5-no-rush
  场景: 领导班子的对照检查材料未经党委会议集体讨论修改的，不急于开会
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容                              |
      | 环节 | examination/collective_discussion |
    那么 不能召开
    并且 阻碍为：
      | 规则               | 对象 | 提示含                                     |
      | examinations_ready | team | 领导班子的对照检查材料正在①党委或领导班子会议集体讨论修改 |

  @clause:tn-4-1-outline @clause:tn-4-2-outline-review
  场景: 批评发言提纲未经班子主要领导审阅把关的，不能开会，以免搞突然袭击
    假如 会前准备于 "2014-07-10" 全部完成，除了：
      | 类别 | 内容                                          |
      | 环节 | criticism_outline/wang/principal_read_through |
    那么 不能召开
    并且 阻碍为：
      | 规则                        | 事项              | 对象 | 提示含                                   | 出处  |
      | criticism_outlines_reviewed | criticism_outline | wang | 王德明的批评发言提纲正在①班子主要领导审阅把关 | 四1—2 |
    并且 下一步包括：
      | 规则                        | 责任人含 | 事项含 |
      | criticism_outlines_reviewed | 周建平   | 审阅   |
