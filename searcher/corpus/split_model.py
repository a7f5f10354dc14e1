"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 22728 blocks (8772 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "text: cohesion": -7.438,
    "text: word cohesion": -6.368,
    "heading: word cohesion": -6.281,
    "heading: cohesion": -5.455,
    "text: note": -5.031,
    "heading: not article gap": -4.958,
    "heading: numbered": -4.627,
    "heading: flush left": 4.282,
    "text: not article gap": -3.851,
    "text: untitled article": 3.762,
    "heading: untitled article": 3.526,
    "heading: next byline": 3.354,
    "text: local brief": 3.333,
    "text: untitled lede": 3.307,
    "text: article gap": 3.119,
    "text: wider gap": 3.119,
    "heading: wider gap": 3.11,
    "heading: article gap": 3.029,
    "heading: under a label": 2.982,
    "heading: next subtitle": 2.955,
    "heading: title odds": 2.526,
    "heading: joins next": -2.471,
    "text: numbered": -2.431,
    "text: flush left": -2.417,
    "text: ledes follow": 2.385,
    "text: picture": 2.364,
    "heading: prev ends": 2.204,
    "heading: question heading": -2.093,
    "heading: no text yet": -1.918,
    "heading: prev credit": 1.881,
    "heading: prev names": 1.868,
    "heading: after dateline 2": 1.831,
    "heading: prev complete": 1.822,
    "text: para": -1.792,
    "heading: covers": 1.767,
    "heading: news article": 1.727,
    "heading: has subheads": -1.701,
    "heading: next dateline": -1.674,
    "bias": -1.567,
    "text: prev complete": 1.486,
    "heading: just opened": -1.452,
    "text: next heading": -1.434,
    "heading: names heading": -1.415,
    "heading: echoes": -1.401,
    "heading: prev byline": 1.376,
    "text: lede": -1.17,
    "heading: after figures": 1.021,
    "text: list goes on": -0.963,
    "heading: list goes on": -0.961,
    "text: prev ends": 0.957,
    "heading: long article": 0.927,
    "text: prev closing byline": -0.926,
    "heading: picture": 0.898,
    "text: long article": 0.891,
    "heading: next opens": 0.807,
    "text: dateline": 0.796,
    "text: prev names": 0.658,
    "text: prev credit": 0.645,
    "text: opens": 0.575,
    "heading: figures": -0.562,
    "text: dateline in article without": 0.553,
    "heading: prev picture": 0.552,
    "text: under a label": -0.552,
    "text: just opened": 0.536,
    "text: has subheads": -0.482,
    "text: reported": -0.473,
    "heading: next heading": 0.451,
    "heading: short section": -0.409,
    "text: prev heading": -0.397,
    "heading: prev closing byline": -0.372,
    "heading: over a dateline after text": -0.34,
    "text: after a caption": -0.316,
    "heading: bylined article": -0.313,
    "heading: long run": -0.302,
    "heading: picture article": -0.238,
    "text: news article": 0.235,
    "text: another dateline": -0.229,
    "text: next byline": 0.228,
    "heading: heading": 0.225,
    "text: next dateline": 0.225,
    "heading: prev heading": 0.165,
    "text: end of page": 0.136,
    "text: over a dateline after text": 0.133,
    "heading: end of page": -0.123,
    "text: no text yet": 0.066,
    "heading: next names": -0.065,
    "text: bylined article": -0.064,
    "heading: short heading": 0.059,
    "heading: short over dateline": -0.051,
    "text: indented": -0.044,
    "text: picture article": 0.042,
    "heading: after a caption": 0.021,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.45,
    "heading: untitled article": 4.791,
    "heading: flush left": 4.49,
    "heading: numbered": -4.275,
    "text: untitled article": 4.111,
    "text: note": -4.087,
    "text: not article gap": -3.974,
    "text: local brief": 3.971,
    "heading: next byline": 3.878,
    "text: article gap": 3.484,
    "text: wider gap": 3.484,
    "heading: wider gap": 3.301,
    "heading: article gap": 3.274,
    "heading: prev credit": 3.265,
    "heading: next subtitle": 3.174,
    "text: para": -3.108,
    "text: untitled lede": 2.999,
    "text: flush left": -2.993,
    "heading: picture": 2.959,
    "heading: after dateline 2": 2.861,
    "heading: under a label": 2.812,
    "heading: joins next": -2.647,
    "text: ledes follow": 2.601,
    "text: picture": 2.474,
    "heading: no text yet": -2.418,
    "bias": -2.348,
    "text: numbered": -2.302,
    "heading: list goes on": -2.13,
    "heading: prev names": 2.036,
    "heading: names heading": -1.977,
    "heading: news article": 1.917,
    "heading: prev complete": 1.885,
    "heading: has subheads": -1.878,
    "text: prev complete": 1.876,
    "heading: question heading": -1.664,
    "text: next heading": -1.493,
    "text: prev credit": 1.453,
    "heading: prev byline": 1.412,
    "heading: end of page": -1.32,
    "heading: figures": -1.194,
    "text: lede": -1.167,
    "text: prev names": 1.153,
    "text: just opened": 1.08,
    "text: under a label": -1.07,
    "heading: just opened": -1.036,
    "heading: after a caption": -1.029,
    "text: list goes on": -0.992,
    "text: dateline": 0.985,
    "heading: next dateline": -0.96,
    "text: has subheads": -0.859,
    "text: prev heading": -0.81,
    "heading: heading": 0.76,
    "text: prev closing byline": -0.746,
    "heading: long run": -0.742,
    "heading: long article": 0.703,
    "text: news article": -0.646,
    "text: next dateline": 0.605,
    "text: dateline in article without": 0.591,
    "heading: after figures": 0.569,
    "heading: over a dateline after text": -0.555,
    "heading: short heading": -0.538,
    "text: after a caption": 0.487,
    "heading: prev closing byline": -0.469,
    "text: another dateline": 0.443,
    "heading: prev picture": 0.419,
    "heading: bylined article": -0.373,
    "text: over a dateline after text": 0.31,
    "text: end of page": 0.292,
    "heading: prev heading": 0.283,
    "text: indented": -0.261,
    "heading: next heading": 0.256,
    "heading: short section": -0.209,
    "heading: short over dateline": -0.183,
    "heading: picture article": -0.175,
    "text: long article": 0.113,
    "text: no text yet": 0.105,
    "text: bylined article": -0.07,
    "text: picture article": -0.062,
    "heading: next names": -0.052,
    "text: reported": 0.049,
    "text: next byline": -0.021,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能次区已位度起十入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小着此名里都间种期第"
    "学万系法设活文共点达代题意基取些持情结任解济元统如领应金子委组导门保举程决世改张"
    "二量性步因水交资相界先计调更广局东别受联把安但放然西美无深管增际指认办省式首五讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府积路常片物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要活动新的自己年的这些"
    "成为加强国的管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议的重人员"
    "精神关系技术这个举行实现水平中的一年特别一次历史努力可以解决进一提供基础的大的人"
    "上的建立代表到了表示就是部分提出作用服务在这参加取得业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新政治不断出的已经的经会主继续美国指出单位合作展的希望政策好的这种全面具有干部"
    "国务成了工程家的作的支持联合条件稳定发生现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成现代共同投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持增加项目以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品社北十分各种思想的情教育的问保持"
    "现了资金开放两个也是介绍定的的生重视能力会上日前万元个人正在作出的同什么经营的时"
    "了解都是结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功只有党的长期"
    "调整民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好的作深入天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域新年理论"
    "农业统一五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家但是济的意义的事生的内容落实的方一批信息在中经验大力的实在北收入"
    "性的联系文明成果贡献的第存在机关推进关部造成持续者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析大会按照制定最后行为直接力量"
    "参与发表泽民结束的不大量的各江泽的原的历阶段劳动美元这次力的有限为主一条的全扩大"
    "增强效益当地一项大学银行资源了这国政正式对于在国集中宣传里的接受电视的优形势实践"
    "后的起了加快结果多年表现反映行动和平国民突破出来处理在新真正才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的和发原则竞争外交动的来了变化业和然而中共"
    "他的日本带来具体下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后是中代化革开关键二十为一任何指导完全为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心双方的合意见力度到的几个年底严格"
    "优秀行政能够内外大家邓小万人的社很大减少的建及时自治改变时代方针知识多种多人程中"
    "程度而是学生体系报告进步各项家庭的意贯彻一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年国国特色的目中华一天感到状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法关注和人务的的形尤其题的一系明确丰富"
    "门的大型在此举办民主们在合理只要一部适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了等方逐步和经一点一样所以二是有利尽管非常意识素质的信人口十年面对探索"
    "出一的改和中不会作品平均迅速界的时候学的的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院广泛交通多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由合国国各三个"
    "办的规范常委设备公里左右范围开拓未来今后供了者王进程不久执行局面控制业务来越越来"
    "相互一方正是来说共中确定发出都有首都著名出席系的做好已有河北上了电话义的而不去的"
    "多名内的天下普遍的自平的速度近日因素居民的特消费趋势十一导人面积检查的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的实的用于相当方向标志拥有始终不到为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的安排需求统的岁的成一运动的老选择快速"
    "的结经常的产顺利信心维护况下坚决了新京市地说机会委书大部万多的战应当贸易界上体的"
    "府的是对作了医院国经的外走向对外党中艰苦者刘展和上午党委推出有所还要特点整体限公"
    "处于得的进的罗斯进展是国只是下降院副比赛的资汽车相信了中各国平理的好有企市政的水"
    "为我的市针对再次奋斗更好下了建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "友好朋友由中式的运行争取展开利于态度那么中有及其一般了全培训专门法律英国广东成就"
    "全体国在正确危机市委市的工的自身了我亿美只能选举如今是要热情出口知道伟大家和的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
