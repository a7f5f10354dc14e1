"""Weights of the model in ``segment``: written by bench/split_train.py, do not edit.

Fitted on 21123 blocks (8582 open an article) of 179 pages dated 1-20 January 1998 in
layouts blank,indent,wrapped,print-breaks,flat,wrap-cells,header,furniture; L2 1.0.
"""

WEIGHTS = {
    "heading: word cohesion": -6.245,
    "text: word cohesion": -5.282,
    "heading: cohesion": -5.01,
    "heading: not article gap": -4.89,
    "text: cohesion": -4.791,
    "heading: numbered": -4.709,
    "heading: flush left": 4.577,
    "text: note": -4.518,
    "text: not article gap": -3.816,
    "heading: next byline": 3.448,
    "text: article gap": 3.257,
    "text: wider gap": 3.257,
    "text: flush left": -3.253,
    "heading: untitled article": 3.243,
    "heading: under a label": 3.227,
    "heading: wider gap": 3.085,
    "heading: article gap": 3.009,
    "text: local brief": 2.996,
    "heading: next subtitle": 2.871,
    "text: untitled article": 2.807,
    "text: numbered": -2.728,
    "text: picture": 2.652,
    "heading: question heading": -2.087,
    "heading: prev ends": 2.014,
    "text: untitled lede": 2.004,
    "heading: no text yet": -1.962,
    "text: para": -1.949,
    "heading: title odds": 1.94,
    "heading: has subheads": -1.857,
    "text: next heading": -1.841,
    "heading: next dateline": -1.764,
    "heading: after dateline 2": 1.708,
    "heading: over a dateline after text": -1.706,
    "heading: prev names": 1.7,
    "bias": -1.634,
    "heading: prev complete": 1.609,
    "heading: covers": 1.558,
    "text: prev credit": 1.515,
    "heading: picture": 1.504,
    "heading: prev credit": 1.391,
    "heading: prev byline": 1.33,
    "heading: just opened": -1.306,
    "heading: news article": 1.306,
    "text: prev ends": 1.301,
    "heading: echoes": -1.297,
    "heading: after figures": 1.185,
    "heading: list goes on": -1.149,
    "text: prev complete": 1.146,
    "text: next dateline": 1.056,
    "heading: figures": -1.026,
    "heading: long article": 0.979,
    "text: list goes on": -0.918,
    "heading: names heading": -0.875,
    "text: prev closing byline": -0.852,
    "text: just opened": 0.83,
    "text: over a dateline after text": 0.776,
    "heading: next opens": 0.719,
    "text: long article": 0.706,
    "text: end of page": 0.703,
    "text: prev names": 0.702,
    "text: under a label": -0.604,
    "text: dateline": 0.572,
    "text: after a caption": -0.567,
    "text: opens": 0.55,
    "text: reported": -0.522,
    "heading: next heading": 0.514,
    "text: lede": 0.509,
    "heading: prev closing byline": -0.485,
    "heading: prev picture": 0.48,
    "heading: short section": -0.449,
    "heading: bylined article": -0.411,
    "text: news article": -0.398,
    "text: prev heading": -0.378,
    "text: has subheads": -0.376,
    "text: picture article": -0.367,
    "text: bylined article": 0.33,
    "heading: heading": 0.315,
    "text: no text yet": 0.29,
    "heading: end of page": -0.269,
    "heading: after a caption": -0.264,
    "heading: picture article": -0.19,
    "text: indented": -0.145,
    "heading: short heading": 0.128,
    "text: next byline": 0.097,
    "heading: long run": -0.088,
    "text: dateline in article without": 0.065,
    "heading: prev heading": 0.045,
    "heading: short over dateline": 0.036,
    "heading: next names": -0.023,
    "text: another dateline": -0.015,
    "heading: next mid-word": -0.0,
}

