"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 27047 blocks (14418 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: cohesion": -7.863,
    "text: cohesion": -6.652,
    "heading: not article gap": -5.075,
    "heading: numbered": -4.675,
    "heading: flush left": 4.623,
    "text: note": -4.51,
    "text: not article gap": -3.9,
    "heading: untitled article": 3.657,
    "text: flush left": -3.556,
    "heading: next byline": 3.485,
    "text: local brief": 3.365,
    "text: article gap": 3.265,
    "text: wider gap": 3.265,
    "heading: wider gap": 3.2,
    "heading: article gap": 3.11,
    "heading: next subtitle": 2.985,
    "text: untitled article": 2.733,
    "text: numbered": -2.721,
    "heading: under a label": 2.683,
    "heading: over a dateline after text": 2.577,
    "text: picture": 2.405,
    "heading: picture": 2.347,
    "heading: no text yet": -2.25,
    "heading: prev ends": 2.128,
    "text: para": -2.084,
    "heading: has subheads": -1.979,
    "heading: after dateline 2": 1.954,
    "heading: question heading": -1.927,
    "text: next heading": -1.926,
    "text: untitled lede": 1.779,
    "heading: prev complete": 1.71,
    "heading: prev byline": 1.683,
    "heading: just opened": -1.667,
    "heading: next dateline": -1.629,
    "bias": -1.625,
    "heading: title odds": 1.537,
    "heading: covers": 1.509,
    "heading: prev names": 1.492,
    "text: prev credit": 1.428,
    "heading: echoes": -1.374,
    "text: prev complete": 1.366,
    "heading: names heading": -1.339,
    "heading: list goes on": -1.325,
    "heading: figures": -1.168,
    "text: next dateline": 1.153,
    "heading: after figures": 1.144,
    "text: prev ends": 1.138,
    "heading: news article": 1.114,
    "heading: prev credit": 1.023,
    "text: list goes on": -0.926,
    "text: just opened": 0.915,
    "text: over a dateline after text": 0.882,
    "text: prev closing byline": -0.83,
    "heading: next opens": 0.765,
    "text: under a label": -0.759,
    "heading: long article": 0.75,
    "text: reported": -0.69,
    "text: end of page": 0.661,
    "text: prev names": 0.65,
    "text: lede": 0.6,
    "text: opens": 0.576,
    "text: prev heading": -0.502,
    "text: after a caption": -0.485,
    "heading: prev picture": 0.477,
    "heading: next heading": 0.474,
    "heading: bylined article": -0.471,
    "heading: prev heading": 0.462,
    "heading: heading": 0.458,
    "text: news article": -0.452,
    "heading: end of page": -0.431,
    "text: picture article": -0.41,
    "heading: prev closing byline": -0.372,
    "text: has subheads": -0.352,
    "heading: long run": -0.328,
    "text: long article": 0.319,
    "heading: short section": -0.29,
    "heading: after a caption": -0.265,
    "text: dateline": 0.26,
    "text: another dateline": -0.256,
    "text: bylined article": 0.251,
    "text: no text yet": 0.232,
    "text: dateline in article without": -0.174,
    "text: indented": -0.167,
    "heading: picture article": -0.163,
    "heading: short over dateline": -0.134,
    "text: next byline": 0.111,
    "heading: short heading": -0.084,
    "heading: next names": -0.022,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.538,
    "heading: untitled article": 4.754,
    "text: note": -4.535,
    "heading: flush left": 4.521,
    "text: not article gap": -4.349,
    "heading: numbered": -4.152,
    "heading: next byline": 3.912,
    "text: local brief": 3.727,
    "text: flush left": -3.688,
    "heading: wider gap": 3.325,
    "heading: article gap": 3.294,
    "heading: picture": 3.281,
    "text: article gap": 3.263,
    "text: wider gap": 3.263,
    "heading: next subtitle": 3.213,
    "heading: over a dateline after text": 2.995,
    "text: untitled article": 2.967,
    "text: numbered": -2.77,
    "text: para": -2.75,
    "heading: prev credit": 2.743,
    "heading: after dateline 2": 2.413,
    "heading: no text yet": -2.378,
    "heading: under a label": 2.372,
    "heading: list goes on": -2.189,
    "text: prev credit": 2.159,
    "bias": -2.127,
    "text: picture": 2.124,
    "heading: has subheads": -2.065,
    "heading: names heading": -2.003,
    "heading: prev complete": 1.85,
    "text: next heading": -1.672,
    "heading: prev names": 1.578,
    "text: prev complete": 1.532,
    "heading: question heading": -1.52,
    "heading: prev byline": 1.508,
    "heading: news article": 1.493,
    "heading: end of page": -1.474,
    "text: next dateline": 1.419,
    "text: untitled lede": 1.24,
    "heading: just opened": -1.204,
    "text: just opened": 1.2,
    "text: over a dateline after text": 1.187,
    "heading: figures": -1.079,
    "text: lede": 1.006,
    "text: under a label": -1.002,
    "text: list goes on": -1.0,
    "text: end of page": 0.952,
    "heading: after a caption": -0.832,
    "text: prev closing byline": -0.771,
    "heading: long article": 0.755,
    "heading: long run": -0.705,
    "text: has subheads": -0.685,
    "heading: short heading": -0.684,
    "text: news article": -0.658,
    "text: prev names": 0.652,
    "text: prev heading": -0.629,
    "heading: heading": 0.623,
    "heading: after figures": 0.572,
    "text: picture article": -0.509,
    "text: after a caption": 0.488,
    "heading: prev closing byline": -0.486,
    "heading: bylined article": -0.433,
    "heading: next heading": 0.422,
    "text: long article": 0.413,
    "heading: prev heading": 0.408,
    "text: bylined article": 0.38,
    "text: reported": -0.351,
    "heading: next dateline": -0.347,
    "text: no text yet": 0.303,
    "text: dateline": 0.3,
    "heading: prev picture": 0.267,
    "text: indented": -0.23,
    "heading: picture article": -0.214,
    "heading: short section": -0.214,
    "heading: short over dateline": -0.177,
    "text: next byline": 0.052,
    "text: another dateline": -0.05,
    "heading: next names": -0.035,
    "heading: next mid-word": -0.0,
    "text: dateline in article without": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能次区已位度十起入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小着此名里都间种期第"
    "学万系法设共文活点达代题意基取些持情结任解济元统如领应金子委组门导举保程决世张改"
    "二量性步因水交资相界先计调更广局东别受联把但安放然西美无增深管际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府路片常积物极只级四造"
    "规干几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国一些企业了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际改革积极主要新的活动自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神关系技术这个举行实现水平中的一年特别一次历史努力可以解决进一基础提供的大的人"
    "上的代表建立到了表示就是部分提出作用服务参加取得在这业的人们以及群众人的许多们的"
    "需要以来由于国人来的其中主义今年基本文化有一这样影响的是据新必须有的行的委员时间"
    "的新不断出的政治已经的经继续会主美国指出单位合作政策展的希望好的这种全面具有干部"
    "国务成了工程家的作的支持条件联合稳定发生现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资实际要的出现的主进入第二采取"
    "广大在一科学部长为了环境坚持增加项目以上事业增长面的过去经过世纪一定的中不是实施"
    "任务达到己的地方务院不仅起来区的报记发挥总理产品十分社北各种思想的情教育保持的问"
    "现了资金两个开放也是介绍的生定的重视能力会上日前万元个人作出正在的同什么经营的时"
    "都是了解结构城市制度系统实行受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括负责集团最大目标得了国有各地成功只有党的长期"
    "调整民族形式传统不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域统一理论"
    "新年农业五大产生电记如何保证一起安全自然之间是我样的首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制不少解放的精系列"
    "认真工业有效专家济的但是意义的事生的内容落实的方一批信息在中经验大力的实在北收入"
    "性的成果文明贡献联系的第存在机关推进关部持续造成者的优势还是设的规定亿元加了间的"
    "健康年代机构之一保护各级场经引起改善关于组成艺术分析按照大会制定最后行为直接参与"
    "力量泽民发表结束的不大量的原的各江泽的历阶段劳动美元这次力的有限为主一条扩大的全"
    "增强效益一项当地大学银行资源了这正式对于国政在国集中宣传里的接受电视形势的优实践"
    "起了后的加快结果多年表现反映行动国民和平突破出来处理真正在新才能的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的原则外交竞争和发动的来了变化业和然而日本"
    "他的中共具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后代化是中关键革开二十为一指导完全任何为中整个标准长的行业地的个月连续"
    "的十当前一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的几个年底严格"
    "优秀邓小能够内外大家行政万人的社很大减少的建及时自治时代方针改变知识多种多人程中"
    "程度而是学生体系报告家庭进步各项的意贯彻一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年的目特色国国中华感到一天状况两国财政元的也有另一有人一月面临众的"
    "的思来到监督随着制的人士一是到一年前商业方法关注和人的形务的尤其题的一系明确门的"
    "丰富大型在此举办一部合理只要们在民主适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的等方定了逐步和经一点一样所以二是非常尽管有利意识素质的信人口十年面对探索"
    "出一和中不会的改作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化观念为人多万革命部队图为国外学院交通广泛多个令人的要商品恢复的行"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国办的"
    "三个规范常委设备公里左右范围未来开拓供了今后者王进程不久执行局面控制业务越来来越"
    "相互一方正是共中都有确定发出来说著名出席首都系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍平的的自速度近日因素居民的特消费趋势十一导人检查面积的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的用于实的相当方向始终拥有标志不到为此"
    "现实纷纷在京培养集体产的的前的美协调切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产信心维护顺利坚决了新况下京市机会地说委书大部万多的战应当贸易界上体的"
    "府的是对作了医院对外国经走向的外党中艰苦者刘展和上午党委推出有所还要特点整体限公"
    "处于得的进展罗斯进的是国只是下降院副比赛的资汽车相信了中各国平理有企的好市政的水"
    "为我的市针对再次更好奋斗下了建议色的终于作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东全体"
    "成就正确危机国在市委工的市的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
