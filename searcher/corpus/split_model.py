"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 50568 blocks (14601 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    'heading: cohesion': -11.426,
    'text: cohesion': -9.901,
    'heading: not article gap': -5.374,
    'text: note': -5.108,
    'text: not article gap': -4.544,
    'heading: flush left': 4.463,
    'heading: short over dateline': -3.639,
    'text: untitled article': 3.627,
    'heading: next byline': 3.556,
    'heading: next subtitle': 3.26,
    'text: article gap': 3.238,
    'text: wider gap': 3.238,
    'heading: numbered': -3.233,
    'heading: picture': 3.223,
    'heading: wider gap': 3.203,
    'heading: article gap': 3.176,
    'heading: next names': 2.956,
    'text: numbered': -2.718,
    'text: local brief': 2.646,
    'heading: under a label': 2.631,
    'heading: list goes on': -2.61,
    'text: picture': 2.563,
    'heading: prev credit': 2.388,
    'text: para': -2.273,
    'heading: prev complete': 2.221,
    'text: flush left': -2.103,
    'heading: untitled article': 1.955,
    'heading: no text yet': -1.921,
    'heading: after dateline 2': 1.905,
    'heading: prev byline': 1.894,
    'heading: has subheads': -1.891,
    'text: untitled lede': 1.882,
    'heading: next dateline': 1.813,
    'bias': -1.733,
    'heading: names heading': -1.685,
    'heading: question heading': -1.611,
    'heading: end of page': -1.594,
    'heading: news article': 1.556,
    'text: next dateline': 1.511,
    'text: prev credit': 1.501,
    'heading: prev names': 1.484,
    'text: no text yet': -1.395,
    'text: prev complete': 1.368,
    'text: next heading': -1.359,
    'heading: figures': -1.335,
    'text: just opened': -1.296,
    'heading: long run': -1.218,
    'text: dateline': 1.186,
    'text: prev names': 1.157,
    'text: prev picture': -1.097,
    'text: prev heading': -1.077,
    'heading: after a caption': -0.968,
    'text: dateline in article without': 0.933,
    'text: list goes on': -0.928,
    'heading: just opened': -0.922,
    'text: prev closing byline': -0.829,
    'text: has subheads': -0.658,
    'heading: short heading': -0.65,
    'heading: long article': 0.641,
    'heading: bylined article': -0.588,
    'heading: heading': 0.54,
    'heading: after figures': 0.508,
    'heading: next heading': 0.454,
    'text: bylined article': -0.417,
    'heading: prev picture': -0.401,
    'text: prev byline': -0.39,
    'heading: short section': -0.375,
    'text: end of page': 0.369,
    'text: after a caption': 0.362,
    'heading: prev closing byline': -0.275,
    'text: picture article': -0.251,
    'text: indented': -0.242,
    'text: another dateline': 0.228,
    'text: under a label': -0.218,
    'heading: prev heading': 0.212,
    'heading: picture article': -0.178,
    'text: long article': -0.162,
    'text: news article': -0.154,
    'text: lede': 0.094,
    'text: next byline': 0.079,
    'text: reported': -0.026,
    'heading: note': -0.002,
}

# The commonest two-character strings of the articles (left out of cohesion),
# written one after another.
_COMMON = (
    "记者本报中国日电国家一个新华华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要新的活动自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神关系技术这个举行实现水平中的特别一年一次历史努力可以解决进一基础提供的大的人"
    "上的代表建立到了表示就是部分提出作用服务在这取得参加业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新政治出的不断已经的经继续会主美国指出单位合作展的政策希望好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件稳定发生现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持项目增加以上事业增长面的过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北思想各种的情教育的问保持"
    "现了资金开放两个也是介绍的生定的能力重视会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大得了目标国有各地成功党的只有调整"
    "长期民族形式传统不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域新年理论"
    "农业统一五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家济的但是意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的贡献成果文明联系的第存在机关推进关部造成持续者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析按照大会制定最后行为力量参与"
    "直接发表泽民结束的不大量的各的原江泽的历阶段劳动美元这次力的有限为主一条的全扩大"
    "增强效益当地一项大学银行资源了这对于正式国政在国集中宣传里的接受电视形势的优实践"
    "后的起了加快结果多年表现反映行动国民和平突破出来处理真正才能在新的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交竞争和发原则动的来了变化业和然而日本"
    "中共他的具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后革开是中代化关键二十为一完全指导任何为中整个标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的年底几个严格"
    "优秀行政能够内外大家邓小的社万人很大减少的建及时方针改变自治时代知识多种多人程中"
    "程度而是学生体系报告家庭进步各项贯彻的意一大办法度的出版人才在我场的理的转变作者"
    "比较虽然并不青年的目国国特色中华感到一天状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法关注和人的形务的尤其题的一系明确丰富"
    "门的大型在此举办们在只要民主合理一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了等方逐步和经一点一样所以二是尽管非常有利素质意识的信人口十年面对探索"
    "出一和中的改不会作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院广泛交通多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是来说发出都有确定共中著名出席首都系的做好已有河北上了电话而不义的去的"
    "多名内的天下普遍的自平的速度近日因素居民的特消费趋势十一导人检查面积的影对此反对"
    "给予如此生命形象较大的指道路开了大精人大同的用于实的相当方向拥有始终不到标志为此"
    "现实纷纷在京培养集体产的的前协调的美切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产信心维护顺利了新坚决况下京市地说机会委书大部万多的战应当界上贸易体的"
    "府的是对作了医院的外走向国经对外艰苦党中展和上午者刘党委推出有所还要特点整体限公"
    "处于罗斯得的进展进的是国只是下降院副比赛的资汽车平理了中相信各国的好有企市政的水"
    "为我的市针对再次更好奋斗下了建议色的终于作会放在特殊的比的决的支对中此间公安除了"
    "朋友友好由中运行式的争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体国在正确危机市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON = frozenset(_COMMON[i : i + 2] for i in range(0, len(_COMMON), 2))
