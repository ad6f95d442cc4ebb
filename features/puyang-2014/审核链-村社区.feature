# language: zh-CN
功能: 审核链（村（社区）：一个环节）
  3、5（2）：“村（社区）党组织及其书记的简要对照检查材料由乡（镇、办）党组织主要负责同志审核。”
  3、5（1）②：“村（社区）党组织的简要对照检查材料要向群众公示。”本文件没有给村（社区）规定时限。

  背景:
    假如 规则集 "puyang-2014" 层级 "village"
    并且 单位 "中共清丰县马庄桥镇后李村支部委员会" 班子职务 "village_committee"
    并且 班子成员：
      | 编号   | 姓名   | 职务                     |
      | lidw   | 李德旺 | village_secretary        |
      | lics   | 李春生 | village_committee_member |
    并且 会议定于 "2014-08-05"，会期 "0.5" 天

  @clause:py-3-5-2-village
  场景: 村党组织和书记的简要对照检查材料只经乡（镇、办）党组织主要负责同志审核，委员不写
    那么 "team" 的 "examination" 审核链为 "village_examination_review"：
      | 序号 | 环节                      | 名称                         | 审核人             |
      | ①    | township_secretary_review | 乡（镇、办）党组织主要负责同志审核 | township_principal |
    并且 "lidw" 的 "examination" 依次经过 "township_secretary_review"
    当 于 "2014-07-20" 询问能否召开
    那么 阻碍为：
      | 规则                 | 事项                       | 对象 |
      | preparation_complete | village_material_publicity |      |
      | preparation_complete | look_back                  |      |
      | examinations_passed  | examination                | team |
      | examinations_passed  | examination                | lidw |

  @clause:py-3-5-2-village @clause:py-3-5-1-2-village
  场景: 村（社区）不要求必谈、不限会期，材料审核通过并向群众公示、完成“回头看”即可召开
    假如 会前准备于 "2014-08-01" 全部完成
    那么 可以召开