# The quick model: the same cues but the words.
QUICK = {
    "heading: not article gap": -5.433,
    "heading: untitled article": 4.717,
    "heading: flush left": 4.549,
    "text: note": -4.537,
    "text: not article gap": -4.35,
    "heading: numbered": -4.13,
    "heading: next byline": 3.946,
    "text: local brief": 3.726,
    "text: flush left": -3.687,
    "heading: wider gap": 3.315,
    "heading: article gap": 3.284,
    "heading: next subtitle": 3.242,
    "text: article gap": 3.241,
    "text: wider gap": 3.241,
    "heading: under a label": 3.165,
    "heading: prev credit": 3.046,
    "heading: picture": 3.037,
    "text: untitled article": 2.972,
    "text: numbered": -2.766,
    "text: para": -2.723,
    "heading: no text yet": -2.424,
    "heading: after dateline 2": 2.296,
    "heading: list goes on": -2.249,
    "text: prev credit": 2.163,
    "bias": -2.163,
    "text: picture": 2.132,
    "heading: has subheads": -2.023,
    "heading: names heading": -1.863,
    "heading: prev complete": 1.819,
    "heading: news article": 1.747,
    "text: next heading": -1.692,
    "heading: prev names": 1.69,
    "heading: over a dateline after text": -1.673,
    "heading: question heading": -1.579,
    "text: prev complete": 1.533,
    "text: next dateline": 1.42,
    "heading: prev byline": 1.343,
    "heading: end of page": -1.325,
    "text: untitled lede": 1.241,
    "text: just opened": 1.201,
    "text: over a dateline after text": 1.185,
    "heading: figures": -1.144,
    "heading: after a caption": -1.018,
    "text: lede": 1.003,
    "text: list goes on": -1.0,
    "text: under a label": -1.0,
    "text: end of page": 0.947,
    "heading: just opened": -0.84,
    "text: prev closing byline": -0.768,
    "heading: long article": 0.748,
    "text: has subheads": -0.684,
    "text: prev names": 0.659,
    "text: news article": -0.65,
    "heading: next dateline": -0.636,
    "text: prev heading": -0.628,
    "heading: after figures": 0.594,
    "heading: heading": 0.56,
    "heading: short heading": -0.556,
    "heading: long run": -0.548,
    "text: picture article": -0.516,
    "heading: next heading": 0.506,
    "heading: prev closing byline": -0.494,
    "text: after a caption": 0.491,
    "text: bylined article": 0.409,
    "text: long article": 0.409,
    "text: reported": -0.349,
    "heading: bylined article": -0.343,
    "heading: prev picture": 0.315,
    "text: no text yet": 0.305,
    "text: dateline": 0.301,
    "heading: short section": -0.263,
    "text: indented": -0.228,
    "heading: picture article": -0.192,
    "heading: prev heading": 0.175,
    "text: next byline": 0.052,
    "text: another dateline": -0.049,
    "heading: short over dateline": -0.047,
    "heading: next names": -0.04,
    "text: dateline in article without": 0.001,
    "heading: next mid-word": -0.0,
}

# The characters of the most articles (left out of cohesion).
COMMON = frozenset(
    "的一在国中日和大为了人有年新上是月本者出发行成以会地家来这个报作全到不进前记对时"
    "部多开社生要长于主经等同电分民方重高工下现华动过天后市实加面理自力关与展业们政道"
    "建得北合用定公他将目从就其外今体之总提我内也员说各明好平表事能区次已位度起十入心"
    "务化而最去当使机并利据由场正还通问三特制向可及立近所强两产京小此着名里都间种期第"
    "学万系法设共文活点达代意题基取些持结情任解济元统如领金应子委导组门举保程决世改张"
    "二量性步因水交资界相先计调更广局东别受联把但安放然西美无管深增际指认办省式五首讯"
    "南至比原形品求项少图给集信处院风接手议治看数件科示收推又海府片积常路物极只级四造"
    "干规几果续样施义参见流难被术支观战传格变"
)

