# language: zh-CN
功能: 审核链（县（区）直单位和乡（镇、办）：参照执行）
  3、5（2）：“县（区）直单位、乡（镇、办）领导班子和领导干部的对照检查材料审核环节要分别参照执行。”规则集按市直单位的
  四个环节下移一级；乡（镇、办）党（工）委领导班子和党政主要负责同志另由县（区）委书记审核（县（区）审核链①明文规定），
  不经分管县（区）领导。

  背景:
    假如 规则集 "puyang-2014" 层级 "county_dept_township"

  @clause:py-3-5-2-analogy @clause:py-3-5-2-dept-1 @clause:py-3-5-2-dept-2 @clause:py-3-5-2-dept-3 @clause:py-3-5-2-dept-4
  场景: 县（区）直单位领导班子的材料比照市直单位，经单位、县（区）委督导组、县（区）委活动办、分管县（区）领导四个环节
    那么 职务 "dept_team" 的 "examination" 审核链为 "county_dept_township_examination_review"：
      | 序号 | 环节                | 名称                       | 审核人                  |
      | ①    | unit_head_review    | 单位（乡（镇、办））主要负责同志审核 | unit_head           |
      | ②    | county_group_review | 县（区）委督导组审核       | county_supervision_group |
      | ③    | county_office_review | 县（区）委活动办审核      | county_campaign_office   |
      | ④    | county_leader_review | 分管县（区）领导审核      | county_leader_in_charge  |

  @clause:py-3-5-2-analogy @clause:py-3-5-2-county-1
  场景大纲: 乡（镇、办）的<名称>：<环节>
    那么 职务 "<职务>" 的 "examination" 依次经过 "<环节>"

    例子:
      | 职务                     | 名称           | 环节                                                                               |
      | township_committee       | 党（工）委领导班子 | unit_head_review、county_group_review、county_office_review、county_secretary_review |
      | township_party_secretary | 党（工）委书记 | unit_head_review、county_group_review、county_office_review、county_secretary_review |
      | township_head            | 乡（镇）长     | unit_head_review、county_group_review、county_office_review、county_secretary_review |
      | township_member          | 一般班子成员   | unit_head_review、county_group_review、county_office_review                         |
      | dept_member              | 县直单位班子成员 | unit_head_review、county_group_review、county_office_review                       |
      | section_chief            | 县直单位科室长 | unit_head_review                                                                   |
