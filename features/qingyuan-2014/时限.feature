# language: zh-CN
功能: 时限
  二（一）至（五）各项准备5月25日前完成；材料经初审后5月30日前报第三督导组审核，6月5日前报市委实践办审阅
  （二（五）三是）；谈心交心、发言稿6月5日前（二（六）（七））；会议6月中旬（二（八）1）；
  会前15天以书面形式请示省厅党组和市委第三督导组（六（二））。

  背景:
    假如 规则集 "qingyuan-2014"
    并且 单位 "清远市国土资源局领导班子"
    并且 班子成员：
      | 编号  | 姓名   | 职务     | 分管       |
      | mo    | 莫俊峰 | 党组书记 | 办公室     |
      | chen  | 陈志强 | 党组成员 | 规划科     |
    并且 会议定于 "2014-06-16"，会期 "1" 天

  @clause:qy-2-1-look-back @clause:qy-2-2-study @clause:qy-2-3-opinions @clause:qy-2-4-diagnosis @clause:qy-2-5-due @clause:qy-2-5-3-review @clause:qy-2-6-1-three-talks @clause:qy-2-7-speech
  场景: 每一项准备都有原文写明的最后一天
    那么 计划中的时限为：
      | 项目                                 | 止         | 依据含        |
      | task:look_back                       | 2014-05-25 | 2014年5月25日前 |
      | task:study                           | 2014-05-25 | 2014年5月25日前 |
      | task:opinions                        | 2014-05-25 | 2014年5月25日前 |
      | task:diagnosis                       | 2014-05-25 | 2014年5月25日前 |
      | material:examination                 | 2014-05-25 | 2014年5月25日前 |
      | link:examination:initial_review      | 2014-05-25 | 2014年5月25日前 |
      | link:examination:group_review        | 2014-05-30 | 2014年5月30日前 |
      | link:examination:office_read_through | 2014-06-05 | 2014年6月5日前  |
      | talk:principal_with_members          | 2014-06-05 | 2014年6月5日前  |
      | talk:members_with_each_other         | 2014-06-05 | 2014年6月5日前  |
      | talk:members_with_department_heads   | 2014-06-05 | 2014年6月5日前  |
      | material:speech                      | 2014-06-05 | 2014年6月5日前  |

  @clause:qy-2-8-1-time
  场景: 会议时间为2014年6月中旬，即6月11日至20日
    那么 会议时间为 "2014-06-11" 至 "2014-06-20"

  @clause:qy-6-2-request
  场景大纲: 书面请示须在会前15天：<报送>报送的，最早<最早>可以召开
    假如 已发生：
      | 日期     | 事件 | 材料    | 对象 |
      | <报送> | 报送 | request | team |
    并且 会前准备于 "2014-06-05" 全部完成
    那么 最早于 "<最早>" 可以召开

    例子:
      | 报送       | 最早       |
      | 2014-05-31 | 2014-06-16 |
      | 2014-06-01 | 2014-06-16 |
      | 2014-06-02 | 2014-06-17 |

  @clause:qy-6-2-request
  场景: 没有书面请示的，不能开会，下一步是报送，时限为会前15天
    假如 会前准备于 "2014-05-25" 全部完成，除了：
      | 类别 | 内容    |
      | 材料 | request |
    那么 不能召开
    并且 阻碍为：
      | 规则              | 事项    | 提示含                            | 出处   |
      | request_lead_time | request | 书面请示尚未报送；须在会前15天报送 | 六（二） |
    并且 下一步包括：
      | 规则              | 事项含       | 时限       |
      | request_lead_time | 报送书面请示 | 2014-06-01 |