# The two-character strings of the most articles, one after another (words a
# print layout may cut in two).
_PAIRS = (
    "记者本报日电中国国家新华一个华社发展工作北京经济的一进行问题全国人民社会政府报道"
    "今天第一建设我们他们重要去年同时市场世界目前我国企业一些了一地区方面没有领导图片"
    "这一提高大的部门通过公司组织中央有关年来是一国际积极改革主要活动新的自己年的这些"
    "成为国的加强管理生产一步这是要求开始情况作为生活出了报讯研究认为的发会议人员的重"
    "精神技术关系这个举行实现水平中的一年特别一次努力历史可以解决进一提供基础的大的人"
    "上的代表建立到了表示就是部分提出作用服务参加取得在这业的人们以及群众人的们的许多"
    "需要以来由于国人来的其中主义今年文化基本有一这样影响的是据新必须有的行的委员时间"
    "的新政治出的不断已经的经继续会主美国指出单位合作政策展的希望好的这种全面干部具有"
    "国务成了工程家的作的支持联合条件发生稳定现在重点决定计划得到同志附图不能国内的基"
    "一种主席措施十五中心开展行了科技促进形成共同现代投资要的实际出现的主进入第二采取"
    "广大在一科学部长为了环境坚持项目增加以上事业面的增长过去经过一定世纪的中不是实施"
    "任务达到己的地方务院不仅区的起来报记发挥总理产品社北十分各种思想的情教育保持的问"
    "现了资金两个开放也是介绍的生定的能力重视会上日前万元个人正在作出的同什么经营的时"
    "了解都是结构城市制度实行系统受到的国的关的工完成根据是在结合而且可能因此民的新闻"
    "其他开发书记别是日讯利用和国报北包括集团负责最大目标得了国有各地成功党的只有长期"
    "调整民族传统形式不同社记的成一位看到重大职工强调这里规模多的还有主任困难创造先进"
    "在全目的获得讯记成的质量日在最近学习分别他说充分不可战略认识方式责任农民如果会的"
    "良好深入的作天在的地因为化的农村召开几年金融副主严重成立产业推动员会领域农业统一"
    "新年理论五大产生电记如何保证一起安全自然之间样的是我首先帮助的高原因所有也不根本"
    "心的济发明显立了发现体制全部时期期间过程第三高度上海近年投入机制解放不少的精系列"
    "认真工业有效专家济的但是意义的事生的落实内容的方一批信息在中经验大力的实在北收入"
    "性的文明成果联系贡献的第存在机关推进关部持续造成者的优势还是设的规定亿元间的加了"
    "健康年代机构之一保护各级场经引起改善关于艺术组成分析大会制定按照最后行为泽民直接"
    "参与力量发表结束的不大量江泽的原的各阶段的历劳动美元这次力的有限为主一条的全扩大"
    "增强效益一项当地大学银行资源了这正式国政对于在国集中宣传里的接受电视实践的优形势"
    "后的起了加快结果多年表现反映和平行动国民突破出来处理才能真正在新的有的领副总的政"
    "有了综合地位现象高的统计准备应该调查量的外交和发竞争原则来了动的变化业和然而中共"
    "日本他的具体带来下午欢迎每年成绩品的宣布总统甚至使用下的来自础上小平更加的最利益"
    "前的先后之后革开代化关键是中二十为一完全任何指导为中整个标准长的行业地的个月连续"
    "当前的十一直巨大委会香港办公加大天的的文访问的心的合双方意见力度到的年底几个严格"
    "优秀能够邓小大家内外行政的社万人很大减少的建及时方针改变自治时代知识多种多人程中"
    "程度而是学生体系报告进步各项家庭贯彻的意一大办法度的出版人才在我场的理的作者转变"
    "比较虽然并不青年国国的目特色中华感到一天状况两国财政元的也有另一有人一月面临的思"
    "众的来到监督随着制的人士一是到一年前商业方法关注和人务的的形尤其题的一系明确门的"
    "丰富大型在此举办民主一部只要合理们在适应表明更多价值价格完善的现交流在的一家了大"
    "最高部的定了等方逐步和经一点一样所以二是尽管非常有利意识素质的信人口十年面对探索"
    "出一的改和中不会作品平均迅速界的学的时候的小注意从而贫困和社会见基层体现建成突出"
    "成员两年基金深化为人观念多万革命部队图为国外学院交通广泛多个令人的要商品的行恢复"
    "关心超过是不重新员的难以的进党和队伍学校一切进了资产的这有些专业是由国各合国三个"
    "办的规范常委设备公里左右范围未来开拓今后供了者王进程不久执行局面控制业务来越越来"
    "相互一方正是确定发出都有共中来说首都出席著名系的做好已有河北上了电话义的而不去的"
    "多名天下内的普遍的自平的速度近日因素居民的特消费十一趋势导人面积检查的影对此反对"
    "给予如此生命形象较大的指开了道路大精人大同的实的用于相当方向标志始终拥有不到为此"
    "现实纷纷在京培养集体产的协调的美的前切实重的需求安排统的岁的成一运动的老选择快速"
    "的结经常的产顺利维护信心坚决况下了新京市机会地说委书大部万多的战应当贸易界上体的"
    "府的是对作了医院的外国经对外走向党中艰苦上午展和者刘党委推出有所还要特点整体限公"
    "得的罗斯进展进的处于是国只是下降院副比赛的资汽车相信了中平理各国有企的好市政的水"
    "为我的市针对再次奋斗更好下了建议终于色的作会放在特殊的决的比的支对中此间公安除了"
    "朋友友好由中式的运行争取展开利于那么态度中有及其一般了全培训专门法律英国广东成就"
    "全体正确危机国在市委工的市的自身了我亿美只能选举如今是要热情出口知道家和伟大的总"
)
COMMON_PAIRS = frozenset(_PAIRS[i : i + 2] for i in range(0, len(_PAIRS), 2))
