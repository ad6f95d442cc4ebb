# language: zh-CN
功能: 审核链（市直单位：四个环节）
  3、5（2）：“市直单位领导班子、领导干部对照检查材料审核有四个环节：①单位主要负责人审核：领导班子及其成员的对照检查
  材料，单位科室长、直属机构领导班子和主要负责人的对照检查材料。②市委督导组审核：领导班子及其成员、直属机构领导班子
  和主要负责人的对照检查材料。③市委活动办审核：领导班子及其成员的对照检查材料。④分管市领导审核：领导班子和主要负责人
  的对照检查材料。”

  背景:
    假如 规则集 "puyang-2014" 层级 "city_dept"
    并且 单位 "中共濮阳市财政局党组领导班子" 班子职务 "dept_team"

  @clause:py-3-5-2-dept-1 @clause:py-3-5-2-dept-2 @clause:py-3-5-2-dept-3 @clause:py-3-5-2-dept-4
  场景: 单位领导班子的对照检查材料经四个环节
    那么 职务 "dept_team" 的 "examination" 审核链为 "city_dept_examination_review"：
      | 序号 | 环节             | 名称           | 审核人                 |
      | ①    | unit_head_review | 单位主要负责人审核 | unit_head            |
      | ②    | city_group_review | 市委督导组审核 | city_supervision_group |
      | ③    | city_office_review | 市委活动办审核 | city_campaign_office  |
      | ④    | city_leader_review | 分管市领导审核 | city_leader_in_charge |

  @clause:py-3-5-2-dept-1 @clause:py-3-5-2-dept-2 @clause:py-3-5-2-dept-3 @clause:py-3-5-2-dept-4
  场景大纲: <名称>的对照检查材料依次经过<几>个环节
    那么 职务 "<职务>" 的 "examination" 依次经过 "<环节>"

    例子:
      | 职务                 | 名称               | 几 | 环节                                                                     |
      | dept_principal       | 单位主要负责人     | 四 | unit_head_review、city_group_review、city_office_review、city_leader_review |
      | dept_member          | 单位领导班子成员   | 三 | unit_head_review、city_group_review、city_office_review                    |
      | affiliated_team      | 直属机构领导班子   | 二 | unit_head_review、city_group_review                                       |
      | affiliated_principal | 直属机构主要负责人 | 二 | unit_head_review、city_group_review                                       |
      | section_chief        | 单位科室长         | 一 | unit_head_review                                                         |
