"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 50541 blocks (14601 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    'heading: cohesion': -11.459,
    'text: cohesion': -9.901,
    'heading: not article gap': -5.368,
    'text: note': -5.107,
    'text: not article gap': -4.543,
    'heading: flush left': 4.474,
    'text: untitled article': 3.627,
    'heading: next byline': 3.546,
    'heading: next subtitle': 3.256,
    'text: article gap': 3.238,
    'text: wider gap': 3.238,
    'heading: picture': 3.227,
    'heading: numbered': -3.225,
    'heading: wider gap': 3.203,
    'heading: article gap': 3.176,
    'heading: next names': 2.94,
    'text: numbered': -2.718,
    'text: local brief': 2.646,
    'heading: list goes on': -2.605,
    'text: picture': 2.563,
    'heading: under a label': 2.551,
    'heading: prev credit': 2.397,
    'text: para': -2.259,
    'heading: prev complete': 2.231,
    'text: flush left': -2.103,
    'heading: no text yet': -2.05,
    'heading: after dateline 2': 2.021,
    'heading: untitled article': 1.984,
    'heading: prev byline': 1.902,
    'text: untitled lede': 1.882,
    'heading: has subheads': -1.859,
    'heading: next dateline': 1.829,
    'bias': -1.751,
    'heading: news article': 1.642,
    'heading: question heading': -1.61,
    'heading: end of page': -1.593,
    'heading: names heading': -1.525,
    'text: next dateline': 1.511,
    'text: prev credit': 1.502,
    'heading: prev names': 1.48,
    'text: no text yet': -1.395,
    'text: prev complete': 1.371,
    'text: next heading': -1.359,
    'heading: figures': -1.347,
    'text: just opened': -1.296,
    'heading: long run': -1.216,
    'text: dateline': 1.186,
    'text: prev names': 1.157,
    'text: prev picture': -1.097,
    'text: prev heading': -1.075,
    'heading: after a caption': -0.962,
    'text: dateline in article without': 0.933,
    'text: list goes on': -0.928,
    'text: prev closing byline': -0.828,
    'heading: just opened': -0.817,
    'text: has subheads': -0.657,
    'heading: long article': 0.628,
    'heading: short heading': -0.612,
    'heading: bylined article': -0.548,
    'heading: heading': 0.507,
    'heading: after figures': 0.484,
    'heading: next heading': 0.453,
    'text: bylined article': -0.417,
    'text: prev byline': -0.389,
    'heading: prev picture': -0.388,
    'heading: short section': -0.374,
    'text: end of page': 0.369,
    'text: after a caption': 0.362,
    'heading: short over dateline': -0.272,
    'heading: prev closing byline': -0.268,
    'text: picture article': -0.25,
    'text: indented': -0.242,
    'text: another dateline': 0.228,
    'heading: prev heading': 0.218,
    'text: under a label': -0.218,
    'heading: picture article': -0.18,
    'text: long article': -0.162,
    'text: news article': -0.154,
    'text: lede': 0.094,
    'text: next byline': 0.08,
    'text: reported': -0.026,
    'heading: note': -0.002,
}

# The commonest two-character strings of the articles (left out of cohesion),
# written one after another.
_COMMON = (
    "记者本报中国日电国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要活动新的自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的特别一年一次历史努力可以解决进一基础提供的大的人"
    "上的建立代表到了表示就是部分提出作用服务参加取得在这业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新不断出的政治已经的经会主继续美国指出单位合作希望展的政策好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件发生稳定现在重点决定计划同志得到附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资实际要的出现的主进入第二采取"
    "在一广大科学部长为了环境坚持增加项目以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北思想各种的情教育保持的问"
    "现了资金两个开放也是介绍定的的生能力重视会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括负责集团最大目标得了国有各地成功只有党的长期"
    "调整民族传统形式不同社记的成一位看到职工重大强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果良好"
    "会的深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域统一理论"
    "农业新年五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制解放不少的精系列"
    "认真工业有效专家但是济的意义的事生的落实内容的方一批信息在中经验的实大力在北收入"
    "性的文明联系成果贡献的第存在机关推进关部持续造成者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析按照制定大会最后行为泽民力量"
    "参与发表直接结束的不大量江泽的各的原阶段的历劳动美元这次力的有限为主一条的全扩大"
    "增强效益一项当地大学银行资源了这对于国政正式集中在国宣传里的接受电视形势的优实践"
    "后的起了加快结果多年表现反映和平国民行动突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交竞争原则和发来了动的变化业和然而日本"
    "他的中共具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后关键代化是中革开二十为一任何指导完全整个为中标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀能够邓小大家行政内外万人的社很大减少的建及时方针改变自治时代知识多种多人程中"
    "程度而是学生体系报告各项进步家庭贯彻的意一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年特色的目国国中华感到一天状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法和人关注的形务的尤其题的一系明确门的"
    "丰富大型在此举办民主只要们在合理一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了等方逐步和经一点一样所以二是尽管有利非常意识素质的信人口十年面对探索"
    "出一不会的改和中作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院广泛交通多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围开拓未来供了今后者王进程不久执行局面控制业务来越越来"
    "相互一方正是确定共中都有来说发出出席著名首都系的做好已有河北上了电话义的而不去的"
    "多名内的天下普遍平的的自速度近日因素居民的特消费十一趋势导人检查面积的影对此反对"
    "给予如此生命形象较大道路的指开了大精人大同的实的用于相当方向不到标志拥有始终为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产维护顺利信心况下坚决了新京市地说机会委书大部万多的战应当贸易界上体的"
    "府的是对作了医院的外对外走向国经党中艰苦者刘上午展和党委推出有所还要特点整体限公"
    "进的得的处于罗斯进展是国只是下降院副比赛的资汽车了中各国相信平理有企的好市政的水"
    "为我的市针对再次下了更好奋斗建议色的终于作会放在特殊的决的比的支对中此间公安除了"
    "友好朋友由中运行式的争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就正确危机国在市委市的工的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON = frozenset(_COMMON[i : i + 2] for i in range(0, len(_COMMON), 2))
